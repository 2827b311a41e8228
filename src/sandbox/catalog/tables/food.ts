import type { BaseProduct, DomainData, PackSize, Variant } from '../types.js';
import { each, portion } from './units.js';

/** Menu-style labels: quantities go in brackets after the dish name. */
const pcs = (n: number, price: number): PackSize => ({ label: `(${n} ${n === 1 ? 'pc' : 'pcs'})`, unit: 'unit', value: String(n), price });
const ml = (value: number, price: number): PackSize => ({ label: `(${value} ml)`, unit: 'millilitre', value: String(value), price });
const g = (value: number, price: number): PackSize => ({ label: `(${value} g)`, unit: 'gram', value: String(value), price });

type Cuisine = 'North Indian' | 'South Indian' | 'Hyderabadi' | 'Indo-Chinese' | 'Street Food' | 'Beverages' | 'Desserts' | 'Mughlai';

function dish(
  slug: string,
  name: string,
  category: string,
  sub: Cuisine,
  veg: boolean,
  desc: string,
  packs: PackSize[],
  extra: Partial<BaseProduct> = {},
): BaseProduct {
  return { slug, name, category, sub, veg, desc, packs, ...extra };
}

const halfFull = (half: number, full: number): PackSize[] => [portion('Full', 500, full), portion('Half', 300, half)];
const single = (price: number): PackSize[] => [each('', price)];

/** Protein choices for biryani, rolls, noodles and fried rice; factors are against the veg price. */
const PROTEINS: Variant[] = [
  { label: 'Veg', veg: true },
  { label: 'Paneer', f: 1.15, veg: true },
  { label: 'Egg', f: 1.1, veg: false, tags: ['egg', 'anda'] },
  { label: 'Chicken', f: 1.3, veg: false, tags: ['chicken', 'murgh'] },
];
const WITH_MUTTON: Variant[] = [...PROTEINS, { label: 'Mutton', f: 1.7, veg: false, tags: ['mutton', 'gosht'] }];
/** Jain = no onion, garlic or root vegetables; many North Indian kitchens list it as its own dish. */
const JAIN: Variant[] = [{ label: '' }, { label: 'Jain', tags: ['jain', 'no onion no garlic'] }];

