/**
 * Delivery addresses at the backend. Our address book stays the one that counts: it is checked against the pincode
 * directory, isolated per user, and it is what initialize_order reads. Each signed-in user's book is written through
 * to that user's own backend user (client.ts), so the backend, and the operator's systems it feeds with addresses,
 * know the same person by the same addresses as the orders placed for them.
 *
 * The contract (ONDC-Official/biap-client-node-js src/accounts/accounts.routes.js, deliveryAddress/
 * deliveryAddress.service.js, db/deliveryAddress.js): `POST /v1/delivery_address {descriptor: {name, phone, email},
 * gps, address: {door, name, building, street, locality, city, state, country, areaCode, tag}}` → the stored
 * address with the backend's `id`; `POST /v1/update_delivery_address/:id` with the same body; `GET
 * /v1/delivery_address` lists them. Deleting is a fork's addition (`DELETE /v1/delete_delivery_address/:id`:
 * jatinder14/biap-client-node-js, and ONDC-Official/ondc-mcp's client of the Himira backend); a backend without it
 * keeps the address, which is logged.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Address } from '../../core/addresses.js';
import type { Stores } from '../../core/ports.js';
import { BackendError, type HimiraClient } from './client.js';

/** One of our addresses as written to the backend. */
interface AddressLink {
  addressId: string;
  userId: string;
  backendId: string;
  /** Of the body last written, so an unchanged address is not written again. */
  fingerprint: string;
}

/** More than the core lets a user keep, so a sync always sees the whole book. */
const BOOK_LIMIT = 100;

export function addressWire(a: Address): Record<string, unknown> {
  const [lat, lng] = a.gps.split(',').map((n) => n.trim());
  return {
    descriptor: { name: a.name, phone: a.phone, email: a.email },
    gps: a.gps,
    address: {
      door: a.house,
      name: a.name,
      building: a.building,
      street: a.locality,
      locality: a.locality,
      city: a.city,
      state: a.state,
      country: 'IND',
      areaCode: a.pincode,
      tag: a.label,
    },
    lat,
    lng,
  };
}

const fingerprintOf = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);
const missing = (err: unknown) => err instanceof BackendError && err.failure === 'refused' && err.status === 404;

export interface BackendAddressBook {
  /** Makes the user's backend address book match ours: adds, changes and deletes what differs. */
  sync(userId: string): Promise<void>;
}

export function backendAddressBook(opts: { client: HimiraClient; stores: Stores; log: Logger }): BackendAddressBook {
  const { client } = opts;
  const ours = opts.stores.documents<Address>('address');
  const links = opts.stores.documents<AddressLink>('himira_address');
  /** One sync per user at a time in this process, so two quick changes never add the same address twice. */
  const queues = new Map<string, Promise<void>>();

  async function add(a: Address, body: unknown, fingerprint: string): Promise<void> {
    const saved = await client.request<{ id?: unknown }>('POST', '/v1/delivery_address', { as: a.userId, body });
    if (typeof saved?.id !== 'string') throw new BackendError('bad_response', 'the buyer backend saved a delivery address without an id');
    const link = { addressId: a.id, userId: a.userId, backendId: saved.id, fingerprint };
    if (await links.create(a.id, link, { owner: a.userId })) return;
    // another replica linked it first: keep theirs, take ours back
    await client.request('DELETE', `/v1/delete_delivery_address/${encodeURIComponent(saved.id)}`, { as: a.userId }).catch(() => undefined);
  }

  async function syncNow(userId: string): Promise<void> {
    const book = (await ours.listByOwner(userId, BOOK_LIMIT)).filter((a) => a.userId === userId);
    const linked = new Map((await links.listByOwner(userId, BOOK_LIMIT)).map((l) => [l.addressId, l]));
    for (const a of book) {
      const body = addressWire(a);
      const fingerprint = fingerprintOf(body);
      const link = linked.get(a.id);
      linked.delete(a.id);
      if (!link) {
        await add(a, body, fingerprint);
        continue;
      }
      if (link.fingerprint === fingerprint) continue;
      try {
        await client.request('POST', `/v1/update_delivery_address/${encodeURIComponent(link.backendId)}`, { as: userId, body });
        await links.update(a.id, (l) => ({ ...l, fingerprint }));
      } catch (err) {
        if (!missing(err)) throw err;
        // gone at the backend: written again as a new one
        await links.delete(a.id);
        await add(a, body, fingerprint);
      }
    }
    for (const gone of linked.values()) {
      try {
        await client.request('DELETE', `/v1/delete_delivery_address/${encodeURIComponent(gone.backendId)}`, { as: userId });
      } catch (err) {
        if (!missing(err)) throw err;
        opts.log.info('the buyer backend has no delete for delivery addresses, or already lost this one; it keeps its copy');
      }
      await links.delete(gone.addressId);
    }
  }

  return {
    sync(userId) {
      const next = (queues.get(userId) ?? Promise.resolve()).catch(() => undefined).then(() => syncNow(userId));
      queues.set(userId, next);
      void next.finally(() => {
        if (queues.get(userId) === next) queues.delete(userId);
      }).catch(() => undefined);
      return next;
    },
  };
}
