/** Real localities with their India Post pincodes and approximate centre coordinates. */
export interface Locality {
  name: string;
  pincode: string;
  lat: number;
  lon: number;
}

export interface City {
  name: string;
  std: string;
  state: string;
  localities: Locality[];
}

export const BENGALURU: City = {
  name: 'Bengaluru',
  std: 'std:080',
  state: 'Karnataka',
  localities: [
    { name: 'Jayanagar', pincode: '560041', lat: 12.9308, lon: 77.5838 },
    { name: 'Basavanagudi', pincode: '560004', lat: 12.9416, lon: 77.5733 },
    { name: 'JP Nagar', pincode: '560078', lat: 12.9063, lon: 77.5857 },
    { name: 'Banashankari', pincode: '560070', lat: 12.9255, lon: 77.5468 },
    { name: 'BTM Layout', pincode: '560076', lat: 12.9166, lon: 77.6101 },
    { name: 'Koramangala', pincode: '560034', lat: 12.9352, lon: 77.6245 },
    { name: 'HSR Layout', pincode: '560102', lat: 12.9116, lon: 77.6474 },
    { name: 'Bellandur', pincode: '560103', lat: 12.926, lon: 77.6762 },
    { name: 'Indiranagar', pincode: '560038', lat: 12.9784, lon: 77.6408 },
    { name: 'Domlur', pincode: '560071', lat: 12.961, lon: 77.6387 },
    { name: 'Ulsoor', pincode: '560008', lat: 12.9817, lon: 77.6286 },
    { name: 'Marathahalli', pincode: '560037', lat: 12.9591, lon: 77.6974 },
    { name: 'Whitefield', pincode: '560066', lat: 12.9698, lon: 77.75 },
    { name: 'Malleshwaram', pincode: '560003', lat: 13.0031, lon: 77.5643 },
    { name: 'Rajajinagar', pincode: '560010', lat: 12.9901, lon: 77.5525 },
    { name: 'Vijayanagar', pincode: '560040', lat: 12.9719, lon: 77.535 },
    { name: 'Hebbal', pincode: '560024', lat: 13.0358, lon: 77.597 },
    { name: 'Yelahanka', pincode: '560064', lat: 13.1007, lon: 77.5963 },
    { name: 'Electronic City', pincode: '560100', lat: 12.8452, lon: 77.6602 },
  ],
};

export const DELHI: City = {
  name: 'New Delhi',
  std: 'std:011',
  state: 'Delhi',
  localities: [
    { name: 'Nehru Place', pincode: '110019', lat: 28.5491, lon: 77.2533 },
    { name: 'Karol Bagh', pincode: '110005', lat: 28.6519, lon: 77.1909 },
    { name: 'Connaught Place', pincode: '110001', lat: 28.6315, lon: 77.2167 },
    { name: 'Lajpat Nagar', pincode: '110024', lat: 28.5677, lon: 77.2433 },
    { name: 'Saket', pincode: '110017', lat: 28.5245, lon: 77.2066 },
    { name: 'Hauz Khas', pincode: '110016', lat: 28.5494, lon: 77.2001 },
    { name: 'Greater Kailash', pincode: '110048', lat: 28.5482, lon: 77.238 },
    { name: 'Mayur Vihar Phase 1', pincode: '110091', lat: 28.6042, lon: 77.2944 },
    { name: 'Rajouri Garden', pincode: '110027', lat: 28.6415, lon: 77.1209 },
    { name: 'Janakpuri', pincode: '110058', lat: 28.6219, lon: 77.0878 },
    { name: 'Dwarka', pincode: '110075', lat: 28.5815, lon: 77.059 },
    { name: 'Vasant Kunj', pincode: '110070', lat: 28.52, lon: 77.158 },
    { name: 'Pitampura', pincode: '110034', lat: 28.698, lon: 77.138 },
    { name: 'Rohini', pincode: '110085', lat: 28.736, lon: 77.113 },
    { name: 'Chandni Chowk', pincode: '110006', lat: 28.6506, lon: 77.2303 },
  ],
};

export const MUMBAI: City = {
  name: 'Mumbai',
  std: 'std:022',
  state: 'Maharashtra',
  localities: [
    { name: 'Dadar West', pincode: '400028', lat: 19.0213, lon: 72.8424 },
    { name: 'Andheri West', pincode: '400053', lat: 19.1364, lon: 72.8296 },
    { name: 'Bandra West', pincode: '400050', lat: 19.0596, lon: 72.8295 },
    { name: 'Lower Parel', pincode: '400013', lat: 18.9953, lon: 72.8302 },
    { name: 'Juhu', pincode: '400049', lat: 19.1075, lon: 72.8263 },
    { name: 'Vile Parle East', pincode: '400057', lat: 19.099, lon: 72.85 },
    { name: 'Powai', pincode: '400076', lat: 19.1176, lon: 72.906 },
    { name: 'Chembur', pincode: '400071', lat: 19.0522, lon: 72.9005 },
    { name: 'Ghatkopar East', pincode: '400077', lat: 19.079, lon: 72.908 },
    { name: 'Goregaon East', pincode: '400063', lat: 19.1663, lon: 72.8526 },
    { name: 'Malad West', pincode: '400064', lat: 19.1874, lon: 72.8484 },
    { name: 'Kandivali West', pincode: '400067', lat: 19.2047, lon: 72.8397 },
    { name: 'Borivali West', pincode: '400092', lat: 19.2307, lon: 72.8567 },
    { name: 'Mulund West', pincode: '400080', lat: 19.1726, lon: 72.9425 },
    { name: 'Colaba', pincode: '400005', lat: 18.9067, lon: 72.8147 },
  ],
};
