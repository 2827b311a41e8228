/**
 * The shipped pincode data set: real pincodes map to the right district, state and ONDC city code, with a GPS point
 * near the place; malformed and unknown pincodes give null; and every pincode the sandbox sellers use is covered.
 */
import t from 'tap';
import { gpsString, isIndianPincode, lookupPincode, pincodeCoverage } from '../src/geo/pincodes.js';
import { SELLERS } from '../src/sandbox/catalog/tables/sellers.js';
import { BENGALURU, type City, DELHI, MUMBAI } from '../src/sandbox/catalog/tables/places.js';

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// India's extent, mainland and islands (Indira Point to Siachen, Gujarat to Arunachal).
const inIndia = (g: { lat: number; lon: number }) => g.lat >= 6.5 && g.lat <= 37.5 && g.lon >= 68 && g.lon <= 97.5;

const KNOWN = [
  { pincode: '560034', place: 'Koramangala, Bengaluru', district: 'Bangalore', state: 'Karnataka', city: 'std:080', centre: { lat: 12.9716, lon: 77.5946 } },
  { pincode: '110001', place: 'Connaught Place, New Delhi', district: 'Central Delhi', state: 'Delhi', city: 'std:011', centre: { lat: 28.6139, lon: 77.209 } },
  { pincode: '400001', place: 'Fort, Mumbai', district: 'Mumbai', state: 'Maharashtra', city: 'std:022', centre: { lat: 18.9388, lon: 72.8354 } },
  { pincode: '600001', place: 'George Town, Chennai', district: 'Chennai', state: 'Tamil Nadu', city: 'std:044', centre: { lat: 13.0827, lon: 80.2707 } },
  { pincode: '700001', place: 'BBD Bagh, Kolkata', district: 'Kolkata', state: 'West Bengal', city: 'std:033', centre: { lat: 22.5726, lon: 88.3639 } },
  { pincode: '500001', place: 'Nampally, Hyderabad', district: 'Hyderabad', state: 'Telangana', city: 'std:040', centre: { lat: 17.385, lon: 78.4867 } },
  { pincode: '411001', place: 'Pune Camp', district: 'Pune', state: 'Maharashtra', city: 'std:020', centre: { lat: 18.5204, lon: 73.8567 } },
  { pincode: '380001', place: 'Ahmedabad', district: 'Ahmedabad', state: 'Gujarat', city: 'std:079', centre: { lat: 23.0225, lon: 72.5714 } },
  // Rural / hill pincodes
  { pincode: '175131', place: 'Manali, Kullu', district: 'Kullu', state: 'Himachal Pradesh', city: 'std:01902', centre: { lat: 32.2432, lon: 77.1892 } },
  { pincode: '403001', place: 'Panaji, Goa', district: 'North Goa', state: 'Goa', city: 'std:0832', centre: { lat: 15.4909, lon: 73.8278 } },
];

t.test('known pincodes map to district, state, ONDC city code and a nearby point', async (t) => {
  for (const k of KNOWN) {
    const info = lookupPincode(k.pincode);
    if (!info) {
      t.fail(`${k.pincode} (${k.place}) is missing`);
      continue;
    }
    t.equal(info.pincode, k.pincode);
    t.equal(info.district, k.district, `${k.pincode} district`);
    t.equal(info.state, k.state, `${k.pincode} state`);
    t.equal(info.city, k.city, `${k.pincode} (${k.place}) → ${k.city}`);
    t.ok(inIndia(info.gps), `${k.pincode} GPS inside India`);
    const d = km(info.gps, k.centre);
    t.ok(d < 50, `${k.pincode} (${k.place}) is ${d.toFixed(1)} km from the centre (< 50)`);
    t.equal(info.approximate, false, `${k.pincode} has its own point`);
  }
});

t.test('Koramangala lands in Koramangala, not just in Bengaluru', async (t) => {
  const info = lookupPincode('560034')!;
  t.ok(km(info.gps, { lat: 12.9352, lon: 77.6245 }) < 3, 'within 3 km of Koramangala');
  t.equal(gpsString(info), '12.926138,77.622109');
});

