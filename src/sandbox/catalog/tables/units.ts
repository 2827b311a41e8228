import type { PackSize } from '../types.js';

export const kg = (value: number, price: number): PackSize => ({ label: `${value} kg`, unit: 'kilogram', value: String(value), price });
export const g = (value: number, price: number): PackSize => ({ label: `${value} g`, unit: 'gram', value: String(value), price });
export const l = (value: number, price: number): PackSize => ({ label: `${value} l`, unit: 'litre', value: String(value), price });
export const ml = (value: number, price: number): PackSize => ({ label: `${value} ml`, unit: 'millilitre', value: String(value), price });

/** Counted packs: `pcs(6, 54)` -> "6 pcs"; the noun can be changed for tea bags, sticks and the like. */
export const pcs = (value: number, price: number, noun = 'pcs'): PackSize => ({
  label: `${value} ${noun}`,
  unit: 'unit',
  value: String(value),
  price,
});

/** A single item whose name needs no pack label (a phone, a pressure cooker, a dosa). */
export const one = (price: number): PackSize => ({ label: '', unit: 'unit', value: '1', price });

/** A single item with a descriptive label: `each('(Family Pack)', 699)`, `each('3 l', 2150)`. */
export const each = (label: string, price: number): PackSize => ({ label, unit: 'unit', value: '1', price });

/** Restaurant portion by weight, labelled like menus do: `(Half)`, `(Full)`. */
export const portion = (name: string, grams: number, price: number): PackSize => ({
  label: `(${name})`,
  unit: 'gram',
  value: String(grams),
  price,
});
