/**
 * Complaints (ONDC IGM) through the backend's IGM service, which reference deployments run beside the client API
 * (ONDC's biap-igm-node-js, mounted at `/issueApis`: routes/issue/index.ts, routes/issue_status/index.ts,
 * controller/issue/issue.service.ts, bpp.issue.service.ts, controller/issue_status/issue_status.service.ts):
 * - `POST /v1/issue {context: {transaction_id, bpp_id, city, domain}, message: {issue: {category, sub_category,
 *   bppId, bpp_uri, complainant_info, order_details: {id, state, items: [{id, quantity: {count}}], fulfillments,
 *   provider_id}, description, issue_actions}}}` → the protocol's ACK with the message id; the service names the
 *   issue itself (a uuid) and sends it to the seller;
 * - `GET /v1/on_issue?messageId=` → `{context, message: {issue}}`, or `error: {message: "No data found"}` until the
 *   seller answers;
 * - `POST /v1/issue_status {context: {transaction_id, bpp_id}, message: {id}}` (the service's issue id) and
 *   `GET /v1/on_issue_status?messageId=`.
 * Our grievance ids are mapped to the service's issue ids (records.ts).
 */
import { DomainError } from '../../core/errors.js';
import type { NetworkPort } from '../../core/ports.js';
import { issueStateOf } from '../../ondc/network-port.js';
import type { HimiraNetworkOptions } from './network.js';
import { exchangeOf, type Json, type Step } from './step.js';

type Issues = Pick<NetworkPort, 'raiseIssue' | 'issueStatus'>;

export function createHimiraIssues(opts: HimiraNetworkOptions & { step: (args: Step) => Promise<{ body: Json; refusal?: { code: string; message: string } }> }): Issues {
  const { records, step } = opts;

  return {
    async raiseIssue(args) {
      const ref = await records.order(args.order.id);
      if (!ref) throw new DomainError('ORDER_NOT_FOUND', `The buyer backend has no record of order ${args.order.id} on this server; list_orders shows the orders it knows.`);
      const now = new Date().toISOString();
      const { seller } = args;
      const { body, refusal } = await step({
        name: 'issue',
        api: 'issue',
        path: '/v1/issue',
        as: ref.as,
        body: {
          context: { transaction_id: ref.transactionId, bpp_id: seller.bppId, city: seller.city, domain: seller.domain },
          message: {
            issue: {
              category: args.category,
              sub_category: args.subCategory,
              bppId: seller.bppId,
              ...(opts.bppUris().get(seller.bppId) ? { bpp_uri: opts.bppUris().get(seller.bppId) } : {}),
              complainant_info: { person: { name: args.complainant.name, email: args.complainant.email }, contact: { phone: args.complainant.phone, email: args.complainant.email } },
              order_details: {
                id: ref.backendOrderId,
                state: args.order.state,
                items: args.order.items.map((i) => ({ id: i.id, quantity: { count: i.quantity } })),
                fulfillments: [{ id: `${seller.providerId}-delivery`, state: args.order.fulfillmentState }],
                provider_id: seller.providerId,
              },
              description: { short_desc: args.shortDesc, long_desc: args.longDesc, additional_desc: { url: '', content_type: 'text/plain' }, images: [] },
              issue_actions: { complainant_actions: [], respondent_actions: [] },
              created_at: now,
              updated_at: now,
            },
          },
        },
        onPath: '/v1/on_issue',
        idParam: 'messageId',
        ready: (b) => typeof b['message']?.['issue']?.['id'] === 'string',
      });
      const issue = issueStateOf(body['message']?.['issue']);
      if (!refusal && issue) {
        await records.issueRaised(args.issueId, { igmIssueId: body['message']['issue']['id'], transactionId: ref.transactionId, bppId: seller.bppId, ...(ref.as ? { as: ref.as } : {}) });
      }
      return { exchange: exchangeOf(body, args.exchange), ...(issue && !refusal ? { issue } : {}), ...(refusal ? { refusal } : {}) };
    },

    async issueStatus({ exchange, seller, issueId }) {
      const ref = await records.issue(issueId);
      if (!ref) throw new DomainError('NOT_FOUND', `The buyer backend's IGM service has no record of complaint ${issueId} on this server.`);
      const { body, refusal } = await step({
        name: 'issue_status',
        api: 'issue',
        path: '/v1/issue_status',
        as: ref.as,
        body: { context: { transaction_id: ref.transactionId, bpp_id: seller.bppId }, message: { id: ref.igmIssueId } },
        onPath: '/v1/on_issue_status',
        idParam: 'messageId',
      });
      const issue = issueStateOf(body['message']?.['issue']);
      return { exchange: exchangeOf(body, exchange), ...(issue && !refusal ? { issue } : {}), ...(refusal ? { refusal } : {}) };
    },
  };
}
