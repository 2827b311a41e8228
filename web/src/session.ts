/**
 * Who is shopping: the session id, and after sign-in the session token and the masked phone. Kept in
 * localStorage so a reload keeps the cart and the sign-in; the token goes out as Authorization: Bearer.
 */
export interface Identity {
  session_id: string;
  token?: string;
  /** Masked, as verify_otp returns it ("+91 98******10"). */
  phone?: string;
}

const KEY = 'ondc-shop.identity';
const listeners = new Set<() => void>();

function read(): Identity | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Identity | null;
    return stored && typeof stored.session_id === 'string' ? stored : null;
  } catch {
    return null;
  }
}

let current = read();

export const identity = (): Identity | null => current;
export const signedIn = (): boolean => Boolean(current?.token);

export function remember(next: Identity | null): void {
  current = next;
  if (next) localStorage.setItem(KEY, JSON.stringify(next));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function onIdentityChange(listener: () => void): void {
  listeners.add(listener);
}
