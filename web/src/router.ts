/**
 * History routing for the page's own paths (the server answers each of them with the page: see
 * src/http/storefront.ts). A view renders into <main>; leaving it aborts its signal, which stops its polling.
 */
import { h, replace } from './dom.ts';
import { errorText, notice } from './ui.ts';

export interface ViewContext {
  main: HTMLElement;
  params: string[];
  query: URLSearchParams;
  signal: AbortSignal;
}

export type View = (ctx: ViewContext) => Promise<void> | void;

const routes: Array<[RegExp, View]> = [];

export function route(pattern: RegExp, view: View): void {
  routes.push([pattern, view]);
}

const SITE = 'ONDC Bazaar';
let current: AbortController | undefined;

function notFound({ main }: ViewContext): void {
  replace(main, h('h1', { tabindex: '-1' }, 'Page not found'), h('p', {}, h('a', { href: '/' }, 'Back to the shop')));
}

async function render(moveFocus: boolean): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const main = document.getElementById('main') as HTMLElement;
  const { pathname, search } = window.location;
  let view: View = notFound;
  let params: string[] = [];
  for (const [pattern, candidate] of routes) {
    const m = pattern.exec(pathname);
    if (m) {
      view = candidate;
      params = m.slice(1).map((p) => decodeURIComponent(p ?? ''));
      break;
    }
  }
  main.setAttribute('aria-busy', 'true');
  try {
    await view({ main, params, query: new URLSearchParams(search), signal: controller.signal });
  } catch (err) {
    if (controller.signal.aborted) return;
    replace(main, h('h1', { tabindex: '-1' }, 'This page could not be loaded'), notice('error', errorText(err)), h('p', {}, h('a', { href: '/' }, 'Back to the shop')));
  } finally {
    if (!controller.signal.aborted) main.removeAttribute('aria-busy');
  }
  if (controller.signal.aborted) return;
  const heading = main.querySelector('h1');
  document.title = heading ? `${heading.textContent} · ${SITE}` : SITE;
  heading?.setAttribute('tabindex', '-1');
  // a new page puts focus on its heading, as a full page load would put a screen reader at the top
  if (moveFocus) heading?.focus();
}

export interface NavigateOptions {
  replace?: boolean;
  /** Filters and paging change the URL but leave focus on the control the user is working with. */
  keepFocus?: boolean;
}

export function navigate(href: string, opts: NavigateOptions = {}): Promise<void> {
  if (opts.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  if (!opts.keepFocus) window.scrollTo(0, 0);
  return render(!opts.keepFocus);
}

/**
 * Re-renders the current page in place (after a change that alters it). When the change moved the shopper to
 * a new step (the page's heading changed), focus goes to the new heading, as on navigation.
 */
export async function refresh(): Promise<void> {
  const before = document.querySelector('main h1')?.textContent;
  await render(false);
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading && heading.textContent !== before) heading.focus();
}

export function startRouter(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest('a');
    if (!link || link.target || link.hasAttribute('download') || link.origin !== window.location.origin) return;
    if (!routes.some(([pattern]) => pattern.test(link.pathname))) return;
    event.preventDefault();
    void navigate(link.pathname + link.search);
  });
  window.addEventListener('popstate', () => void render(true));
  void render(false);
}
