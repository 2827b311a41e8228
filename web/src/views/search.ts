/**
 * The shop's front page and search: a query or a category, filters (price, diet, stock, cash on delivery,
 * pincode, sort) and the facet counts the API returns for narrowing further. The URL holds the search, in the
 * API's own parameter names, so a result page can be bookmarked, shared and gone back to.
 */
import { get } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { navigate, type ViewContext } from '../router.ts';
import type { Facet, SearchResult } from '../types.ts';
import { errorText, field, notice, options } from '../ui.ts';
import { landing } from './landing.ts';
import { searchForm } from './search-form.ts';
import { productCard } from './product-card.ts';

const KEYS = ['query', 'category', 'min_price', 'max_price', 'provider_id', 'veg', 'in_stock', 'cod', 'pincode', 'sort', 'page'] as const;
type Params = Partial<Record<(typeof KEYS)[number], string>>;
const PAGE_SIZE = 24;

function paramsOf(query: URLSearchParams): Params {
  const params: Params = {};
  for (const key of KEYS) {
    const value = query.get(key);
    if (value) params[key] = value;
  }
  return params;
}

/** The URL for these parameters with some changed (undefined removes); any change starts again at page 1. */
function hrefWith(params: Params, changes: Params): string {
  const next: Params = { ...params, page: undefined, ...changes };
  const qs = new URLSearchParams();
  for (const key of KEYS) if (next[key]) qs.set(key, next[key] as string);
  return `/?${qs.toString()}`;
}

/** A price band's value ("100-250", "2500+") as a price range; the band's upper bound is exclusive. */
function bandRange(value: string): Params {
  const [lo, hi] = value.replace('+', '').split('-');
  return { min_price: lo, max_price: hi ? (Number(hi) - 0.01).toFixed(2) : undefined };
}

function facetGroup(title: string, facets: Facet[], link: (f: Facet) => { href: string; active: boolean } | null): HTMLElement | null {
  if (facets.length === 0) return null;
  const items = facets.map((f) => {
    const target = link(f);
    const label = [f.label, ' ', h('span', { class: 'count' }, `(${f.count})`)];
    if (!target) return h('li', {}, h('span', { class: 'facet-off' }, label));
    return h('li', {}, h('a', { href: target.href, class: 'facet', 'aria-current': target.active ? 'true' : null }, label));
  });
  return h('section', { class: 'facet-group' }, h('h3', {}, title), h('ul', {}, items));
}

function facets(params: Params, result: SearchResult): HTMLElement {
  const { categories, price_bands, providers, diet } = result.facets;
  const toggle = (changes: Params, active: boolean) => ({ href: hrefWith(params, active ? Object.fromEntries(Object.keys(changes).map((k) => [k, undefined])) : changes), active });
  return h(
    'div',
    { class: 'facets' },
    h('h2', {}, 'Narrow down'),
    facetGroup('Category', categories, (f) => toggle({ category: f.value }, params.category === f.value)),
    facetGroup('Price', price_bands, (f) => {
      const range = bandRange(f.value);
      return toggle(range, params.min_price === range.min_price && params.max_price === range.max_price);
    }),
    facetGroup('Seller', providers, (f) => toggle({ provider_id: f.value }, params.provider_id === f.value)),
    facetGroup('Diet', diet, (f) => (f.value === 'not_applicable' ? null : toggle({ veg: String(f.value === 'veg') }, params.veg === String(f.value === 'veg')))),
  );
}

function filterForm(params: Params): HTMLElement {
  const radio = (value: string, text: string) =>
    h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'veg', value, checked: (params.veg ?? '') === value }), text);
  const check = (name: 'in_stock' | 'cod', text: string) =>
    h('label', { class: 'choice' }, h('input', { type: 'checkbox', name, value: 'true', checked: params[name] === 'true' }), text);
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filters' },
    field('Sort by', h('select', { name: 'sort' }, options([['relevance', 'Relevance'], ['price_asc', 'Price: low to high'], ['price_desc', 'Price: high to low'], ['rating', 'Rating']], params.sort))),
    h(
      'div',
      { class: 'price-range' },
      field('Min price (₹)', h('input', { type: 'number', name: 'min_price', min: '0', step: '0.01', inputmode: 'decimal', value: params.min_price ?? '' })),
      field('Max price (₹)', h('input', { type: 'number', name: 'max_price', min: '0', step: '0.01', inputmode: 'decimal', value: params.max_price ?? '' })),
    ),
    h('fieldset', {}, h('legend', {}, 'Diet'), radio('', 'Any'), radio('true', 'Vegetarian'), radio('false', 'Non-vegetarian')),
    h('fieldset', {}, h('legend', {}, 'Show'), check('in_stock', 'In stock only'), check('cod', 'Cash on delivery available')),
    field('Delivers to pincode', h('input', { name: 'pincode', inputmode: 'numeric', pattern: '[1-9][0-9]{5}', maxlength: '6', autocomplete: 'postal-code', value: params.pincode ?? '' }), 'Six digits, e.g. 560034'),
    h('button', { type: 'submit', class: 'button secondary' }, 'Apply filters'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (k: string) => (String(data.get(k) ?? '').trim() || undefined);
    const changes: Params = { sort: value('sort') === 'relevance' ? undefined : value('sort') };
    for (const k of ['min_price', 'max_price', 'veg', 'in_stock', 'cod', 'pincode'] as const) changes[k] = value(k);
    void navigate(hrefWith(params, changes), { keepFocus: true });
  });
  // choices apply at once; typed values (prices, pincode) when the form is sent
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.type === 'radio' || target.type === 'checkbox' || target.tagName === 'SELECT') form.requestSubmit();
  });
  const panel = h('details', { class: 'filter-panel', open: window.matchMedia('(min-width: 56rem)').matches }, h('summary', {}, 'Filters'), form);
  return panel;
}

