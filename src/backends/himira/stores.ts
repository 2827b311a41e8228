/**
 * The core's stores as the core uses them with a buyer backend: the same data, with two things the backend must
 * learn as they happen. The core's ports carry no user to the network, so whose checkout a transaction is gets noted
 * when the checkout is saved (records.ts); and a change to a user's address book is written through to their backend
 * user (addresses.ts). Our store is written first and stays the authority: a backend that cannot take an address
 * now is logged, and catches up at the user's next address change or order.
 */
import type { Logger } from 'pino';
import type { Address } from '../../core/addresses.js';
import type { Checkout } from '../../core/checkout.js';
import type { DocumentStore, Stores } from '../../core/ports.js';
import { BackendError } from './client.js';

export interface WriteThrough {
  checkoutSaved(checkout: Checkout): Promise<void>;
  addressesChanged(userId: string): Promise<void>;
  log: Logger;
}

/** Every method of a document store, handed to the inner one; the wrappers below replace the writes they watch. */
function delegate<T>(inner: DocumentStore<T>): DocumentStore<T> {
  return {
    get: (id) => inner.get(id),
    create: (id, doc, opts) => inner.create(id, doc, opts),
    update: (id, change, opts) => inner.update(id, change, opts),
    delete: (id) => inner.delete(id),
    listByOwner: (owner, limit) => inner.listByOwner(owner, limit),
  };
}

function checkoutsNoted(inner: DocumentStore<Checkout>, hooks: WriteThrough): DocumentStore<Checkout> {
  return {
    ...delegate(inner),
    async create(id, doc, opts) {
      const created = await inner.create(id, doc, opts);
      if (created) await hooks.checkoutSaved(doc);
      return created;
    },
  };
}

function addressesWrittenThrough(inner: DocumentStore<Address>, hooks: WriteThrough): DocumentStore<Address> {
  const through = async (userId: string | undefined) => {
    if (!userId) return;
    await hooks.addressesChanged(userId).catch((err: Error) => {
      hooks.log.warn({ failure: err instanceof BackendError ? err.failure : 'error', err: err.message }, 'delivery addresses not written through to the buyer backend yet');
    });
  };
  return {
    ...delegate(inner),
    async create(id, doc, opts) {
      const created = await inner.create(id, doc, opts);
      if (created) await through(doc.userId);
      return created;
    },
    async update(id, change, opts) {
      const saved = await inner.update(id, change, opts);
      await through(saved?.userId);
      return saved;
    },
    async delete(id) {
      const before = await inner.get(id);
      await inner.delete(id);
      await through(before?.userId);
    },
  };
}

export function writeThroughStores(stores: Stores, hooks: WriteThrough): Stores {
  return {
    get kind() {
      return stores.kind;
    },
    sessions: stores.sessions,
    carts: stores.carts,
    rateLimits: stores.rateLimits,
    documents<T>(kind: string): DocumentStore<T> {
      if (kind === 'checkout') return checkoutsNoted(stores.documents<Checkout>(kind), hooks) as unknown as DocumentStore<T>;
      if (kind === 'address') return addressesWrittenThrough(stores.documents<Address>(kind), hooks) as unknown as DocumentStore<T>;
      return stores.documents<T>(kind);
    },
    dump: () => stores.dump(),
    load: (records) => stores.load(records),
    ping: () => stores.ping(),
    close: () => stores.close(),
  };
}
