/** Saved addresses to choose from at checkout, and the form that saves a new one. */
import { change } from '../api.ts';
import { formValues, h } from '../dom.ts';
import type { Address } from '../types.ts';
import { field, submitting } from '../ui.ts';

const addressLine = (a: Address): string => `${a.name}, ${a.house}, ${a.building}, ${a.locality}, ${a.city} ${a.pincode}`;

/** Radio buttons, one per address, the newest chosen; each names the address in full. */
export function addressChoice(addresses: Address[]): HTMLElement {
  return h(
    'fieldset',
    { class: 'address-choice' },
    h('legend', {}, 'Deliver to'),
    addresses.map((a, i) =>
      h(
        'label',
        { class: 'choice card-choice' },
        h('input', { type: 'radio', name: 'address_id', value: a.address_id, checked: i === 0, required: true }),
        h('span', {}, h('strong', {}, a.label), h('br', {}), addressLine(a), h('br', {}), h('span', { class: 'meta' }, `Phone ${a.phone}`)),
      ),
    ),
  );
}

const input = (name: string, attrs: Record<string, string | boolean> = {}) => h('input', { name, required: true, ...attrs });

/** ONDC wants each address part longer than three characters; city and state come from the pincode. */
export function addressForm(saved: (a: Address) => void): HTMLFormElement {
  const part = { minlength: '4', maxlength: '100' };
  const form = h(
    'form',
    { class: 'address-form' },
    h(
      'div',
      { class: 'grid-2' },
      field('Full name', input('name', { ...part, autocomplete: 'name' })),
      field('Mobile number', input('phone', { type: 'tel', inputmode: 'numeric', pattern: '[6-9][0-9]{9}', maxlength: '10', autocomplete: 'tel-national' }), 'For the delivery agent'),
      field('Email', input('email', { type: 'email', autocomplete: 'email' })),
      field('Flat, house no., floor', input('house', { ...part, autocomplete: 'address-line1' })),
      field('Building or apartment', input('building', { ...part, autocomplete: 'address-line2' })),
      field('Street and locality', input('locality', { ...part, autocomplete: 'address-level3' })),
      field('Pincode', input('pincode', { inputmode: 'numeric', pattern: '[1-9][0-9]{5}', maxlength: '6', autocomplete: 'postal-code' }), 'City and state are filled in from it'),
      field('Save as', h('input', { name: 'label', maxlength: '30', placeholder: 'Home', autocomplete: 'off' }), 'Optional, e.g. Home or Office'),
    ),
    h('button', { type: 'submit', class: 'button secondary' }, 'Save address'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const address = await submitting(form, () => change<Address>('add-address', 'POST', '/addresses', formValues(form)));
    if (address) saved(address);
  });
  return form;
}
