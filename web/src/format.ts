/** Rupees, durations and times as an Indian shopper reads them. */
import type { Money } from './types.ts';

const grouping = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/**
 * ₹1,23,456.50 from paise: an integer all the way, so no amount is ever rounded through floating point. Whole
 * rupees keep their ".00" so every price in a list lines up.
 */
export function rupees(paise: number): string {
  const sign = paise < 0 ? '−' : '';
  const abs = Math.abs(Math.trunc(paise));
  return `${sign}₹${grouping.format(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

export const moneyText = (m: Money): string => rupees(m.paise);

/** ISO 8601 durations the catalog uses (PT45M, P7D, PT2H) in words. */
export function duration(iso: string | null): string {
  if (!iso) return '';
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m) return iso;
  const parts: string[] = [];
  const [, d, hh, mm] = m;
  if (d) parts.push(`${d} ${d === '1' ? 'day' : 'days'}`);
  if (hh) parts.push(`${hh} h`);
  if (mm) parts.push(`${mm} min`);
  return parts.join(' ') || iso;
}

const when = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short' });

export const dateTime = (iso: string): string => when.format(new Date(iso));

/** "Order-picked-up" → "Order picked up". */
export const humanize = (code: string): string => code.replace(/[-_]+/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase());
