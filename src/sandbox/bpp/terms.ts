/**
 * What a sandbox seller states about itself from init on: its tax ids (`bpp_terms`) and where the buyer app
 * settles the sale amount. The model keeps none of this, so every value is derived from the provider id: the same
 * provider always shows the same GSTIN, PAN and account, and each looks like a real one to a validator.
 */
import type { Provider } from '../../core/catalog.js';
import type { WireTagList } from '../../ondc/messages.js';
import { hash32 } from '../catalog/rng.js';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** GST state codes of the states the sandbox sellers sit in; GSTINs start with them. */
const GST_STATE_CODES: Record<string, string> = {
  Delhi: '07',
  Karnataka: '29',
  Maharashtra: '27',
  'Tamil Nadu': '33',
  Telangana: '36',
  'West Bengal': '19',
};

/** The fourth letter of a PAN says who holds it; sandbox sellers are partnership firms. */
const PAN_HOLDER_FIRM = 'F';

const BANKS = [
  { name: 'State Bank of India', ifsc: 'SBIN' },
  { name: 'HDFC Bank', ifsc: 'HDFC' },
  { name: 'ICICI Bank', ifsc: 'ICIC' },
  { name: 'Canara Bank', ifsc: 'CNRB' },
] as const;

function pick(alphabet: string, seed: number): string {
  return alphabet[seed % alphabet.length]!;
}

function digits(count: number, seed: number): string {
  return String(seed % 10 ** count).padStart(count, '0');
}

/** Ten characters: three letters, the holder type, the holder's initial, four digits, a letter. */
export function panOf(provider: Provider): string {
  const h = (n: number) => hash32(provider.id, n);
  const initial = /[A-Z]/.test(provider.name.charAt(0).toUpperCase()) ? provider.name.charAt(0).toUpperCase() : 'S';
  return `${pick(LETTERS, h(1))}${pick(LETTERS, h(2))}${pick(LETTERS, h(3))}${PAN_HOLDER_FIRM}${initial}${digits(4, h(4))}${pick(LETTERS, h(5))}`;
}

/**
 * GSTIN's last character: a mod-36 checksum over the first fourteen, each character's value weighted 1 and 2 in
 * turn and its two base-36 digits added.
 */
export function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < first14.length; i++) {
    const value = ALPHANUMERIC.indexOf(first14.charAt(i)) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(value / 36) + (value % 36);
  }
  return ALPHANUMERIC.charAt((36 - (sum % 36)) % 36);
}

/** Fifteen characters: state code, PAN, registration number in the state, `Z`, checksum. */
export function gstinOf(provider: Provider): string {
  const state = provider.locations[0]?.address.state ?? '';
  const code = GST_STATE_CODES[state] ?? digits(2, 1 + (hash32(state) % 37));
  const first14 = `${code}${panOf(provider)}1Z`;
  return `${first14}${gstinCheckCharacter(first14)}`;
}

export function bppTerms(provider: Provider): WireTagList {
  return {
    code: 'bpp_terms',
    list: [
      // each sandbox seller app is the seller itself: an inventory seller node, as its catalog says
      { code: 'np_type', value: 'ISN' },
      { code: 'tax_number', value: gstinOf(provider) },
      { code: 'provider_tax_number', value: panOf(provider) },
    ],
  };
}

export type SettlementDetail = Record<string, string>;

/** Half the sellers take the sale amount by UPI, the other half by NEFT to a bank account. */
export function settlementDetails(provider: Provider): SettlementDetail[] {
  const h = (n: number) => hash32(provider.id, 100 + n);
  const common = { settlement_counterparty: 'seller-app', settlement_phase: 'sale-amount', beneficiary_name: provider.name };
  if (h(0) % 2 === 0) {
    return [{ ...common, settlement_type: 'upi', upi_address: `${provider.id.replace(/-/g, '')}@okaxis` }];
  }
  const bank = BANKS[h(1) % BANKS.length]!;
  return [
    {
      ...common,
      settlement_type: 'neft',
      settlement_bank_account_no: `${1 + (h(2) % 9)}${digits(5, h(3))}${digits(6, h(4))}`,
      // IFSC: four letters of the bank, a zero, six characters of the branch
      settlement_ifsc_code: `${bank.ifsc}0${digits(6, h(5))}`,
      bank_name: bank.name,
      branch_name: provider.locations[0]?.address.locality ?? provider.name,
    },
  ];
}
