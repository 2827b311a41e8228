/** The header's live parts: the cart count and who is signed in. */
import { get } from './api.ts';
import { h, replace } from './dom.ts';
import { navigate } from './router.ts';
import { identity, onIdentityChange, remember, signedIn } from './session.ts';
import type { SessionInfo } from './types.ts';

export function showCartCount(count: number): void {
  const badge = document.getElementById('cart-count');
  const link = document.getElementById('cart-link');
  if (!badge || !link) return;
  badge.textContent = String(count);
  link.setAttribute('aria-label', `Cart, ${count} ${count === 1 ? 'item' : 'items'}`);
}

/** Asks the API how many packs the cart holds; a failure leaves the old count rather than a wrong zero. */
export async function refreshCartCount(): Promise<void> {
  try {
    showCartCount((await get<SessionInfo>('/session')).cart_item_count);
  } catch {
    // the count is a convenience: the cart page says what is wrong
  }
}

function showAccount(): void {
  const slot = document.getElementById('account');
  if (!slot) return;
  if (!signedIn()) {
    replace(slot, h('a', { href: '/signin' }, 'Sign in'));
    return;
  }
  const signOut = h('button', { type: 'button', class: 'link-button' }, 'Sign out');
  signOut.addEventListener('click', () => {
    // the server keeps the session until it expires; forgetting it here is what signing out of this browser means
    remember(null);
    showCartCount(0);
    void navigate('/');
  });
  replace(slot, h('span', { class: 'who' }, identity()?.phone ?? 'Signed in'), ' ', signOut);
}

export function startShell(): void {
  showAccount();
  onIdentityChange(showAccount);
  void refreshCartCount();
}
