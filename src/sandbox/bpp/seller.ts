/**
 * One sandbox seller app (BPP). It verifies every incoming signature (through the signed-routes plugin), answers
 * ACK at once, and sends its result as a signed callback to the buyer app's bap_uri, as ONDC seller apps do.
 */
import type { Product, Provider } from '../../core/catalog.js';
import { ack, nack, type OndcError } from '../../ondc/ack.js';
import { rupeesString } from '../../core/money.js';
import { buildContext, type BecknContext, type CoreVersion } from '../../ondc/context.js';
import type { Sender } from '../../ondc/sender.js';
import type { SignedRoute } from '../../ondc/signed-routes.js';
import type { SandboxIdentity } from '../identities.js';
import { onSearchCatalog } from './catalog-wire.js';
import { quoteOrder, type OrderLine, type Quote } from './quote.js';
import { matchIntent, readIntent } from './search.js';

export interface SellerAppOptions {
  identity: SandboxIdentity;
  /** Base URL of this seller app, known once the network listens; its routes are `${url}/<action>`. */
  url: () => string;
  provider: Provider;
  products: Product[];
  sender: Sender;
  now: () => Date;
  /** Reports a callback that could not be delivered (the buyer app was unreachable or refused it). */
  onCallbackFailure: (action: string, reason: string) => void;
}

interface SelectOrder {
  providerId: string;
  locationIds: string[];
  lines: OrderLine[];
  areaCode: string | undefined;
}

/** The parts of a select the seller acts on; null when the shape is not a select order at all. */
function readOrder(message: unknown): SelectOrder | null {
  const order = (message as { order?: Record<string, any> } | undefined)?.order;
  const providerId = order?.['provider']?.id;
  const items = order?.['items'];
  if (typeof providerId !== 'string' || !Array.isArray(items) || items.length === 0) return null;
  const lines: OrderLine[] = [];
  for (const item of items) {
    const count = Number(item?.quantity?.count);
    if (typeof item?.id !== 'string' || !Number.isInteger(count) || count < 1) return null;
    lines.push({ itemId: item.id, count });
  }
  const areaCode = order?.['fulfillments']?.[0]?.end?.location?.address?.area_code;
  const locations = order?.['provider']?.locations;
  return {
    providerId,
    locationIds: Array.isArray(locations) ? locations.map((l: { id?: unknown }) => String(l?.id)) : [],
    lines,
    areaCode: typeof areaCode === 'string' ? areaCode : undefined,
  };
}

export function callbackUrl(bapUri: string, action: string): string {
  return `${bapUri.replace(/\/+$/, '')}/${action}`;
}

export function createSellerApp(opts: SellerAppOptions) {
  const subscriberId = opts.identity.key.subscriberId;
  const self = () => ({ subscriberId, uri: opts.url() });

  function replyContext(request: BecknContext): BecknContext {
    return buildContext({
      domain: request.domain,
      city: request.city,
      action: `on_${request.action}` as BecknContext['action'],
      coreVersion: request.core_version as CoreVersion,
      bap: { subscriberId: request.bap_id, uri: request.bap_uri },
      bpp: self(),
      transactionId: request.transaction_id,
      messageId: request.message_id,
      now: opts.now(),
      after: request.timestamp,
    });
  }

  async function callback(request: BecknContext, message: unknown, error?: OndcError): Promise<void> {
    const context = replyContext(request);
    const url = callbackUrl(request.bap_uri, context.action);
    try {
      const result = await opts.sender.send(url, { context, message, ...(error ? { error } : {}) });
      if (!result.ack) opts.onCallbackFailure(context.action, `${url} answered ${result.status} ${JSON.stringify(result.body)}`);
    } catch (err) {
      opts.onCallbackFailure(context.action, (err as Error).message);
    }
  }

  const search: SignedRoute = {
    action: 'search',
    handle: async ({ body }) => {
      const context = body.context;
      if (context.city !== opts.provider.city || context.domain !== opts.provider.domain) return ack();
      const products = matchIntent(opts.products, readIntent(body['message']));
      const catalog = onSearchCatalog({
        bppId: subscriberId,
        bppUri: opts.url(),
        providers: [opts.provider],
        products,
        coreVersion: context.core_version as CoreVersion,
      });
      // The answer travels as a callback after the ACK, never inside it.
      setImmediate(() => void callback(context, { catalog }));
      return ack();
    },
  };

  const byItemId = new Map(opts.products.map((p) => [p.itemId, p]));

  const select: SignedRoute = {
    action: 'select',
    handle: async ({ body }) => {
      const order = readOrder(body['message']);
      if (!order) return nack('JSON-SCHEMA-ERROR', '30000', 'message.order needs provider.id, items[] with id and quantity.count, and fulfillments[0].end.location');
      if (order.providerId !== opts.provider.id) return nack('DOMAIN-ERROR', '30004', `Provider ${order.providerId} is not sold by ${subscriberId}`);
      const quote = quoteOrder({
        provider: opts.provider,
        products: byItemId,
        lines: order.lines,
        areaCode: order.areaCode,
        fulfillmentId: `${opts.provider.id}-delivery`,
      });
      setImmediate(() => void callback(body.context, onSelectMessage(order, quote, body.context.core_version as CoreVersion), quote.error));
      return ack();
    },
  };

  function onSelectMessage(order: SelectOrder, quote: Quote, version: CoreVersion) {
    return {
      order: {
        provider: { id: opts.provider.id, locations: order.locationIds.map((id) => ({ id })) },
        items: order.lines.filter((l) => byItemId.has(l.itemId)).map((l) => ({ id: l.itemId, fulfillment_id: quote.fulfillmentId })),
        fulfillments: [
          {
            id: quote.fulfillmentId,
            type: 'Delivery',
            tracking: false,
            '@ondc/org/provider_name': opts.provider.name,
            '@ondc/org/category': 'Immediate Delivery',
            '@ondc/org/TAT': quote.tat,
            state: { descriptor: { code: quote.serviceable ? 'Serviceable' : 'Non-serviceable' } },
          },
        ],
        quote: {
          price: { currency: 'INR', value: rupeesString(quote.totalPaise) },
          breakup: quote.breakup,
          ttl: version === '1.2.5' ? 'P1D' : 'PT1H',
        },
      },
    };
  }

  return { id: subscriberId, routes: [search, select] };
}
