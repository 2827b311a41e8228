import { Type } from '@sinclair/typebox';
import { addAddress, AddressFields, addressView, AddressView } from '../addresses.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const addAddressOp = defineOperation({
  name: 'add_address',
  title: 'Save an address',
  description:
    'Save a delivery address for the signed-in user. The pincode must be a real Indian pincode; city and state are ' +
    'filled from it when left out, and a state that does not match it is refused. Returns the address_id for ' +
    'initialize_order. Needs a signed-in session.',
  http: { method: 'POST', path: '/addresses' },
  input: Type.Object({ session_id: SessionId, ...AddressFields }),
  output: AddressView,
  hints: { readOnly: false, idempotent: false, destructive: false },
  summarize: (a) => `Saved ${a.label} (${a.address_id}): ${a.house}, ${a.building}, ${a.locality}, ${a.city} ${a.pincode}.`,
  run: async ({ session_id, ...fields }, { deps }) => {
    const session = await requireSession(deps, session_id);
    return addressView(await addAddress(deps, session, fields));
  },
});
