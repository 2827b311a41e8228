import { Type } from '@sinclair/typebox';
import { AddressId, deleteAddress } from '../addresses.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const deleteAddressOp = defineOperation({
  name: 'delete_address',
  title: 'Delete a saved address',
  description: "Delete one of the signed-in user's saved addresses. Orders already placed keep the address they were sent to.",
  http: { method: 'DELETE', path: '/addresses/:address_id' },
  input: Type.Object({ session_id: SessionId, address_id: AddressId }),
  output: Type.Object({ deleted: Type.String() }),
  hints: { readOnly: false, idempotent: false, destructive: true },
  summarize: (r) => `Deleted address ${r.deleted}.`,
  run: async ({ session_id, address_id }, { deps }) => {
    const session = await requireSession(deps, session_id);
    await deleteAddress(deps, session, address_id);
    return { deleted: address_id };
  },
});
