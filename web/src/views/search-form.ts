/** The search box: on the front page and above results. */
import { h } from '../dom.ts';
import { navigate } from '../router.ts';
import { field } from '../ui.ts';

export function searchForm(value = ''): HTMLFormElement {
  const input = h('input', { type: 'search', name: 'query', value, placeholder: 'atta, ghee, shampoo, biryani…', autocomplete: 'off', maxlength: '200', enterkeyhint: 'search' });
  const form = h('form', { role: 'search', class: 'searchbar' }, field('Search products', input), h('button', { type: 'submit', class: 'button' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    // a new search starts without the old one's filters
    if (query) void navigate(`/?${new URLSearchParams({ query }).toString()}`);
    else input.focus();
  });
  return form;
}
