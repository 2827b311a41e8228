import { Type } from '@sinclair/typebox';
import { addressView, AddressView, listAddresses } from '../addresses.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const listAddressesOp = defineOperation({
  name: 'list_addresses',
  title: 'Saved addresses',
  description:
    "The signed-in user's saved delivery addresses, newest first. Offer them at checkout: initialize_order takes an " +
    'address_id instead of the whole address. Needs a signed-in session (phone_login, verify_otp).',
  http: { method: 'GET', path: '/addresses' },
  input: Type.Object({ session_id: SessionId }),
  output: Type.Object({ addresses: Type.Array(AddressView) }),
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: (r) =>
    r.addresses.length === 0
      ? 'No saved addresses yet.'
      : `${r.addresses.length} address(es): ${r.addresses.map((a) => `${a.label} (${a.address_id}) ${a.locality}, ${a.city} ${a.pincode}`).join('; ')}.`,
  run: async ({ session_id }, { deps }) => {
    const session = await requireSession(deps, session_id);
    return { addresses: (await listAddresses(deps, session)).map(addressView) };
  },
});
