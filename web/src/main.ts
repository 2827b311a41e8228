/** The storefront's entry: the header's live parts and the page's routes (the server serves each path). */
import './styles.css';
import { route, startRouter } from './router.ts';
import { startShell } from './shell.ts';
import { cartView } from './views/cart.ts';
import { checkoutView } from './views/checkout.ts';
import { checkoutProgressView } from './views/checkout-progress.ts';
import { orderView } from './views/order.ts';
import { ordersView } from './views/orders.ts';
import { productView } from './views/product.ts';
import { searchView } from './views/search.ts';
import { signInView } from './views/signin.ts';

// keep in step with STOREFRONT_PATHS in src/http/storefront.ts
route(/^\/$/, searchView);
route(/^\/p\/([^/]+)$/, productView);
route(/^\/cart$/, cartView);
route(/^\/signin$/, signInView);
route(/^\/checkout$/, checkoutView);
route(/^\/checkout\/(chk_[A-Za-z0-9_-]+)$/, checkoutProgressView);
route(/^\/orders$/, ordersView);
route(/^\/orders\/(ord_[A-Za-z0-9_-]+)$/, orderView);

startShell();
startRouter();
