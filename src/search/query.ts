/**
 * From what a shopper types to what the index searches: lower case, sizes pulled out ("500g", "1 kg"), Hindi and
 * Hinglish words widened to catalog words with the lexicon, small words dropped. Each remaining word becomes a
 * group of alternatives; a product must match every group (any alternative of it).
 */
import lexicon from './lexicon.json' with { type: 'json' };
import type { ProductQuantity } from '../core/catalog.js';

export interface SizeWanted {
  unit: ProductQuantity['unit'];
  value: number;
}

export interface ParsedQuery {
  /** Every group must match; within a group any alternative may. An alternative of several words needs them all. */
  groups: string[][];
  size?: SizeWanted;
}

const SYNONYMS = lexicon.synonyms as Record<string, string[]>;
const UNITS = lexicon.units as Record<string, ProductQuantity['unit']>;
const LONGEST_PHRASE = Math.max(...Object.keys(SYNONYMS).map((k) => k.split(' ').length));
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'for', 'of', 'and', 'or', 'with', 'in', 'on', 'to', 'me', 'i', 'want', 'need', 'buy', 'some',
  'something', 'please', 'pack', 'packet', 'ka', 'ki', 'ke', 'wala', 'wali', 'under', 'below', 'rs', 'rupees',
]);
const SIZE = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|')})\\b`);

/** Plural and simple suffix folding, applied the same way to indexed and searched words. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export function parseQuery(text: string): ParsedQuery {
  let rest = text.toLowerCase().replace(/[^\p{L}\p{N}.\s]+/gu, ' ');
  let size: SizeWanted | undefined;
  const m = SIZE.exec(rest);
  if (m) {
    size = { value: Number(m[1]), unit: UNITS[m[2] as string] as ProductQuantity['unit'] };
    rest = rest.replace(m[0], ' ');
  }
  const words = rest.split(/\s+/).filter((w) => w && !/^\d+(\.\d+)?$/.test(w) && w !== '.');
  const groups: string[][] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 1;
    let alternatives: string[] | undefined;
    for (let n = Math.min(LONGEST_PHRASE, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      if (SYNONYMS[phrase]) {
        alternatives = [...new Set([phrase, ...(SYNONYMS[phrase] ?? [])])];
        taken = n;
        break;
      }
    }
    const word = words[i] as string;
    if (!alternatives && STOP_WORDS.has(word)) {
      i += 1;
      continue;
    }
    groups.push(alternatives ?? [word]);
    i += taken;
  }
  return { groups, ...(size ? { size } : {}) };
}

/** A pack's size in grams or millilitres, so "1 kg" and "1000 g" compare equal. */
export function baseAmount(unit: ProductQuantity['unit'], value: number): { kind: 'mass' | 'volume' | 'count'; amount: number } {
  switch (unit) {
    case 'kilogram':
      return { kind: 'mass', amount: value * 1000 };
    case 'gram':
      return { kind: 'mass', amount: value };
    case 'litre':
      return { kind: 'volume', amount: value * 1000 };
    case 'millilitre':
      return { kind: 'volume', amount: value };
    default:
      return { kind: 'count', amount: value };
  }
}
