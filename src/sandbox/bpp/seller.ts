/**
 * One sandbox seller app (BPP). It verifies every incoming signature (through the signed-routes plugin), answers
 * ACK at once, and sends its result as a signed callback to the buyer app's bap_uri, as ONDC seller apps do.
 */
import type { Product, Provider } from '../../core/catalog.js';
import { ack } from '../../ondc/ack.js';
import { buildContext, type BecknContext, type CoreVersion } from '../../ondc/context.js';
import type { Sender } from '../../ondc/sender.js';
import type { SignedRoute } from '../../ondc/signed-routes.js';
import type { SandboxIdentity } from '../identities.js';
import { onSearchCatalog } from './catalog-wire.js';
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

  async function callback(request: BecknContext, message: unknown): Promise<void> {
    const context = replyContext(request);
    const url = callbackUrl(request.bap_uri, context.action);
    try {
      const result = await opts.sender.send(url, { context, message });
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

  return { id: subscriberId, routes: [search] };
}