const products: BaseProduct[] = [
  // North Indian curries
  dish('paneer-butter-masala', 'Paneer Butter Masala', 'Paneer', 'North Indian', true, 'Paneer cubes in a silky tomato-cashew gravy finished with butter and kasuri methi', halfFull(175, 285), { variants: JAIN, aka: ['paneer makhani', 'pbm'] }),
  dish('kadai-paneer', 'Kadai Paneer', 'Paneer', 'North Indian', true, 'Paneer tossed with capsicum and onion in freshly pounded kadai masala', halfFull(175, 280), { variants: JAIN }),
  dish('palak-paneer', 'Palak Paneer', 'Paneer', 'North Indian', true, 'Paneer in a smooth, garlicky spinach gravy', halfFull(170, 270), { aka: ['saag paneer'] }),
  dish('shahi-paneer', 'Shahi Paneer', 'Paneer', 'Mughlai', true, 'Paneer in a rich, mildly sweet cream and nut gravy', halfFull(180, 290)),
  dish('paneer-tikka', 'Paneer Tikka', 'Tikka', 'North Indian', true, 'Char-grilled paneer, capsicum and onion marinated in hung curd and spices', [pcs(6, 260), pcs(9, 370)], { aka: ['tandoori paneer'] }),
  dish('dal-makhani', 'Dal Makhani', 'Dal', 'North Indian', true, 'Whole urad and rajma slow-cooked overnight with butter and cream', halfFull(160, 240), { variants: JAIN, aka: ['maa ki dal', 'dal'] }),
  dish('dal-tadka', 'Dal Tadka', 'Dal', 'North Indian', true, 'Yellow dal tempered with ghee, jeera, garlic and red chilli', halfFull(130, 190), { variants: JAIN, aka: ['dal fry', 'dal'] }),
  dish('chole', 'Amritsari Chole', 'Vegetables', 'North Indian', true, 'Dark, tangy chickpea curry with whole spices', halfFull(140, 210), { variants: JAIN, aka: ['chana masala', 'chhole'] }),
  dish('rajma-masala', 'Rajma Masala', 'Vegetables', 'North Indian', true, 'Kidney beans simmered in an onion-tomato masala', halfFull(140, 210), { aka: ['rajma'] }),
  dish('mix-veg', 'Mix Veg', 'Vegetables', 'North Indian', true, 'Seasonal vegetables in a home-style masala', halfFull(150, 220), { variants: JAIN, aka: ['mixed vegetable', 'sabzi'] }),
  dish('aloo-gobi', 'Aloo Gobi', 'Vegetables', 'North Indian', true, 'Potato and cauliflower dry sabzi with haldi and jeera', halfFull(130, 190), { aka: ['sabzi'] }),
  dish('malai-kofta', 'Malai Kofta', 'Vegetables', 'Mughlai', true, 'Paneer-potato dumplings in a creamy, mildly sweet gravy', halfFull(180, 290)),
  dish('butter-chicken', 'Butter Chicken', 'Chicken', 'North Indian', false, 'Tandoori chicken in a buttery tomato gravy, Delhi style', halfFull(220, 360), { aka: ['murgh makhani'] }),
  dish('chicken-tikka-masala', 'Chicken Tikka Masala', 'Chicken', 'North Indian', false, 'Grilled chicken tikka in a spiced onion-tomato masala', halfFull(230, 370)),
  dish('kadai-chicken', 'Kadai Chicken', 'Chicken', 'North Indian', false, 'Chicken cooked with capsicum and kadai masala', halfFull(210, 350)),
  dish('chicken-tikka', 'Chicken Tikka', 'Tikka', 'North Indian', false, 'Boneless chicken marinated overnight and char-grilled', [pcs(6, 290), pcs(9, 410)]),
  dish('tandoori-chicken', 'Tandoori Chicken', 'Tandoori', 'North Indian', false, 'Bone-in chicken roasted in the tandoor with lemon and chaat masala', [portion('Half', 450, 260), portion('Full', 900, 480)]),
  dish('mutton-rogan-josh', 'Mutton Rogan Josh', 'Mutton', 'Mughlai', false, 'Kashmiri-style mutton curry with ratan jot and fennel', halfFull(300, 450), { aka: ['gosht'] }),
  dish('egg-curry', 'Egg Curry', 'Eggs', 'North Indian', false, 'Boiled eggs in a dhaba-style onion-tomato gravy', halfFull(140, 210), { aka: ['anda curry'] }),
  dish('seekh-kebab', 'Chicken Seekh Kebab', 'Kabab', 'Mughlai', false, 'Minced chicken skewers with mint chutney', [pcs(4, 280), pcs(8, 520)]),
  // Breads
  dish('tandoori-roti', 'Tandoori Roti', 'Roti', 'North Indian', true, 'Whole wheat roti from the tandoor', single(25), { variants: [{ label: 'Plain' }, { label: 'Butter', f: 1.4 }], aka: ['roti'], variantStyle: 'prefix' }),
  dish('naan', 'Naan', 'Bread', 'North Indian', true, 'Soft leavened tandoori bread', single(55), { variants: [{ label: 'Butter' }, { label: 'Garlic', f: 1.25 }, { label: 'Cheese', f: 1.6 }, { label: 'Plain', f: 0.85 }] }),
  dish('lachha-paratha', 'Lachha Paratha', 'Roti', 'North Indian', true, 'Flaky layered paratha', single(60), { aka: ['paratha'] }),
  dish('stuffed-paratha', 'Paratha with Curd & Pickle', 'Roti', 'North Indian', true, 'Tawa paratha stuffed and served with dahi and achaar', single(110), { variants: [{ label: 'Aloo' }, { label: 'Gobi', f: 1.05 }, { label: 'Paneer', f: 1.3 }, { label: 'Methi', f: 0.95 }, { label: 'Onion', f: 0.95 }, { label: 'Mooli', f: 1.0 }], aka: ['paratha'] }),
  // Rice
  dish('jeera-rice', 'Jeera Rice', 'Rice', 'North Indian', true, 'Basmati rice tempered with ghee and cumin', single(150), { aka: ['rice'] }),
  dish('veg-pulao', 'Veg Pulao', 'Rice', 'North Indian', true, 'Basmati cooked with vegetables and whole spices', single(170), { aka: ['pulav'] }),
  dish('rajma-chawal', 'Rajma Chawal Bowl', 'Meal bowl', 'North Indian', true, 'Rajma masala over steamed rice with onion salad', single(180)),
  dish('dal-khichdi', 'Dal Khichdi', 'Rice', 'North Indian', true, 'Comforting moong dal and rice khichdi with ghee', single(160), { aka: ['khichdi'] }),
  // Biryani
  dish('dum-biryani', 'Dum Biryani', 'Biryani', 'Mughlai', true, 'Layered basmati and marinated filling, sealed and slow-cooked on dum; served with raita and salan', [each('(Regular)', 220), each('(Family Pack, serves 3-4)', 570), each('(Mini)', 160)], { variants: WITH_MUTTON, aka: ['biriyani'], timeToShip: 'PT45M' }),
  dish('hyderabadi-biryani', 'Hyderabadi {v} Dum Biryani', 'Biryani', 'Hyderabadi', true, 'Kacchi-style biryani with saffron, mint and fried onions', [each('(Regular)', 240), each('(Family Pack, serves 3-4)', 620), each('(Mini)', 175)], { variants: WITH_MUTTON, aka: ['biriyani'], timeToShip: 'PT45M' }),
  dish('donne-biryani', 'Donne Biryani', 'Biryani', 'South Indian', true, 'Bengaluru military-hotel style green biryani with jeerige samba rice, served in an areca-leaf donne', [each('(Regular)', 210)], { variants: WITH_MUTTON, aka: ['biriyani', 'military hotel'], timeToShip: 'PT45M' }),
  // Thalis
  dish('mini-thali', 'Mini Veg Thali', 'Thali', 'North Indian', true, 'Dal, one sabzi, jeera rice, 2 rotis and salad', single(160), { aka: ['meals', 'thaali'] }),
  dish('deluxe-thali', 'Deluxe Veg Thali', 'Thali', 'North Indian', true, 'Dal makhani, paneer sabzi, seasonal veg, rice, 3 rotis, raita, gulab jamun', single(260), { aka: ['meals', 'thaali'] }),
  dish('punjabi-thali', 'Punjabi Thali', 'Thali', 'North Indian', true, 'Chole, dal makhani, paneer butter masala, 2 naan, jeera rice, lassi', single(299), { aka: ['thaali'] }),
  dish('south-meals', 'South Indian Meals', 'Thali', 'South Indian', true, 'Rice, sambar, rasam, poriyal, kootu, curd, papad and payasam', single(180), { aka: ['meals', 'oota', 'saapadu'] }),
  dish('chicken-thali', 'Chicken Thali', 'Thali', 'North Indian', false, 'Chicken curry, dal, rice, 2 rotis, salad and a sweet', single(320), { aka: ['non veg meals'] }),
  // Rolls
  dish('kathi-roll', 'Kathi Roll', 'Rolls', 'Street Food', true, 'Flaky paratha rolled around a spicy filling with onions and green chutney', [each('', 110), each('(Double)', 190)], { variants: PROTEINS, aka: ['roll', 'frankie', 'wrap'] }),
  // South Indian
  dish('dosa', 'Dosa', 'Dosa', 'South Indian', true, 'Crisp rice-urad crepe with coconut chutney and sambar', single(90), {
    variants: [{ label: 'Masala', f: 1.33 }, { label: 'Plain' }, { label: 'Mysore Masala', f: 1.55 }, { label: 'Ghee Roast', f: 1.65 }, { label: 'Onion Rava', f: 1.55 }, { label: 'Set', f: 1.2 }, { label: 'Paneer', f: 1.8 }],
    aka: ['dosai', 'dose'],
  }),
  dish('idli', 'Idli', 'Idli', 'South Indian', true, 'Steamed rice cakes with chutney and sambar', [pcs(2, 60), pcs(4, 110)], { variants: [{ label: '' }, { label: 'Ghee Podi', f: 1.6 }, { label: 'Rava', f: 1.2 }], aka: ['idly'] }),
  dish('medu-vada', 'Medu Vada', 'Vada', 'South Indian', true, 'Crisp urad dal vadas with chutney and sambar', [pcs(2, 70), pcs(4, 130)], { aka: ['vade', 'uddina vada'] }),
  dish('uttapam', 'Uttapam', 'Uttapam', 'South Indian', true, 'Thick rice pancake with toppings', single(120), { variants: [{ label: 'Onion' }, { label: 'Tomato Onion', f: 1.08 }, { label: 'Mixed Veg', f: 1.15 }], aka: ['uthappa'] }),
  dish('upma', 'Rava Upma', 'Upma', 'South Indian', true, 'Sooji upma with vegetables, cashew and curry leaves', single(80), { aka: ['uppittu'] }),
  dish('pongal', 'Ven Pongal', 'Rice', 'South Indian', true, 'Rice and moong dal cooked with ghee, pepper and cashew', single(100), { aka: ['khara pongal'] }),
  dish('bisi-bele-bath', 'Bisi Bele Bath', 'Rice', 'South Indian', true, 'Karnataka-style spiced rice, dal and vegetables with boondi', single(120)),
  dish('curd-rice', 'Curd Rice', 'Rice', 'South Indian', true, 'Tempered curd rice with pomegranate', single(110), { aka: ['mosaru anna', 'thayir sadam', 'dahi chawal'] }),
  dish('lemon-rice', 'Lemon Rice', 'Rice', 'South Indian', true, 'Tangy rice with peanuts and curry leaves', single(100), { aka: ['chitranna'] }),
  // Indo-Chinese
  dish('hakka-noodles', 'Hakka Noodles', 'Noodles', 'Indo-Chinese', true, 'Wok-tossed noodles with vegetables and soy', single(170), { variants: PROTEINS, aka: ['chowmein', 'chow mein'] }),
  dish('fried-rice', 'Schezwan Fried Rice', 'Rice', 'Indo-Chinese', true, 'Wok-fried rice in fiery schezwan sauce', single(170), { variants: PROTEINS }),
  dish('momos', 'Momos', 'Momos', 'Indo-Chinese', true, 'Hand-folded dumplings with red chutney', [pcs(8, 140)], {
    variants: [
      { label: 'Veg Steamed' }, { label: 'Veg Fried', f: 1.1 }, { label: 'Paneer Steamed', f: 1.2 },
      { label: 'Chicken Steamed', f: 1.25, veg: false }, { label: 'Chicken Fried', f: 1.35, veg: false },
    ],
    aka: ['dumplings', 'momo'],
  }),
  dish('gobi-manchurian', 'Gobi Manchurian', 'Vegetables', 'Indo-Chinese', true, 'Crisp cauliflower in a tangy Manchurian sauce', single(180), { variants: [{ label: 'Dry' }, { label: 'Gravy', f: 1.05 }], variantStyle: 'paren' }),
  dish('chilli-paneer', 'Chilli Paneer', 'Paneer', 'Indo-Chinese', true, 'Paneer tossed with capsicum, onion and green chilli', single(240), { variants: [{ label: 'Dry' }, { label: 'Gravy', f: 1.05 }], variantStyle: 'paren' }),
  dish('chilli-chicken', 'Chilli Chicken', 'Chicken', 'Indo-Chinese', false, 'Crisp chicken in a spicy soy-chilli glaze', single(260), { variants: [{ label: 'Dry' }, { label: 'Gravy', f: 1.05 }], variantStyle: 'paren' }),
  dish('spring-roll', 'Veg Spring Roll', 'Spring Roll', 'Indo-Chinese', true, 'Crisp rolls stuffed with cabbage and carrot', [pcs(4, 150)]),
  // Soups and sides
  dish('soup', 'Soup', 'Soup', 'Indo-Chinese', true, 'A hot bowl to start', single(110), {
    variants: [
      { label: 'Tomato' }, { label: 'Veg Sweet Corn', f: 1.05 }, { label: 'Veg Hot & Sour', f: 1.05 }, { label: 'Veg Manchow', f: 1.1 },
      { label: 'Chicken Sweet Corn', f: 1.3, veg: false }, { label: 'Chicken Hot & Sour', f: 1.3, veg: false },
    ],
  }),
  dish('raita', 'Raita', 'Raita', 'North Indian', true, 'Chilled whisked curd with roasted jeera', single(70), { variants: [{ label: 'Boondi' }, { label: 'Mix Veg', f: 1.1 }, { label: 'Pineapple', f: 1.3 }] }),
  dish('green-salad', 'Green Salad', 'Salad', 'North Indian', true, 'Onion, cucumber, tomato and carrot with lemon', single(70)),
  // Street food
  dish('pani-puri', 'Pani Puri', 'Chaat', 'Street Food', true, 'Crisp puris with spicy mint water and tamarind chutney', [pcs(6, 60), pcs(12, 110)], { aka: ['golgappa', 'puchka', 'gol gappe'] }),
  dish('samosa', 'Punjabi Samosa', 'Samosa', 'Street Food', true, 'Flaky samosa stuffed with spiced potato and peas', [pcs(2, 50), pcs(4, 95)], { aka: ['samosa'] }),
  dish('pav-bhaji', 'Pav Bhaji', 'Chaat', 'Street Food', true, 'Buttery mashed vegetable bhaji with 2 toasted pav', single(140), { variants: [{ label: '' }, { label: 'Cheese', f: 1.25 }, { label: 'Jain', f: 1.0, tags: ['jain'] }] }),
  dish('chole-bhature', 'Chole Bhature', 'Bread', 'North Indian', true, 'Two fluffy bhature with Amritsari chole and pickle', single(160)),
  dish('vada-pav', 'Vada Pav', 'Sandwich', 'Street Food', true, 'Mumbai batata vada in pav with dry garlic chutney', [pcs(1, 50), pcs(2, 95)], { aka: ['wada pav'] }),
  dish('chaat', 'Chaat', 'Chaat', 'Street Food', true, 'Tangy, sweet and spicy with curd and chutneys', single(90), { variants: [{ label: 'Papdi' }, { label: 'Aloo Tikki', f: 1.05 }, { label: 'Dahi Puri', f: 0.95 }, { label: 'Samosa', f: 1.1 }] }),
  // Beverages
  dish('chai', 'Chai', 'Tea', 'Beverages', true, 'Kadak chai brewed fresh with milk', [ml(150, 40), ml(500, 120)], {
    variants: [{ label: 'Masala' }, { label: 'Adrak', tags: ['ginger'] }, { label: 'Elaichi', tags: ['cardamom'] }, { label: 'Kulhad', f: 1.25 }],
    aka: ['chai', 'cutting chai', 'tea'],
    timeToShip: 'PT30M',
  }),
  dish('filter-coffee', 'Filter Coffee', 'Coffee', 'Beverages', true, 'Strong decoction with frothy milk, served in a dabara set', [ml(150, 45), ml(500, 135)], { aka: ['kaapi', 'filter kaapi'], timeToShip: 'PT30M' }),
  dish('lassi', 'Lassi', 'Lassi', 'Beverages', true, 'Thick churned curd drink topped with malai', [ml(300, 80)], { variants: [{ label: 'Sweet' }, { label: 'Salted', f: 0.9 }, { label: 'Mango', f: 1.25 }, { label: 'Rose', f: 1.15 }], timeToShip: 'PT30M' }),
  dish('chaas', 'Masala Chaas', 'Lassi', 'Beverages', true, 'Spiced buttermilk with roasted jeera and mint', [ml(300, 50)], { aka: ['buttermilk', 'majjige', 'mor'], timeToShip: 'PT30M' }),
  dish('lime-soda', 'Fresh Lime Soda', 'Soft Drink', 'Beverages', true, 'Fresh lime with soda', [ml(300, 70)], { variants: [{ label: 'Sweet' }, { label: 'Salted' }, { label: 'Mixed' }], variantStyle: 'paren', aka: ['nimbu soda'], timeToShip: 'PT30M' }),
  dish('cold-coffee', 'Cold Coffee', 'Shakes & Smoothies', 'Beverages', true, 'Blended iced coffee', [ml(350, 120)], { variants: [{ label: '' }, { label: 'with Ice Cream', f: 1.3 }], variantStyle: 'suffix', timeToShip: 'PT30M' }),
  dish('milkshake', 'Milkshake', 'Shakes & Smoothies', 'Beverages', true, 'Thick shake made with full-cream milk', [ml(350, 130)], { variants: [{ label: 'Mango' }, { label: 'Chocolate', f: 1.05 }, { label: 'Strawberry' }, { label: 'Oreo', f: 1.15 }], aka: ['shake'], timeToShip: 'PT30M' }),
  dish('fresh-juice', 'Fresh Juice', 'Fresh Juice', 'Beverages', true, 'Pressed to order, no added sugar', [ml(300, 110)], { variants: [{ label: 'Watermelon' }, { label: 'Orange', f: 1.1 }, { label: 'Mosambi' }, { label: 'Pineapple', f: 1.05 }], timeToShip: 'PT30M' }),
  // Desserts
  dish('gulab-jamun', 'Gulab Jamun', 'Mithai', 'Desserts', true, 'Warm khoya dumplings in rose-cardamom syrup', [pcs(2, 60), pcs(4, 110)], { aka: ['jamun', 'mithai'] }),
  dish('rasmalai', 'Rasmalai', 'Mithai', 'Desserts', true, 'Chenna discs in saffron-pistachio milk', [pcs(2, 90)], { aka: ['mithai'] }),
  dish('halwa', 'Halwa', 'Desserts', 'Desserts', true, 'Slow-cooked in ghee, topped with nuts', [g(150, 110)], { variants: [{ label: 'Gajar Ka' }, { label: 'Moong Dal', f: 1.2 }], aka: ['mithai'] }),
  dish('kulfi', 'Kulfi', 'Kulfi', 'Desserts', true, 'Dense, slow-reduced milk kulfi on a stick', [pcs(1, 70)], { variants: [{ label: 'Malai' }, { label: 'Kesar Pista', f: 1.15 }, { label: 'Mango', f: 1.1 }] }),
  dish('phirni', 'Phirni', 'Desserts', 'Desserts', true, 'Ground-rice pudding set in a clay pot', [g(120, 80)]),
  dish('payasam', 'Payasam', 'Desserts', 'Desserts', true, 'South Indian kheer with jaggery or milk', [ml(200, 90)], { variants: [{ label: 'Semiya' }, { label: 'Paal', f: 1.1 }, { label: 'Elaneer', f: 1.4 }], aka: ['kheer', 'payasa'] }),
  dish('brownie', 'Walnut Brownie', 'Desserts', 'Desserts', true, 'Fudgy eggless chocolate brownie', single(120), { variants: [{ label: '' }, { label: 'with Vanilla Ice Cream', f: 1.5 }], variantStyle: 'suffix' }),
  // more curries and starters
  dish('matar-paneer', 'Matar Paneer', 'Paneer', 'North Indian', true, 'Paneer and green peas in a home-style tomato gravy', halfFull(165, 260), { variants: JAIN }),
  dish('paneer-lababdar', 'Paneer Lababdar', 'Paneer', 'North Indian', true, 'Paneer in a rich onion-tomato gravy with grated paneer', halfFull(185, 295), { variants: JAIN }),
  dish('paneer-bhurji', 'Paneer Bhurji', 'Paneer', 'North Indian', true, 'Scrambled paneer with onion, tomato and green chilli', halfFull(160, 250)),
  dish('dum-aloo', 'Kashmiri Dum Aloo', 'Vegetables', 'North Indian', true, 'Baby potatoes in a fennel and Kashmiri chilli gravy', halfFull(140, 220)),
  dish('bhindi-masala', 'Bhindi Masala', 'Vegetables', 'North Indian', true, 'Okra stir-fried with onion and amchur', halfFull(140, 210), { aka: ['bhindi', 'okra'] }),
  dish('baingan-bharta', 'Baingan Bharta', 'Vegetables', 'North Indian', true, 'Fire-roasted brinjal mashed with onion, tomato and mustard oil', halfFull(140, 210)),
  dish('kadhi-pakoda', 'Kadhi Pakoda', 'Dal', 'North Indian', true, 'Tangy besan-curd kadhi with onion pakodas', halfFull(130, 190), { aka: ['kadhi'] }),
  dish('chicken-curry', 'Home Style Chicken Curry', 'Chicken', 'North Indian', false, 'Bone-in chicken in a simple onion-tomato masala, like ghar ka khana', halfFull(200, 330), { aka: ['murgh curry'] }),
  dish('chicken-chettinad', 'Chicken Chettinad', 'Chicken', 'South Indian', false, 'Peppery Chettinad chicken with roasted coconut and kalpasi', halfFull(220, 360)),
  dish('chicken-65', 'Chicken 65', 'Chicken', 'South Indian', false, 'Crisp, fiery fried chicken with curry leaves', [portion('Quarter', 200, 190), portion('Half', 350, 290)]),
  dish('chicken-lollipop', 'Chicken Lollipop', 'Chicken wings', 'Indo-Chinese', false, 'Frenched wings fried crisp, with schezwan dip', [pcs(6, 260)]),
  dish('fish-curry', 'Kerala Fish Curry', 'Seafood', 'South Indian', false, 'Seer fish in a tangy kudampuli and coconut gravy', halfFull(260, 420), { aka: ['meen curry'] }),
  dish('prawn-masala', 'Prawn Ghee Roast', 'Seafood', 'South Indian', false, 'Mangalorean ghee roast with Byadgi chillies', halfFull(290, 450)),
  dish('mutton-keema', 'Mutton Keema', 'Mutton', 'Mughlai', false, 'Minced mutton with peas, served with 2 pav', halfFull(260, 399), { aka: ['keema pav'] }),
  dish('egg-bhurji', 'Egg Bhurji', 'Eggs', 'Street Food', false, 'Masala scrambled eggs with 2 butter pav', single(120), { aka: ['anda bhurji'] }),
  dish('hara-bhara-kebab', 'Hara Bhara Kebab', 'Kabab', 'North Indian', true, 'Spinach, peas and potato patties with mint chutney', [pcs(6, 220)]),
  // more breads, breakfast and South Indian
  dish('kulcha', 'Amritsari Kulcha', 'Bread', 'North Indian', true, 'Tandoor-baked stuffed kulcha with chole and butter', single(150), { variants: [{ label: 'Aloo' }, { label: 'Paneer', f: 1.2 }, { label: 'Mix', f: 1.1 }], variantStyle: 'paren' }),
  dish('puri-bhaji', 'Puri Bhaji', 'Bread', 'North Indian', true, '4 puris with aloo bhaji and pickle', single(110), { aka: ['poori'] }),
  dish('poha-plate', 'Kanda Poha', 'Poha', 'Street Food', true, 'Indori-style poha with sev, onion and pomegranate', single(70), { aka: ['poha'] }),
  dish('khaman-dhokla', 'Khaman Dhokla', 'Dhokla', 'Street Food', true, 'Soft, spongy besan dhokla with green chutney', [g(200, 80)]),
  dish('kachori', 'Pyaaz Kachori', 'Kachori', 'Street Food', true, 'Jodhpur-style onion kachori with tamarind chutney', [pcs(2, 70)]),
  dish('neer-dosa', 'Neer Dosa', 'Dosa', 'South Indian', true, 'Lacy rice crepes with coconut chutney', [pcs(3, 90)], { variants: [{ label: '' }, { label: 'with Chicken Sukka', f: 2.6, veg: false }], variantStyle: 'suffix' }),
  dish('akki-roti', 'Akki Roti', 'Roti', 'South Indian', true, 'Karnataka rice-flour roti with chutney', [pcs(2, 90)]),
  dish('bath', 'Bath', 'Upma', 'South Indian', true, 'Darshini-style breakfast bath', single(60), { variants: [{ label: 'Kesari' }, { label: 'Khara', f: 0.95 }, { label: 'Chow Chow', f: 1.4 }] }),
  dish('ghee-rice', 'Ghee Rice', 'Rice', 'South Indian', true, 'Fragrant jeerige samba rice cooked in ghee', single(140)),
  dish('pasta', 'Pasta', 'Pasta', 'Street Food', true, 'Penne tossed in sauce with vegetables and parmesan', single(210), {
    variants: [{ label: 'Arrabbiata' }, { label: 'Alfredo', f: 1.1 }, { label: 'Pink Sauce', f: 1.05 }, { label: 'Chicken Alfredo', f: 1.35, veg: false }],
  }),
  dish('burger', 'Burger', 'Burger', 'Street Food', true, 'Toasted bun, lettuce, onion and house mayo', single(110), {
    variants: [{ label: 'Aloo Tikki' }, { label: 'Paneer Tikka', f: 1.45 }, { label: 'Crispy Chicken', f: 1.6, veg: false }],
  }),
  dish('grilled-sandwich', 'Grilled Sandwich', 'Sandwich', 'Street Food', true, 'Triple-layer grilled sandwich with green chutney', single(120), {
    variants: [{ label: 'Bombay Veg' }, { label: 'Cheese Chutney', f: 1.1 }, { label: 'Paneer Tikka', f: 1.35 }, { label: 'Chicken Tikka', f: 1.5, veg: false }],
  }),
  dish('fries', 'French Fries', 'Fries', 'Street Food', true, 'Crisp salted fries', single(100), { variants: [{ label: '' }, { label: 'Peri Peri', f: 1.15 }, { label: 'Cheesy', f: 1.35 }] }),
  // more drinks and sweets
  dish('badam-milk', 'Badam Milk', 'Shakes & Smoothies', 'Beverages', true, 'Saffron-almond milk', [ml(300, 90)], { variants: [{ label: 'Hot' }, { label: 'Chilled' }], variantStyle: 'paren', aka: ['badam doodh'], timeToShip: 'PT30M' }),
  dish('rose-milk', 'Rose Milk', 'Shakes & Smoothies', 'Beverages', true, 'Chilled milk with rose syrup and sabja', [ml(300, 80)], { timeToShip: 'PT30M' }),
  dish('nimbu-pani', 'Nimbu Pani', 'Fresh Juice', 'Beverages', true, 'Fresh lemonade with black salt and mint', [ml(300, 60)], { variants: [{ label: '' }, { label: 'Jaljeera' }, { label: 'Aam Panna', f: 1.2 }], variantStyle: 'suffix', aka: ['shikanji', 'lemonade'], timeToShip: 'PT30M' }),
  dish('jalebi', 'Jalebi', 'Mithai', 'Desserts', true, 'Crisp, syrupy jalebis fried fresh', [g(250, 120), g(100, 55)], { variants: [{ label: '' }, { label: 'with Rabri', f: 1.6 }], variantStyle: 'suffix', aka: ['jilebi', 'mithai'] }),
  dish('mysore-pak', 'Mysore Pak', 'Mithai', 'Desserts', true, 'Melt-in-the-mouth ghee Mysore pak', [g(250, 180), g(500, 340)], { aka: ['mithai'] }),
  dish('rasgulla', 'Rasgulla', 'Mithai', 'Desserts', true, 'Spongy chhena balls in light syrup', [pcs(2, 60), pcs(4, 110)], { aka: ['rosogolla', 'mithai'] }),
  dish('ice-cream', 'Ice Cream', 'Ice cream', 'Desserts', true, 'Two scoops of house-churned ice cream', single(120), {
    variants: [{ label: 'Vanilla' }, { label: 'Chocolate' }, { label: 'Butterscotch' }, { label: 'Sitaphal', f: 1.2 }, { label: 'Tender Coconut', f: 1.2 }],
  }),
  dish('veg-manchurian', 'Veg Manchurian', 'Vegetables', 'Indo-Chinese', true, 'Vegetable balls in a garlicky soy-chilli sauce', single(180), { variants: [{ label: 'Dry' }, { label: 'Gravy', f: 1.05 }], variantStyle: 'paren' }),
  dish('chilli-mushroom', 'Chilli Mushroom', 'Vegetables', 'Indo-Chinese', true, 'Button mushrooms tossed with peppers and spring onion', single(220), { variants: [{ label: 'Dry' }, { label: 'Gravy', f: 1.05 }], variantStyle: 'paren' }),
  dish('mushroom-masala', 'Mushroom Do Pyaza', 'Vegetables', 'North Indian', true, 'Mushrooms with double onions in a thick masala', halfFull(160, 250)),
  dish('methi-malai-matar', 'Methi Malai Matar', 'Vegetables', 'Mughlai', true, 'Peas and fenugreek in a mildly sweet cream gravy', halfFull(170, 270)),
  dish('malai-tikka', 'Chicken Malai Tikka', 'Tikka', 'Mughlai', false, 'Creamy cheese-and-cashew marinated chicken from the tandoor', [pcs(6, 310), pcs(9, 440)]),
  dish('fish-fry', 'Rava Fish Fry', 'Seafood', 'South Indian', false, 'Masala-marinated fish coated in rava and pan-fried', [pcs(2, 280)], { variants: [{ label: 'Seer' }, { label: 'Pomfret', f: 1.15 }, { label: 'Bangda', f: 0.75 }], variantStyle: 'paren' }),
  dish('non-veg-mini-thali', 'Mini Non-Veg Thali', 'Thali', 'North Indian', false, 'Chicken curry, jeera rice, 2 rotis and salad', single(240)),
];

