import type { DomainData } from '../types.js';
import { BEAUTY } from './beauty.js';
import { ELECTRONICS } from './electronics.js';
import { FOOD } from './food.js';
import { GROCERY } from './grocery.js';
import { HOME } from './home.js';
import { BENGALURU, type City, DELHI, MUMBAI } from './places.js';

export interface StoreSpec {
  id: string;
  street: string;
  /** Must name a locality of the seller's city; gives the pincode. */
  locality: string;
  lat: number;
  lon: number;
}

export interface SellerSpec {
  providerId: string;
  bppId: string;
  /** Name of the seller app (BPP), as opposed to the store it publishes. */
  appName: string;
  name: string;
  shortDesc: string;
  longDesc: string;
  data: DomainData;
  /** Brand shown for unbranded goods: loose produce, restaurant dishes. */
  houseBrand: string;
  city: City;
  stores: StoreSpec[];
  /** Localities delivered to; the rest of the city is deliberately left out. */
  serves: string[];
  minOrderValue: number;
  deliveryCharge: number;
  packingCharge: number;
  cod: boolean;
  rating: number;
  timeToShip: string;
  /** Store-wide price level against the data tables, so overlapping staples differ between sellers. */
  priceLevel: number;
}

export const SELLERS: SellerSpec[] = [
  {
    providerId: 'sri-lakshmi-kirana',
    bppId: 'kirana.sandbox.ondc.local',
    appName: 'Kirana Sandbox Seller App',
    name: 'Sri Lakshmi Kirana & General Stores',
    shortDesc: 'Neighbourhood kirana for staples, masalas, dairy and daily needs',
    longDesc: 'Family-run kirana in Jayanagar since 1987. Atta, dal, rice, oil, masalas, fresh milk and vegetables delivered within two hours across South Bengaluru.',
    data: GROCERY,
    houseBrand: 'Sri Lakshmi Fresh',
    city: BENGALURU,
    stores: [
      { id: 'loc-jayanagar', street: '14, 11th Main Road, 4th Block', locality: 'Jayanagar', lat: 12.9299, lon: 77.5826 },
      { id: 'loc-basavanagudi', street: '48, DVG Road, Gandhi Bazaar', locality: 'Basavanagudi', lat: 12.9447, lon: 77.571 },
    ],
    serves: ['Jayanagar', 'Basavanagudi', 'JP Nagar', 'Banashankari', 'BTM Layout', 'Koramangala', 'Vijayanagar'],
    minOrderValue: 99,
    deliveryCharge: 25,
    packingCharge: 0,
    cod: true,
    rating: 4.3,
    timeToShip: 'PT2H',
    priceLevel: 1,
  },
  {
    providerId: 'namma-fresh-basket',
    bppId: 'freshbasket.sandbox.ondc.local',
    appName: 'FreshBasket Sandbox Seller App',
    name: 'Namma Fresh Basket',
    shortDesc: 'Quick grocery delivery from dark stores in Koramangala and HSR',
    longDesc: 'App-only grocery with two dark stores in South-East Bengaluru. Sharp prices on staples, no minimum order, prepaid only.',
    data: GROCERY,
    houseBrand: 'Namma Fresh',
    city: BENGALURU,
    stores: [
      { id: 'loc-koramangala', street: '612, 80 Feet Road, 6th Block', locality: 'Koramangala', lat: 12.9368, lon: 77.6189 },
      { id: 'loc-hsr', street: '1120, 27th Main Road, Sector 2', locality: 'HSR Layout', lat: 12.9121, lon: 77.6446 },
    ],
    serves: ['Koramangala', 'HSR Layout', 'Bellandur', 'BTM Layout', 'Jayanagar', 'Domlur', 'Indiranagar', 'Marathahalli'],
    minOrderValue: 0,
    deliveryCharge: 39,
    packingCharge: 5,
    cod: false,
    rating: 4.1,
    timeToShip: 'PT1H',
    priceLevel: 0.97,
  },
  {
    providerId: 'rasoi-express',
    bppId: 'rasoi.sandbox.ondc.local',
    appName: 'Rasoi Sandbox Food App',
    name: 'Rasoi Express Cloud Kitchen',
    shortDesc: 'North and South Indian meals, biryanis, rolls and chai',
    longDesc: 'Delivery-only kitchen serving Punjabi curries, Bengaluru-style donne biryani, dosas, thalis, rolls, Indo-Chinese and desserts. Cooked to order.',
    data: FOOD,
    houseBrand: 'Rasoi Express',
    city: BENGALURU,
    stores: [
      { id: 'loc-koramangala', street: '22, 1st Cross, 5th Block', locality: 'Koramangala', lat: 12.9345, lon: 77.6201 },
      { id: 'loc-indiranagar', street: '3012, 100 Feet Road, HAL 2nd Stage', locality: 'Indiranagar', lat: 12.9719, lon: 77.6412 },
    ],
    serves: ['Koramangala', 'HSR Layout', 'BTM Layout', 'Jayanagar', 'Indiranagar', 'Domlur', 'Ulsoor', 'Bellandur'],
    minOrderValue: 149,
    deliveryCharge: 35,
    packingCharge: 20,
    cod: true,
    rating: 4.4,
    timeToShip: 'PT40M',
    priceLevel: 1,
  },
  {
    providerId: 'glow-and-co',
    bppId: 'glow.sandbox.ondc.local',
    appName: 'Glow Sandbox Seller App',
    name: 'Glow & Co. Beauty Store',
    shortDesc: 'Skin care, hair care, bath and grooming essentials',
    longDesc: 'Authorised retailer of leading personal care brands. Soaps, shampoos, face wash, hair oils, oral care, fragrances and makeup, shipped next day across Bengaluru.',
    data: BEAUTY,
    houseBrand: 'Glow & Co.',
    city: BENGALURU,
    stores: [{ id: 'loc-indiranagar', street: '560, 12th Main Road, HAL 2nd Stage', locality: 'Indiranagar', lat: 12.97, lon: 77.641 }],
    serves: [
      'Indiranagar', 'Domlur', 'Ulsoor', 'Koramangala', 'HSR Layout', 'Bellandur', 'Marathahalli', 'BTM Layout', 'Jayanagar',
      'Basavanagudi', 'JP Nagar', 'Malleshwaram', 'Rajajinagar', 'Hebbal',
    ],
    minOrderValue: 199,
    deliveryCharge: 49,
    packingCharge: 0,
    cod: true,
    rating: 4.2,
    timeToShip: 'P1D',
    priceLevel: 1,
  },
  {
    providerId: 'nehru-place-digital',
    bppId: 'gadgets.sandbox.ondc.local',
    appName: 'Gadgets Sandbox Seller App',
    name: 'Nehru Place Digital Bazaar',
    shortDesc: 'Phones, audio, computer accessories and home appliances',
    longDesc: 'Electronics dealer with counters in Nehru Place and Karol Bagh. GST invoice and brand warranty on every product; free delivery across Delhi, prepaid orders only.',
    data: ELECTRONICS,
    houseBrand: 'Digital Bazaar',
    city: DELHI,
    stores: [
      { id: 'loc-nehru-place', street: 'Shop 21, Ground Floor, Vishal Bhawan', locality: 'Nehru Place', lat: 28.5489, lon: 77.2519 },
      { id: 'loc-karol-bagh', street: '16/4, Gaffar Market, Beadon Pura', locality: 'Karol Bagh', lat: 28.6522, lon: 77.1904 },
    ],
    serves: [
      'Nehru Place', 'Karol Bagh', 'Connaught Place', 'Lajpat Nagar', 'Saket', 'Hauz Khas', 'Greater Kailash',
      'Mayur Vihar Phase 1', 'Rajouri Garden', 'Janakpuri', 'Vasant Kunj', 'Chandni Chowk',
    ],
    minOrderValue: 0,
    deliveryCharge: 0,
    packingCharge: 0,
    cod: false,
    rating: 4,
    timeToShip: 'P1D',
    priceLevel: 1,
  },
  {
    providerId: 'ghar-sansar',
    bppId: 'gharsansar.sandbox.ondc.local',
    appName: 'Ghar Sansar Sandbox Seller App',
    name: 'Ghar Sansar Home & Kitchen',
    shortDesc: 'Cookware, storage, furnishings and home essentials',
    longDesc: 'Dadar institution for pressure cookers, steel and non-stick cookware, storage containers, bedsheets and pooja items, now delivering across Mumbai.',
    data: HOME,
    houseBrand: 'Ghar Sansar',
    city: MUMBAI,
    stores: [
      { id: 'loc-dadar', street: 'Shop 4, Ranade Road, near Dadar Station', locality: 'Dadar West', lat: 19.0198, lon: 72.8405 },
      { id: 'loc-andheri', street: '7, S.V. Road, opposite Andheri Market', locality: 'Andheri West', lat: 19.134, lon: 72.837 },
    ],
    serves: [
      'Dadar West', 'Andheri West', 'Bandra West', 'Lower Parel', 'Juhu', 'Vile Parle East', 'Powai', 'Chembur',
      'Ghatkopar East', 'Goregaon East', 'Malad West',
    ],
    minOrderValue: 299,
    deliveryCharge: 59,
    packingCharge: 0,
    cod: true,
    rating: 4.3,
    timeToShip: 'P2D',
    priceLevel: 1,
  },
];
