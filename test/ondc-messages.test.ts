/** Shapes of the after-order requests, as PROTOCOL.md and ONDC's retail specification write them. */
import t from 'tap';
import { cancelMessage, ratingMessage, returnMessage, supportMessage, trackMessage } from '../src/ondc/messages.js';

t.test('track, cancel, rating and support', async (t) => {
  t.same(trackMessage('ord_1'), { order_id: 'ord_1' });
  t.same(cancelMessage('ord_1', '010'), { order_id: 'ord_1', cancellation_reason_id: '010' });
  t.throws(() => cancelMessage('ord_1', '002' as never), /010 or 999/, 'seller reasons are not the buyer\'s to give');
  t.same(ratingMessage([{ category: 'Order', id: 'ord_1', value: 4 }]), { ratings: [{ rating_category: 'Order', id: 'ord_1', value: '4' }] });
  t.throws(() => ratingMessage([{ category: 'Item', id: 'i', value: 6 }]), /1 to 5/);
  t.same(supportMessage('ord_1'), { ref_id: 'ord_1' });
  t.throws(() => trackMessage('  '), /required/);
});

t.test('a return is an item update with a Return fulfillment', async (t) => {
  const msg = returnMessage({ orderId: 'ord_1', returnId: 'ret_1', itemId: 'atta-5kg', count: 1, reasonId: '002', reasonText: 'Pack torn', images: ['https://img.example/1.jpg'] });
  t.same(msg, {
    update_target: 'item',
    order: {
      id: 'ord_1',
      fulfillments: [
        {
          type: 'Return',
          tags: [
            {
              code: 'return_request',
              list: [
                { code: 'id', value: 'ret_1' },
                { code: 'item_id', value: 'atta-5kg' },
                { code: 'item_quantity', value: '1' },
                { code: 'reason_id', value: '002' },
                { code: 'reason_desc', value: 'Pack torn' },
                { code: 'images', value: 'https://img.example/1.jpg' },
              ],
            },
          ],
        },
      ],
    },
  });
  t.throws(() => returnMessage({ orderId: 'o', returnId: 'r', itemId: 'i', count: 0, reasonId: '002', reasonText: 'x', images: [] }), /at least 1/);
});
