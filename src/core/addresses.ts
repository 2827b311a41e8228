/**
 * Saved delivery addresses: a signed-in user's own, never anyone else's. Each is checked against the pincode
 * directory (a real Indian pincode, in the state given) and carries the pincode's ONDC city code and a GPS
 * point, so checkout can use it as it is.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DomainError } from './errors.js';
import type { CoreDeps } from './operation.js';
import type { DeliveryDetails, Session } from './ports.js';

export interface Address {
  id: string;
  userId: string;
  label: string;
  name: string;
  house: string;
  building: string;
  locality: string;
  city: string;
  state: string;
  pincode: string;
  phone: string;
  email: string;
  /** "lat,lon" of the delivery point. */
  gps: string;
  /** ONDC city code of the pincode (`std:080`), '' when unknown. */
  cityCode: string;
  createdAt: string;
  updatedAt: string;
}

const MAX_ADDRESSES = 20;
/** ONDC's rule: house, building and locality together stay under 190 characters. */
const MAX_ADDRESS_LINES = 190;

/** ONDC's address rules: each part longer than 3 characters. */
export const AddressPart = (description: string) => Type.String({ minLength: 4, maxLength: 100, description });
export const PincodeField = Type.String({ pattern: '^[1-9][0-9]{5}$', description: 'Six-digit Indian delivery pincode', examples: ['560034'] });
export const GpsField = Type.String({
  pattern: '^-?\\d{1,2}\\.\\d{1,8},\\s?-?\\d{1,3}\\.\\d{1,8}$',
  description: 'Delivery point as "lat,lon"',
  examples: ['12.9352,77.6245'],
});

export const AddressFields = {
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'How the user calls it: Home, Office…' })),
  name: AddressPart('Full name of the person receiving orders'),
  phone: Type.String({ pattern: '^[6-9][0-9]{9}$', description: 'Ten-digit Indian mobile number' }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  house: AddressPart('Flat, house or floor, e.g. "Flat 302"'),
  building: AddressPart('Building, apartment or house name'),
  locality: AddressPart('Street and locality'),
  city: Type.Optional(Type.String({ minLength: 2, maxLength: 60, description: 'Filled from the pincode when left out' })),
  state: Type.Optional(Type.String({ minLength: 2, maxLength: 60, description: 'Filled from the pincode when left out' })),
  pincode: PincodeField,
  gps: Type.Optional(GpsField),
};

