/** The one list of operations. A new capability is a new file in this folder and one line here. */
import type { AnyOperation } from '../operation.js';
import { addToCart } from './add-to-cart.js';
import { browseCategories } from './browse-categories.js';
import { clearCart } from './clear-cart.js';
import { getCartTotal } from './get-cart-total.js';
import { getProductDetails } from './get-product-details.js';
import { getSessionInfo } from './get-session-info.js';
import { initializeShopping } from './initialize-shopping.js';
import { removeFromCart } from './remove-from-cart.js';
import { searchProducts } from './search-products.js';
import { updateCartQuantity } from './update-cart-quantity.js';
import { viewCart } from './view-cart.js';
import { selectItemsForOrder } from './select-items-for-order.js';
import { initializeOrder } from './initialize-order.js';
import { createPayment } from './create-payment.js';
import { verifyPayment } from './verify-payment.js';
import { confirmOrder } from './confirm-order.js';
import { getCheckout } from './get-checkout.js';
import { getOrderStatus } from './get-order-status.js';
import { listOrders } from './list-orders.js';
import { getOrderOndcLog } from './get-order-ondc-log.js';
import { phoneLogin } from './phone-login.js';
import { verifyOtp } from './verify-otp.js';
import { reviewOrder } from './review-order.js';
import { trackOrder } from './track-order.js';
import { cancelOrder } from './cancel-order.js';
import { rateOrder } from './rate-order.js';
import { returnItems } from './return-items.js';
import { raiseGrievance } from './raise-grievance.js';
import { getCheckoutOndcLog } from './get-checkout-ondc-log.js';
import { getGrievanceStatus } from './get-grievance-status.js';
import { getSupportContacts } from './get-support-contacts.js';
import { listAddressesOp } from './list-addresses.js';
import { addAddressOp } from './add-address.js';
import { updateAddressOp } from './update-address.js';
import { deleteAddressOp } from './delete-address.js';

export const operations: readonly AnyOperation[] = [
  initializeShopping,
  getSessionInfo,
  searchProducts,
  getProductDetails,
  browseCategories,
  addToCart,
  viewCart,
  updateCartQuantity,
  removeFromCart,
  clearCart,
  getCartTotal,
  selectItemsForOrder,
  initializeOrder,
  createPayment,
  verifyPayment,
  reviewOrder,
  confirmOrder,
  getCheckout,
  getOrderStatus,
  trackOrder,
  cancelOrder,
  returnItems,
  rateOrder,
  getSupportContacts,
  raiseGrievance,
  getGrievanceStatus,
  listOrders,
  getOrderOndcLog,
  getCheckoutOndcLog,
  phoneLogin,
  verifyOtp,
  listAddressesOp,
  addAddressOp,
  updateAddressOp,
  deleteAddressOp,
];

export {
  getCheckoutOndcLog,
  raiseGrievance,
  getGrievanceStatus,
  returnItems,
  rateOrder,
  getSupportContacts,
  trackOrder,
  cancelOrder,
  listAddressesOp as listAddresses,
  addAddressOp as addAddress,
  updateAddressOp as updateAddress,
  deleteAddressOp as deleteAddress,
  reviewOrder,
  phoneLogin,
  verifyOtp,
  getOrderOndcLog,
  confirmOrder,
  createPayment,
  getCheckout,
  getOrderStatus,
  initializeOrder,
  listOrders,
  selectItemsForOrder,
  verifyPayment,
  addToCart,
  browseCategories,
  clearCart,
  getCartTotal,
  getProductDetails,
  getSessionInfo,
  initializeShopping,
  removeFromCart,
  searchProducts,
  updateCartQuantity,
  viewCart,
};