/** The words on an active filter's chip; seller and category show the names the facets give them. */
function chipText(key: keyof Params, value: string, result: SearchResult): string | null {
  const labelOf = (facets: Facet[]) => facets.find((f) => f.value === value)?.label ?? value;
  switch (key) {
    case 'category':
      return `Category: ${labelOf(result.facets.categories)}`;
    case 'provider_id':
      return `Seller: ${labelOf(result.facets.providers)}`;
    case 'min_price':
      return `From ₹${value}`;
    case 'max_price':
      return `Up to ₹${value}`;
    case 'pincode':
      return `Delivers to ${value}`;
    case 'in_stock':
      return 'In stock';
    case 'cod':
      return 'Cash on delivery';
    case 'veg':
      return value === 'true' ? 'Vegetarian' : 'Non-vegetarian';
    default:
      return null;
  }
}

function activeFilters(params: Params, result: SearchResult): HTMLElement | null {
  const chips: HTMLElement[] = [];
  for (const key of KEYS) {
    const value = params[key];
    const text = value ? chipText(key, value, result) : null;
    if (!text) continue;
    chips.push(h('li', {}, h('a', { class: 'chip', href: hrefWith(params, { [key]: undefined }), 'aria-label': `Remove filter ${text}` }, text, h('span', { 'aria-hidden': 'true' }, ' ✕'))));
  }
  return chips.length ? h('ul', { class: 'chips', 'aria-label': 'Active filters' }, chips) : null;
}

function pager(params: Params, result: SearchResult): HTMLElement | null {
  if (result.total_pages <= 1) return null;
  const page = result.page;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Result pages' },
    page > 1 ? h('a', { href: hrefWith(params, { page: String(page - 1) }), rel: 'prev' }, '← Previous') : h('span', {}),
    h('span', {}, `Page ${page} of ${result.total_pages}`),
    result.next_cursor ? h('a', { href: hrefWith(params, { page: String(page + 1) }), rel: 'next' }, 'Next →') : h('span', {}),
  );
}

export async function searchView({ main, query }: ViewContext): Promise<void> {
  const params = paramsOf(query);
  if (!params.query && !params.category) return landing(main);
  const title = params.query ? `Results for “${params.query}”` : params.category!;
  const body = h('div', { class: 'results' });
  const facetSlot = h('div', {});
  replace(main, h('h1', {}, title), searchForm(params.query ?? ''), h('div', { class: 'search-layout' }, h('aside', { 'aria-label': 'Filters and facets' }, facetSlot, filterForm(params)), body));
  let result: SearchResult;
  try {
    result = await get<SearchResult>('/products', { ...params, limit: PAGE_SIZE });
  } catch (err) {
    replace(body, notice('error', errorText(err)));
    return;
  }
  const count = result.total === 1 ? '1 product' : `${result.total} products`;
  const first = (result.page - 1) * PAGE_SIZE + 1;
  const shown = result.total === 0 ? count : `${count} · showing ${first}–${first + result.results.length - 1}`;
  replace(facetSlot, facets(params, result));
  replace(
    body,
    h('h2', { class: 'result-count', id: 'result-count' }, shown),
    activeFilters(params, result),
    result.total === 0
      ? notice('info', 'Nothing matched. Try fewer words, another spelling, or remove a filter.')
      : h('ul', { class: 'grid', 'aria-labelledby': 'result-count' }, result.results.map(productCard)),
    pager(params, result),
  );
  announce(`${count} found.`);
}
