/** Message bodies the buyer app sends, shaped as in ONDC's validator-clean sample flows. */

export const BUYER_FINDER_FEE = { type: 'percent', amount: '3' } as const;

export interface SearchRequest {
  /** Narrow to items of this name; leave both out for a full catalog pull. */
  itemName?: string;
  categoryId?: string;
  /** Delivery point "lat,lon", when known. */
  gps?: string;
}

export function searchMessage(req: SearchRequest): { intent: Record<string, unknown> } {
  if (req.itemName && req.categoryId) throw new Error('a search names an item or a category, never both');
  const intent: Record<string, unknown> = {
    fulfillment: { type: 'Delivery', ...(req.gps ? { end: { location: { gps: req.gps } } } : {}) },
    payment: {
      '@ondc/org/buyer_app_finder_fee_type': BUYER_FINDER_FEE.type,
      '@ondc/org/buyer_app_finder_fee_amount': BUYER_FINDER_FEE.amount,
    },
  };
  if (req.itemName) intent['item'] = { descriptor: { name: req.itemName } };
  if (req.categoryId) intent['category'] = { id: req.categoryId };
  return { intent };
}

export interface SelectRequest {
  providerId: string;
  locationId: string;
  items: Array<{ itemId: string; count: number }>;
  /** Delivery pincode and point. */
  areaCode: string;
  gps: string;
}

/** One provider per select: a cart with items of two providers is two transactions. */
export function selectMessage(req: SelectRequest): { order: Record<string, unknown> } {
  return {
    order: {
      provider: { id: req.providerId, locations: [{ id: req.locationId }] },
      items: req.items.map((i) => ({ id: i.itemId, location_id: req.locationId, quantity: { count: i.count } })),
      fulfillments: [{ end: { location: { gps: req.gps, address: { area_code: req.areaCode } } } }],
    },
  };
}
