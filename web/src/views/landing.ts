/** The front page before any search: a search box, popular searches and the network's categories by store type. */
import { get } from '../api.ts';
import { h, replace } from '../dom.ts';
import { notice, errorText } from '../ui.ts';
import { searchForm } from './search-form.ts';

interface Category {
  id: string;
  path: string[];
  domain: string;
  product_count: number;
}

const POPULAR = ['atta', 'basmati rice', 'ghee', 'doodh', 'shampoo', 'biryani', 'earphones', 'pressure cooker'];

const href = (key: string, value: string) => `/?${new URLSearchParams({ [key]: value }).toString()}`;

export async function landing(main: HTMLElement): Promise<void> {
  const shelves = h('div', { class: 'shelves' });
  replace(
    main,
    h(
      'section',
      { class: 'hero' },
      h('h1', {}, 'Shop from sellers across India’s open network'),
      h('p', { class: 'lede' }, 'Kirana staples, hot meals, beauty, electronics and home goods — one cart, many sellers, each order signed and sent over ONDC.'),
      searchForm(),
      h('ul', { class: 'chips', 'aria-label': 'Popular searches' }, POPULAR.map((q) => h('li', {}, h('a', { class: 'chip', href: href('query', q) }, q)))),
    ),
    shelves,
  );
  let categories: Category[];
  try {
    categories = (await get<{ categories: Category[] }>('/categories')).categories;
  } catch (err) {
    replace(shelves, notice('error', errorText(err)));
    return;
  }
  const byStore = new Map<string, Category[]>();
  for (const c of categories) {
    const store = c.path[0] ?? c.domain;
    byStore.set(store, [...(byStore.get(store) ?? []), c]);
  }
  replace(
    shelves,
    h('h2', {}, 'Browse by category'),
    [...byStore.entries()].map(([store, list]) =>
      h(
        'section',
        { class: 'shelf' },
        h('h3', {}, store),
        h(
          'ul',
          { class: 'chips' },
          [...list]
            .sort((a, b) => b.product_count - a.product_count)
            .slice(0, 12)
            .map((c) => h('li', {}, h('a', { class: 'chip quiet', href: href('category', c.id) }, c.id, h('span', { class: 'count' }, ` ${c.product_count}`)))),
        ),
      ),
    ),
  );
}
