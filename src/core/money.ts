/** Money is integer paise inside; outputs carry both the integer and ONDC's decimal rupee string. */
import { Type, type Static } from '@sinclair/typebox';

export const Money = Type.Object(
  {
    currency: Type.Literal('INR'),
    value: Type.String({ description: 'Rupees as a decimal string with two places, as ONDC writes it', examples: ['325.00'] }),
    paise: Type.Integer({ description: 'The same amount in paise (1 rupee = 100 paise)' }),
  },
);
export type Money = Static<typeof Money>;

export function money(paise: number): Money {
  return { currency: 'INR', value: rupeesString(paise), paise };
}

export function rupeesString(paise: number): string {
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Rupees as a caller types them (e.g. 99.5) to paise, rounded to the nearest paisa. */
export function rupeesToPaise(rupees: number): number {
  return Math.round(rupees * 100);
}

export function formatInr(paise: number): string {
  return `₹${rupeesString(paise)}`;
}
