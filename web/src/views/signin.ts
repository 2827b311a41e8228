/**
 * Sign-in by phone: a number, then the six-digit code sent to it. The cart comes along (verify_otp replaces the
 * guest session with a signed-in one). In development configurations the code is shown, read back from the
 * development inbox the server offers only there.
 */
import { change, developmentCode } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { navigate, type ViewContext } from '../router.ts';
import { remember } from '../session.ts';
import { refreshCartCount } from '../shell.ts';
import type { SignIn } from '../types.ts';
import { field, notice, submitting } from '../ui.ts';

/** The phone and code forms in a box of their own; `done` runs once signed in. */
export function signInBox(done: () => void): HTMLElement {
  const box = h('div', { class: 'signin' });

  const codeStep = (phone: string, sentTo: string) => {
    const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: '6', required: true });
    const again = h('button', { type: 'button', class: 'link-button' }, 'Use another number');
    again.addEventListener('click', () => phoneStep(phone));
    const hint = h('div', { class: 'dev-hint' });
    const form = h(
      'form',
      { class: 'stack' },
      h('p', { role: 'status' }, `We sent a six-digit code to ${sentTo}.`),
      field('Six-digit code', code),
      hint,
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'button' }, 'Verify and sign in'), again),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const result = await submitting(form, () => change<SignIn>('verify-otp', 'POST', '/auth/otp/verify', { phone, code: code.value.trim() }));
      if (!result) return;
      remember({ session_id: result.session_id, token: result.token, phone: result.user.phone });
      announce(`Signed in as ${result.user.phone}.`);
      void refreshCartCount();
      done();
    });
    replace(box, form);
    code.focus();
    void developmentCode(phone).then((c) => {
      if (c) replace(hint, notice('info', `Development: your code is ${c}`));
    });
  };

  const phoneStep = (value = '') => {
    const phone = h('input', { name: 'phone', type: 'tel', inputmode: 'numeric', autocomplete: 'tel-national', value, required: true, pattern: '(\\+91|91|0)?[6-9][0-9]{9}', maxlength: '13' });
    const form = h('form', { class: 'stack' }, field('Mobile number', phone, 'Ten digits, starting with 6, 7, 8 or 9'), h('button', { type: 'submit', class: 'button' }, 'Send code'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const number = phone.value.replace(/[\s-]/g, '');
      const sent = await submitting(form, () => change<{ sent_to: string }>('phone-login', 'POST', '/auth/otp', { phone: number }));
      if (sent) codeStep(number, sent.sent_to);
    });
    replace(box, form);
  };

  phoneStep();
  return box;
}

export function signInView({ main, query }: ViewContext): void {
  const next = query.get('next');
  // only the shop's own pages: a link must not send a buyer elsewhere after signing in
  const target = next && /^\/(?!\/)/.test(next) ? next : '/orders';
  replace(
    main,
    h('h1', {}, 'Sign in'),
    h('p', { class: 'lede' }, 'Sign in with your mobile number to save addresses, check out and follow your orders. Your cart comes with you.'),
    h('section', { class: 'panel narrow' }, signInBox(() => void navigate(target))),
  );
}