t.test('approximate points are flagged and still sensible', async (t) => {
  // Leh: the coordinate source has nothing usable for Ladakh, so the point is the district HQ.
  const leh = lookupPincode('194101');
  t.ok(leh, 'Leh is listed');
  t.equal(leh?.state, 'Ladakh');
  t.equal(leh?.city, 'std:01982');
  t.equal(leh?.approximate, true);
  t.ok(leh && km(leh.gps, { lat: 34.1526, lon: 77.5771 }) < 30, 'near Leh town');
});

t.test('shape check and unknown pincodes', async (t) => {
  t.ok(isIndianPincode('560034'));
  for (const bad of ['', '56003', '5600345', '060034', '56O034', ' 560034x', '560 034', 560034, null, undefined]) {
    t.notOk(isIndianPincode(bad), `${JSON.stringify(bad)} is not a pincode shape`);
  }
  t.equal(lookupPincode('000000'), null);
  t.equal(lookupPincode('12345'), null);
  t.equal(lookupPincode('abcdef'), null);
  t.equal(lookupPincode('999999'), null, 'well-shaped but not a pincode');
  t.equal(lookupPincode('560999'), null, 'well-shaped, Bengaluru prefix, not a pincode');
  t.equal(lookupPincode(' 560034 ')?.city, 'std:080', 'surrounding spaces are ignored');
});

t.test('gpsString gives ONDC "lat,lon" with six decimals', async (t) => {
  t.equal(gpsString({ gps: { lat: 12.9, lon: 77.6 } }), '12.900000,77.600000');
  t.equal(gpsString({ gps: { lat: 28.6327434, lon: 77.2195966 } }), '28.632743,77.219597');
  t.match(gpsString(lookupPincode('110001')!), /^\d{1,2}\.\d{6},\d{2}\.\d{6}$/);
});

t.test('coverage', async (t) => {
  const c = pincodeCoverage();
  t.comment(
    `pincodes ${c.pincodes}; with ONDC city code ${c.withCity} (${((100 * c.withCity) / c.pincodes).toFixed(2)}%); ` +
      `with own GPS ${c.withOwnGps} (${((100 * c.withOwnGps) / c.pincodes).toFixed(2)}%); ` +
      `districts ${c.districts}; states/UTs ${c.states}`,
  );
  t.ok(c.pincodes > 19_000, 'about 19,000 pincodes');
  t.ok(c.withCity / c.pincodes > 0.99, 'more than 99% have a city code');
  t.ok(c.withOwnGps / c.pincodes > 0.97, 'more than 97% have their own point');
  t.equal(c.states, 36, '28 states and 8 union territories');
});

t.test('every pincode the sandbox uses is in the data set with its city code', async (t) => {
  const cities: City[] = [BENGALURU, DELHI, MUMBAI];
  const used = new Map<string, { city: City; name: string; lat: number; lon: number }>();
  for (const city of cities) {
    for (const l of city.localities) used.set(l.pincode, { city, name: l.name, lat: l.lat, lon: l.lon });
  }
  // The sellers' stores and delivery areas name localities of their city; each must be one of those above.
  for (const seller of SELLERS) {
    for (const name of [...seller.stores.map((s) => s.locality), ...seller.serves]) {
      const l = seller.city.localities.find((x) => x.name === name);
      t.ok(l && used.has(l.pincode), `${seller.providerId}: locality ${name} has a pincode`);
    }
  }
  const problems: string[] = [];
  for (const [pincode, u] of used) {
    const info = lookupPincode(pincode);
    if (!info) problems.push(`${pincode} ${u.name} (${u.city.name}): not in the data set`);
    else if (info.city !== u.city.std) problems.push(`${pincode} ${u.name}: city ${info.city}, sandbox says ${u.city.std}`);
    else if (info.state !== u.city.state) problems.push(`${pincode} ${u.name}: state ${info.state}, sandbox says ${u.city.state}`);
    else if (km(info.gps, u) > 10) problems.push(`${pincode} ${u.name}: data point ${km(info.gps, u).toFixed(1)} km from the sandbox's`);
  }
  for (const p of problems) t.comment(p);
  t.comment(`sandbox pincodes checked: ${used.size}, problems: ${problems.length}`);
  t.same(problems, [], 'all sandbox pincodes are real, in the right ONDC city, and their points agree within 10 km');
});