export const FOOD: DomainData = {
  domain: 'ONDC:RET11',
  root: 'F&B',
  subFirst: true,
  categories: [
    ...['Paneer', 'Dal', 'Vegetables', 'Chicken', 'Chicken wings', 'Seafood', 'Mutton', 'Eggs', 'Meal bowl', 'Thali', 'Rolls', 'Dosa', 'Uttapam', 'Noodles', 'Pasta', 'Burger', 'Tandoori', 'Tikka', 'Kabab']
      .map((id) => ({ id, food: true, returnWindow: null, maxPerOrder: 10, timeToShip: 'PT40M', mods: true })),
    { id: 'Biryani', food: true, returnWindow: null, maxPerOrder: 10, timeToShip: 'PT45M', mods: true },
    { id: 'Rice', food: true, returnWindow: null, maxPerOrder: 10, timeToShip: 'PT35M', mods: true },
    ...['Roti', 'Bread', 'Idli', 'Vada', 'Upma', 'Poha', 'Dhokla', 'Kachori', 'Momos', 'Spring Roll', 'Soup', 'Chaat', 'Samosa', 'Sandwich', 'Fries']
      .map((id) => ({ id, food: true, returnWindow: null, maxPerOrder: 10, timeToShip: 'PT35M', mods: false })),
    ...['Raita', 'Salad', 'Tea', 'Coffee', 'Lassi', 'Soft Drink', 'Shakes & Smoothies', 'Fresh Juice', 'Mithai', 'Desserts', 'Kulfi', 'Ice cream']
      .map((id) => ({ id, food: true, returnWindow: null, maxPerOrder: 10, timeToShip: 'PT30M', mods: false })),
  ],
  products,
  modifierGroups: [
    [
      { slug: 'mild', suffix: ' - Less Spicy', tags: ['less spicy', 'mild'] },
      { slug: 'hot', suffix: ' - Extra Spicy', tags: ['extra spicy', 'teekha'] },
    ],
    [
      { slug: 'chai', suffix: ' + Masala Chai', add: 35, tags: ['combo'] },
      { slug: 'lassi', suffix: ' + Sweet Lassi', add: 65, tags: ['combo'] },
      { slug: 'jamun', suffix: ' + Gulab Jamun (2 pcs)', add: 50, tags: ['combo'] },
      { slug: 'raita', suffix: ' + Boondi Raita', add: 55, tags: ['combo'] },
      { slug: 'papad', suffix: ' + Roasted Papad', add: 20, tags: ['combo'] },
      { slug: 'coke', suffix: ' + Coke (300 ml)', add: 40, tags: ['combo'] },
      { slug: 'naan', suffix: ' + 2 Butter Naan', add: 95, minUnitPrice: 150, tags: ['combo'] },
    ],
  ],
  // restaurants mostly list at menu price; a few items carry a running offer
  pricing: { atMrp: 0.75, minOff: 0.05, maxOff: 0.2 },
  stock: { min: 10, max: 80 },
  cancellable: false,
  codLimit: 2000,
};