export const AddressView = Type.Object({
  address_id: Type.String(),
  label: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  house: Type.String(),
  building: Type.String(),
  locality: Type.String(),
  city: Type.String(),
  state: Type.String(),
  pincode: Type.String(),
  gps: Type.String(),
  city_code: Type.String({ description: "ONDC city code of the pincode, e.g. std:080; '' when unknown" }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type AddressView = Static<typeof AddressView>;

export const AddressId = Type.String({ pattern: '^adr_[A-Za-z0-9_-]{16}$', description: 'From add_address or list_addresses' });

export interface AddressInput {
  label?: string | undefined;
  name: string;
  phone: string;
  email: string;
  house: string;
  building: string;
  locality: string;
  city?: string | undefined;
  state?: string | undefined;
  pincode: string;
  gps?: string | undefined;
}

const store = (deps: CoreDeps) => deps.stores.documents<Address>('address');

export function requireUser(session: Session): string {
  if (!session.userId) {
    throw new DomainError('LOGIN_REQUIRED', 'Saved addresses belong to a signed-in user: sign in with phone_login and verify_otp first.');
  }
  return session.userId;
}

const same = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');

/** Checks an address against the pincode directory and ONDC's length rule, filling city, state and GPS. */
export function checkedAddress(deps: CoreDeps, input: AddressInput): Omit<Address, 'id' | 'userId' | 'createdAt' | 'updatedAt'> {
  const place = deps.pincodes.lookup(input.pincode);
  if (!place) {
    throw new DomainError('VALIDATION_FAILED', `${input.pincode} is not an Indian delivery pincode in India Post's directory; check the six digits.`, {
      field: 'pincode',
    });
  }
  if (input.state && !same(input.state, place.state)) {
    throw new DomainError('VALIDATION_FAILED', `Pincode ${input.pincode} is in ${place.state}, not ${input.state}; correct the pincode or the state.`, {
      field: 'state',
    });
  }
  const lines = input.house.length + input.building.length + input.locality.length;
  if (lines > MAX_ADDRESS_LINES) {
    throw new DomainError('VALIDATION_FAILED', `House, building and locality come to ${lines} characters; ONDC allows ${MAX_ADDRESS_LINES} in all. Shorten them.`);
  }
  return {
    label: input.label ?? 'Home',
    name: input.name.trim(),
    phone: input.phone,
    email: input.email,
    house: input.house.trim(),
    building: input.building.trim(),
    locality: input.locality.trim(),
    city: input.city?.trim() || place.district,
    state: input.state?.trim() || place.state,
    pincode: input.pincode,
    gps: input.gps ?? `${place.gps.lat.toFixed(6)},${place.gps.lon.toFixed(6)}`,
    cityCode: place.city,
  };
}

export async function addAddress(deps: CoreDeps, session: Session, input: AddressInput): Promise<Address> {
  const userId = requireUser(session);
  const existing = await store(deps).listByOwner(userId, MAX_ADDRESSES + 1);
  if (existing.length >= MAX_ADDRESSES) {
    throw new DomainError('VALIDATION_FAILED', `A user keeps at most ${MAX_ADDRESSES} addresses; delete one with delete_address first.`);
  }
  const now = deps.clock.now().toISOString();
  const address: Address = { id: `adr_${deps.ids.random(12)}`, userId, ...checkedAddress(deps, input), createdAt: now, updatedAt: now };
  await store(deps).create(address.id, address, { owner: userId });
  await deps.audit.record({ action: 'address.add', outcome: 'ok', sessionId: session.id, userId, subject: address.id });
  return address;
}

/** The user's address; another user's is reported as missing, like one that never was. */
export async function requireAddress(deps: CoreDeps, session: Session, id: string): Promise<Address> {
  const userId = requireUser(session);
  const address = await store(deps).get(id);
  if (!address || address.userId !== userId) {
    throw new DomainError('NOT_FOUND', `No address ${id} among this user's addresses; list_addresses shows them.`);
  }
  return address;
}

export async function listAddresses(deps: CoreDeps, session: Session): Promise<Address[]> {
  const userId = requireUser(session);
  return (await store(deps).listByOwner(userId, MAX_ADDRESSES)).filter((a) => a.userId === userId);
}

export async function updateAddress(deps: CoreDeps, session: Session, id: string, changes: Partial<AddressInput>): Promise<Address> {
  const current = await requireAddress(deps, session, id);
  const merged: AddressInput = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
  // a new pincode brings its own place: city, state and point are looked up again unless given too
  if (changes.pincode && changes.pincode !== current.pincode) {
    if (changes.city === undefined) delete merged.city;
    if (changes.state === undefined) delete merged.state;
    if (changes.gps === undefined) delete merged.gps;
  }
  const checked = checkedAddress(deps, merged);
  const now = deps.clock.now().toISOString();
  const saved = await store(deps).update(id, (a) => ({ ...a, ...checked, updatedAt: now }));
  if (!saved) throw new DomainError('NOT_FOUND', `Address ${id} was just deleted.`);
  await deps.audit.record({ action: 'address.update', outcome: 'ok', sessionId: session.id, userId: current.userId, subject: id });
  return saved;
}

export async function deleteAddress(deps: CoreDeps, session: Session, id: string): Promise<void> {
  const address = await requireAddress(deps, session, id);
  await store(deps).delete(id);
  await deps.audit.record({ action: 'address.delete', outcome: 'ok', sessionId: session.id, userId: address.userId, subject: id });
}

export function addressView(a: Address): AddressView {
  return {
    address_id: a.id,
    label: a.label,
    name: a.name,
    phone: a.phone,
    email: a.email,
    house: a.house,
    building: a.building,
    locality: a.locality,
    city: a.city,
    state: a.state,
    pincode: a.pincode,
    gps: a.gps,
    city_code: a.cityCode,
    updated_at: a.updatedAt,
  };
}

export function deliveryFrom(a: Omit<Address, 'id' | 'userId' | 'createdAt' | 'updatedAt'>): DeliveryDetails {
  return {
    name: a.name,
    house: a.house,
    phone: a.phone,
    email: a.email,
    building: a.building,
    locality: a.locality,
    city: a.city,
    state: a.state,
    pincode: a.pincode,
    gps: a.gps,
  };
}
