import { Type } from '@sinclair/typebox';
import { AddressFields, AddressId, addressView, AddressView, updateAddress } from '../addresses.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

/** Every field optional: a change names only what changes. */
const Changes = Type.Partial(Type.Object(AddressFields));

export const updateAddressOp = defineOperation({
  name: 'update_address',
  title: 'Change a saved address',
  description:
    'Change some fields of one of the signed-in user\'s saved addresses; the result is checked like a new one (a new ' +
    'pincode brings its own city, state and point unless given).',
  http: { method: 'PATCH', path: '/addresses/:address_id' },
  input: Type.Object({ session_id: SessionId, address_id: AddressId, ...Changes.properties }),
  output: AddressView,
  hints: { readOnly: false, idempotent: true, destructive: false },
  summarize: (a) => `Updated ${a.label} (${a.address_id}): ${a.house}, ${a.building}, ${a.locality}, ${a.city} ${a.pincode}.`,
  run: async ({ session_id, address_id, ...changes }, { deps }) => {
    const session = await requireSession(deps, session_id);
    return addressView(await updateAddress(deps, session, address_id, changes));
  },
});
