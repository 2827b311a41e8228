/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/contract.test.ts > TAP > the MCP tool list is pinned > tool list with schemas and annotations 1`] = `
Array [
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": false,
      "readOnlyHint": false,
      "title": "Start a shopping session",
    },
    "description": "Start a new shopping session and get its session_id. Call this once before anything else; every other tool needs the session_id it returns. The session holds the cart and expires after a period without activity. Next: search_products or browse_categories.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {},
      "type": "object",
    },
    "name": "initialize_shopping",
    "outputSchema": Object {
      "properties": Object {
        "cart_item_count": Object {
          "type": "integer",
        },
        "created_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "expires_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "last_active_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "logged_in": Object {
          "type": "boolean",
        },
        "session_id": Object {
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "created_at",
        "last_active_at",
        "expires_at",
        "cart_item_count",
        "logged_in",
      ],
      "type": "object",
    },
    "title": "Start a shopping session",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "Session info",
    },
    "description": "Show a shopping session: when it started, when it expires without activity, how many items its cart holds and whether a user is logged in. Use it to check that a session_id is still valid.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
      ],
      "type": "object",
    },
    "name": "get_session_info",
    "outputSchema": Object {
      "properties": Object {
        "cart_item_count": Object {
          "type": "integer",
        },
        "created_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "expires_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "last_active_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "logged_in": Object {
          "type": "boolean",
        },
        "session_id": Object {
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "created_at",
        "last_active_at",
        "expires_at",
        "cart_item_count",
        "logged_in",
      ],
      "type": "object",
    },
    "title": "Session info",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "Search products",
    },
    "description": "Search products across all sellers on the network by words (name, brand, category; Hindi shopping words such as atta, doodh or lal mirch work too, and sizes like 500g), optionally narrowed by category, price range in rupees, brand, seller, veg, in stock, cash on delivery, delivery pincode and rating, and sorted by relevance, price or rating. Returns one page of products with price, pack size, seller and stock, facet counts for narrowing, and next_cursor. Give a query or a category. Next: get_product_details or add_to_cart.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "brand": Object {
          "description": "Only this brand, e.g. \\"Amul\\"",
          "maxLength": 80,
          "minLength": 1,
          "type": "string",
        },
        "category": Object {
          "description": "A category id or name from browse_categories, e.g. \\"Foodgrains\\"",
          "maxLength": 100,
          "minLength": 1,
          "type": "string",
        },
        "cod": Object {
          "description": "true: only products payable by cash on delivery",
          "type": "boolean",
        },
        "cursor": Object {
          "description": "next_cursor from the previous page",
          "pattern": "^p[1-9][0-9]{0,3}$",
          "type": "string",
        },
        "in_stock": Object {
          "description": "true: leave out what is out of stock",
          "type": "boolean",
        },
        "limit": Object {
          "default": 10,
          "description": "Results per page",
          "maximum": 50,
          "minimum": 1,
          "type": "integer",
        },
        "max_price": Object {
          "description": "Highest price in rupees",
          "maximum": 10000000,
          "minimum": 0,
          "type": "number",
        },
        "min_price": Object {
          "description": "Lowest price in rupees",
          "maximum": 10000000,
          "minimum": 0,
          "type": "number",
        },
        "min_rating": Object {
          "description": "Lowest product rating, 0 to 5",
          "maximum": 5,
          "minimum": 0,
          "type": "number",
        },
        "page": Object {
          "default": 1,
          "description": "Page number, from 1 (or use cursor)",
          "maximum": 1000,
          "minimum": 1,
          "type": "integer",
        },
        "pincode": Object {
          "description": "Only products whose seller delivers to this pincode",
          "pattern": "^[1-9][0-9]{5}$",
          "type": "string",
        },
        "provider_id": Object {
          "description": "Only this seller",
          "pattern": "^[a-z0-9-]{1,100}$",
          "type": "string",
        },
        "query": Object {
          "description": "What to look for, e.g. \\"basmati rice 1 kg\\"",
          "maxLength": 200,
          "minLength": 1,
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
        "sort": Object {
          "anyOf": Array [
            Object {
              "const": "relevance",
              "type": "string",
            },
            Object {
              "const": "price_asc",
              "type": "string",
            },
            Object {
              "const": "price_desc",
              "type": "string",
            },
            Object {
              "const": "rating",
              "type": "string",
            },
          ],
          "default": "relevance",
          "description": "Order of results",
        },
        "veg": Object {
          "description": "true: vegetarian only; false: non-vegetarian only",
          "type": "boolean",
        },
      },
      "required": Array [
        "session_id",
        "sort",
        "limit",
        "page",
      ],
      "type": "object",
    },
    "name": "search_products",
    "outputSchema": Object {
      "properties": Object {
        "category": Object {
          "anyOf": Array [
            Object {
              "type": "string",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "facets": Object {
          "description": "Counts over all matches, to narrow the search with category, min_price/max_price, provider_id or veg",
          "properties": Object {
            "categories": Object {
              "items": Object {
                "properties": Object {
                  "count": Object {
                    "type": "integer",
                  },
                  "label": Object {
                    "type": "string",
                  },
                  "value": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "value",
                  "label",
                  "count",
                ],
                "type": "object",
              },
              "type": "array",
            },
            "diet": Object {
              "items": Object {
                "properties": Object {
                  "count": Object {
                    "type": "integer",
                  },
                  "label": Object {
                    "type": "string",
                  },
                  "value": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "value",
                  "label",
                  "count",
                ],
                "type": "object",
              },
              "type": "array",
            },
            "price_bands": Object {
              "items": Object {
                "properties": Object {
                  "count": Object {
                    "type": "integer",
                  },
                  "label": Object {
                    "type": "string",
                  },
                  "value": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "value",
                  "label",
                  "count",
                ],
                "type": "object",
              },
              "type": "array",
            },
            "providers": Object {
              "items": Object {
                "properties": Object {
                  "count": Object {
                    "type": "integer",
                  },
                  "label": Object {
                    "type": "string",
                  },
                  "value": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "value",
                  "label",
                  "count",
                ],
                "type": "object",
              },
              "type": "array",
            },
          },
          "required": Array [
            "categories",
            "price_bands",
            "providers",
            "diet",
          ],
          "type": "object",
        },
        "limit": Object {
          "type": "integer",
        },
        "next_cursor": Object {
          "anyOf": Array [
            Object {
              "type": "string",
            },
            Object {
              "type": "null",
            },
          ],
          "description": "Pass as cursor for the next page; null on the last",
        },
        "page": Object {
          "type": "integer",
        },
        "query": Object {
          "anyOf": Array [
            Object {
              "type": "string",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "results": Object {
          "items": Object {
            "properties": Object {
              "brand": Object {
                "type": "string",
              },
              "cancellable": Object {
                "type": "boolean",
              },
              "category": Object {
                "description": "ONDC category id",
                "type": "string",
              },
              "category_path": Object {
                "items": Object {
                  "type": "string",
                },
                "type": "array",
              },
              "cod": Object {
                "description": "Cash on delivery available",
                "type": "boolean",
              },
              "description": Object {
                "type": "string",
              },
              "discount_percent": Object {
                "maximum": 100,
                "minimum": 0,
                "type": "integer",
              },
              "domain": Object {
                "description": "ONDC domain, e.g. ONDC:RET10 for grocery",
                "type": "string",
              },
              "id": Object {
                "description": "Use this id with get_product_details and add_to_cart",
                "type": "string",
              },
              "images": Object {
                "items": Object {
                  "type": "string",
                },
                "type": "array",
              },
              "in_stock": Object {
                "type": "boolean",
              },
              "max_per_order": Object {
                "type": "integer",
              },
              "mrp": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "name": Object {
                "type": "string",
              },
              "pack_size": Object {
                "description": "e.g. \\"1 kg\\", \\"500 g\\", \\"1 unit\\"",
                "type": "string",
              },
              "price": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "rating": Object {
                "type": "number",
              },
              "return_window": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
                "description": "ISO 8601 duration such as P7D",
              },
              "returnable": Object {
                "type": "boolean",
              },
              "time_to_ship": Object {
                "description": "ISO 8601 duration such as PT45M",
                "type": "string",
              },
              "veg": Object {
                "anyOf": Array [
                  Object {
                    "type": "boolean",
                  },
                  Object {
                    "type": "null",
                  },
                ],
                "description": "true veg, false non-veg, null not food",
              },
            },
            "required": Array [
              "id",
              "name",
              "brand",
              "description",
              "category",
              "category_path",
              "domain",
              "provider",
              "price",
              "mrp",
              "discount_percent",
              "pack_size",
              "veg",
              "in_stock",
              "max_per_order",
              "returnable",
              "return_window",
              "cancellable",
              "cod",
              "time_to_ship",
              "rating",
              "images",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "total": Object {
          "description": "Matching products across all pages",
          "type": "integer",
        },
        "total_pages": Object {
          "type": "integer",
        },
      },
      "required": Array [
        "query",
        "category",
        "results",
        "total",
        "page",
        "limit",
        "total_pages",
        "next_cursor",
        "facets",
      ],
      "type": "object",
    },
    "title": "Search products",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "Product details",
    },
    "description": "Show everything about one product from search_products: full description, tags, return and cancellation terms, time to ship, and its seller (city, minimum order, delivery and packing charges, cash on delivery). Next: add_to_cart.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "product_id": Object {
          "description": "A product id from search_products, of the form <provider_id>:<item_id>",
          "examples": Array [
            "kirana-koramangala:atta-aashirvaad-5kg",
          ],
          "maxLength": 200,
          "minLength": 3,
          "pattern": "^[a-z0-9-]+:[a-z0-9-]+$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "product_id",
      ],
      "type": "object",
    },
    "name": "get_product_details",
    "outputSchema": Object {
      "properties": Object {
        "long_description": Object {
          "type": "string",
        },
        "product": Object {
          "properties": Object {
            "brand": Object {
              "type": "string",
            },
            "cancellable": Object {
              "type": "boolean",
            },
            "category": Object {
              "description": "ONDC category id",
              "type": "string",
            },
            "category_path": Object {
              "items": Object {
                "type": "string",
              },
              "type": "array",
            },
            "cod": Object {
              "description": "Cash on delivery available",
              "type": "boolean",
            },
            "description": Object {
              "type": "string",
            },
            "discount_percent": Object {
              "maximum": 100,
              "minimum": 0,
              "type": "integer",
            },
            "domain": Object {
              "description": "ONDC domain, e.g. ONDC:RET10 for grocery",
              "type": "string",
            },
            "id": Object {
              "description": "Use this id with get_product_details and add_to_cart",
              "type": "string",
            },
            "images": Object {
              "items": Object {
                "type": "string",
              },
              "type": "array",
            },
            "in_stock": Object {
              "type": "boolean",
            },
            "max_per_order": Object {
              "type": "integer",
            },
            "mrp": Object {
              "properties": Object {
                "currency": Object {
                  "const": "INR",
                  "type": "string",
                },
                "paise": Object {
                  "description": "The same amount in paise (1 rupee = 100 paise)",
                  "type": "integer",
                },
                "value": Object {
                  "description": "Rupees as a decimal string with two places, as ONDC writes it",
                  "examples": Array [
                    "325.00",
                  ],
                  "type": "string",
                },
              },
              "required": Array [
                "currency",
                "value",
                "paise",
              ],
              "type": "object",
            },
            "name": Object {
              "type": "string",
            },
            "pack_size": Object {
              "description": "e.g. \\"1 kg\\", \\"500 g\\", \\"1 unit\\"",
              "type": "string",
            },
            "price": Object {
              "properties": Object {
                "currency": Object {
                  "const": "INR",
                  "type": "string",
                },
                "paise": Object {
                  "description": "The same amount in paise (1 rupee = 100 paise)",
                  "type": "integer",
                },
                "value": Object {
                  "description": "Rupees as a decimal string with two places, as ONDC writes it",
                  "examples": Array [
                    "325.00",
                  ],
                  "type": "string",
                },
              },
              "required": Array [
                "currency",
                "value",
                "paise",
              ],
              "type": "object",
            },
            "provider": Object {
              "properties": Object {
                "id": Object {
                  "type": "string",
                },
                "name": Object {
                  "type": "string",
                },
              },
              "required": Array [
                "id",
                "name",
              ],
              "type": "object",
            },
            "rating": Object {
              "type": "number",
            },
            "return_window": Object {
              "anyOf": Array [
                Object {
                  "type": "string",
                },
                Object {
                  "type": "null",
                },
              ],
              "description": "ISO 8601 duration such as P7D",
            },
            "returnable": Object {
              "type": "boolean",
            },
            "time_to_ship": Object {
              "description": "ISO 8601 duration such as PT45M",
              "type": "string",
            },
            "veg": Object {
              "anyOf": Array [
                Object {
                  "type": "boolean",
                },
                Object {
                  "type": "null",
                },
              ],
              "description": "true veg, false non-veg, null not food",
            },
          },
          "required": Array [
            "id",
            "name",
            "brand",
            "description",
            "category",
            "category_path",
            "domain",
            "provider",
            "price",
            "mrp",
            "discount_percent",
            "pack_size",
            "veg",
            "in_stock",
            "max_per_order",
            "returnable",
            "return_window",
            "cancellable",
            "cod",
            "time_to_ship",
            "rating",
            "images",
          ],
          "type": "object",
        },
        "seller": Object {
          "properties": Object {
            "city": Object {
              "description": "ONDC std: city code",
              "type": "string",
            },
            "cod": Object {
              "type": "boolean",
            },
            "delivery_charge": Object {
              "properties": Object {
                "currency": Object {
                  "const": "INR",
                  "type": "string",
                },
                "paise": Object {
                  "description": "The same amount in paise (1 rupee = 100 paise)",
                  "type": "integer",
                },
                "value": Object {
                  "description": "Rupees as a decimal string with two places, as ONDC writes it",
                  "examples": Array [
                    "325.00",
                  ],
                  "type": "string",
                },
              },
              "required": Array [
                "currency",
                "value",
                "paise",
              ],
              "type": "object",
            },
            "description": Object {
              "type": "string",
            },
            "id": Object {
              "type": "string",
            },
            "min_order_value": Object {
              "properties": Object {
                "currency": Object {
                  "const": "INR",
                  "type": "string",
                },
                "paise": Object {
                  "description": "The same amount in paise (1 rupee = 100 paise)",
                  "type": "integer",
                },
                "value": Object {
                  "description": "Rupees as a decimal string with two places, as ONDC writes it",
                  "examples": Array [
                    "325.00",
                  ],
                  "type": "string",
                },
              },
              "required": Array [
                "currency",
                "value",
                "paise",
              ],
              "type": "object",
            },
            "name": Object {
              "type": "string",
            },
            "packing_charge": Object {
              "properties": Object {
                "currency": Object {
                  "const": "INR",
                  "type": "string",
                },
                "paise": Object {
                  "description": "The same amount in paise (1 rupee = 100 paise)",
                  "type": "integer",
                },
                "value": Object {
                  "description": "Rupees as a decimal string with two places, as ONDC writes it",
                  "examples": Array [
                    "325.00",
                  ],
                  "type": "string",
                },
              },
              "required": Array [
                "currency",
                "value",
                "paise",
              ],
              "type": "object",
            },
            "rating": Object {
              "type": "number",
            },
          },
          "required": Array [
            "id",
            "name",
            "description",
            "city",
            "rating",
            "min_order_value",
            "delivery_charge",
            "packing_charge",
            "cod",
          ],
          "type": "object",
        },
        "tags": Object {
          "items": Object {
            "type": "string",
          },
          "type": "array",
        },
      },
      "required": Array [
        "product",
        "long_description",
        "tags",
        "seller",
      ],
      "type": "object",
    },
    "title": "Product details",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "Browse categories",
    },
    "description": "List the product categories available on the network, with how many products each has and their price range, optionally for one ONDC domain (RET10 grocery, RET11 food and beverage, RET13 beauty and personal care, RET14 electronics, RET16 home and kitchen). Next: search_products with a category.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "domain": Object {
          "anyOf": Array [
            Object {
              "const": "ONDC:RET10",
              "type": "string",
            },
            Object {
              "const": "ONDC:RET11",
              "type": "string",
            },
            Object {
              "const": "ONDC:RET12",
              "type": "string",
            },
            Object {
              "const": "ONDC:RET13",
              "type": "string",
            },
            Object {
              "const": "ONDC:RET14",
              "type": "string",
            },
            Object {
              "const": "ONDC:RET16",
              "type": "string",
            },
          ],
          "description": "Only this ONDC domain",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
      ],
      "type": "object",
    },
    "name": "browse_categories",
    "outputSchema": Object {
      "properties": Object {
        "categories": Object {
          "items": Object {
            "properties": Object {
              "domain": Object {
                "type": "string",
              },
              "highest_price": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "id": Object {
                "description": "Pass as category to search_products",
                "type": "string",
              },
              "lowest_price": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "path": Object {
                "items": Object {
                  "type": "string",
                },
                "type": "array",
              },
              "product_count": Object {
                "type": "integer",
              },
            },
            "required": Array [
              "id",
              "path",
              "domain",
              "product_count",
              "lowest_price",
              "highest_price",
            ],
            "type": "object",
          },
          "type": "array",
        },
      },
      "required": Array [
        "categories",
      ],
      "type": "object",
    },
    "title": "Browse categories",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": false,
      "readOnlyHint": false,
      "title": "Add to cart",
    },
    "description": "Put packs of a product from search_products into the cart; adding a product already in the cart raises its quantity. Price and name come from the seller's catalog. Returns the whole priced cart, grouped by seller. Next: view_cart, or keep shopping.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "product_id": Object {
          "description": "A product id from search_products, of the form <provider_id>:<item_id>",
          "examples": Array [
            "kirana-koramangala:atta-aashirvaad-5kg",
          ],
          "maxLength": 200,
          "minLength": 3,
          "pattern": "^[a-z0-9-]+:[a-z0-9-]+$",
          "type": "string",
        },
        "quantity": Object {
          "default": 1,
          "description": "Number of packs",
          "maximum": 100,
          "minimum": 1,
          "type": "integer",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "product_id",
        "quantity",
      ],
      "type": "object",
    },
    "name": "add_to_cart",
    "outputSchema": Object {
      "properties": Object {
        "item_count": Object {
          "description": "Total packs across all lines",
          "type": "integer",
        },
        "lines": Object {
          "items": Object {
            "properties": Object {
              "available": Object {
                "description": "false when the product is no longer listed or is out of stock",
                "type": "boolean",
              },
              "line_total": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "name": Object {
                "type": "string",
              },
              "pack_size": Object {
                "type": "string",
              },
              "product_id": Object {
                "type": "string",
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "quantity": Object {
                "type": "integer",
              },
              "unit_price": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
            },
            "required": Array [
              "product_id",
              "name",
              "provider",
              "pack_size",
              "quantity",
              "unit_price",
              "line_total",
              "available",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "sellers": Object {
          "description": "Each seller becomes its own ONDC order at checkout",
          "items": Object {
            "properties": Object {
              "below_min_order": Object {
                "description": "The seller will refuse this order until the subtotal reaches the minimum",
                "type": "boolean",
              },
              "cod_available": Object {
                "type": "boolean",
              },
              "item_count": Object {
                "type": "integer",
              },
              "min_order_value": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "subtotal": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
            },
            "required": Array [
              "provider",
              "item_count",
              "subtotal",
              "min_order_value",
              "below_min_order",
              "cod_available",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "session_id": Object {
          "type": "string",
        },
        "subtotal": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "updated_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "warnings": Object {
          "items": Object {
            "type": "string",
          },
          "type": "array",
        },
      },
      "required": Array [
        "session_id",
        "lines",
        "sellers",
        "item_count",
        "subtotal",
        "updated_at",
        "warnings",
      ],
      "type": "object",
    },
    "title": "Add to cart",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "View cart",
    },
    "description": "Show the cart: each line with current catalog price, line totals, a subtotal per seller (each seller becomes its own order) and warnings such as out-of-stock items or a seller's minimum order not yet reached.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
      ],
      "type": "object",
    },
    "name": "view_cart",
    "outputSchema": Object {
      "properties": Object {
        "item_count": Object {
          "description": "Total packs across all lines",
          "type": "integer",
        },
        "lines": Object {
          "items": Object {
            "properties": Object {
              "available": Object {
                "description": "false when the product is no longer listed or is out of stock",
                "type": "boolean",
              },
              "line_total": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "name": Object {
                "type": "string",
              },
              "pack_size": Object {
                "type": "string",
              },
              "product_id": Object {
                "type": "string",
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "quantity": Object {
                "type": "integer",
              },
              "unit_price": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
            },
            "required": Array [
              "product_id",
              "name",
              "provider",
              "pack_size",
              "quantity",
              "unit_price",
              "line_total",
              "available",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "sellers": Object {
          "description": "Each seller becomes its own ONDC order at checkout",
          "items": Object {
            "properties": Object {
              "below_min_order": Object {
                "description": "The seller will refuse this order until the subtotal reaches the minimum",
                "type": "boolean",
              },
              "cod_available": Object {
                "type": "boolean",
              },
              "item_count": Object {
                "type": "integer",
              },
              "min_order_value": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "subtotal": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
            },
            "required": Array [
              "provider",
              "item_count",
              "subtotal",
              "min_order_value",
              "below_min_order",
              "cod_available",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "session_id": Object {
          "type": "string",
        },
        "subtotal": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "updated_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "warnings": Object {
          "items": Object {
            "type": "string",
          },
          "type": "array",
        },
      },
      "required": Array [
        "session_id",
        "lines",
        "sellers",
        "item_count",
        "subtotal",
        "updated_at",
        "warnings",
      ],
      "type": "object",
    },
    "title": "View cart",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": false,
      "title": "Change quantity",
    },
    "description": "Set how many packs of a product in the cart to buy. A quantity of 0 removes the product. Returns the priced cart.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "product_id": Object {
          "description": "A product id from search_products, of the form <provider_id>:<item_id>",
          "examples": Array [
            "kirana-koramangala:atta-aashirvaad-5kg",
          ],
          "maxLength": 200,
          "minLength": 3,
          "pattern": "^[a-z0-9-]+:[a-z0-9-]+$",
          "type": "string",
        },
        "quantity": Object {
          "description": "New number of packs; 0 removes the line",
          "maximum": 100,
          "minimum": 0,
          "type": "integer",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "product_id",
        "quantity",
      ],
      "type": "object",
    },
    "name": "update_cart_quantity",
    "outputSchema": Object {
      "properties": Object {
        "item_count": Object {
          "description": "Total packs across all lines",
          "type": "integer",
        },
        "lines": Object {
          "items": Object {
            "properties": Object {
              "available": Object {
                "description": "false when the product is no longer listed or is out of stock",
                "type": "boolean",
              },
              "line_total": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "name": Object {
                "type": "string",
              },
              "pack_size": Object {
                "type": "string",
              },
              "product_id": Object {
                "type": "string",
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "quantity": Object {
                "type": "integer",
              },
              "unit_price": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
            },
            "required": Array [
              "product_id",
              "name",
              "provider",
              "pack_size",
              "quantity",
              "unit_price",
              "line_total",
              "available",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "sellers": Object {
          "description": "Each seller becomes its own ONDC order at checkout",
          "items": Object {
            "properties": Object {
              "below_min_order": Object {
                "description": "The seller will refuse this order until the subtotal reaches the minimum",
                "type": "boolean",
              },
              "cod_available": Object {
                "type": "boolean",
              },
              "item_count": Object {
                "type": "integer",
              },
              "min_order_value": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "subtotal": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
            },
            "required": Array [
              "provider",
              "item_count",
              "subtotal",
              "min_order_value",
              "below_min_order",
              "cod_available",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "session_id": Object {
          "type": "string",
        },
        "subtotal": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "updated_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "warnings": Object {
          "items": Object {
            "type": "string",
          },
          "type": "array",
        },
      },
      "required": Array [
        "session_id",
        "lines",
        "sellers",
        "item_count",
        "subtotal",
        "updated_at",
        "warnings",
      ],
      "type": "object",
    },
    "title": "Change quantity",
  },
  Object {
    "annotations": Object {
      "destructiveHint": true,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": false,
      "title": "Remove from cart",
    },
    "description": "Take a product out of the cart entirely. Returns the priced cart.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "product_id": Object {
          "description": "A product id from search_products, of the form <provider_id>:<item_id>",
          "examples": Array [
            "kirana-koramangala:atta-aashirvaad-5kg",
          ],
          "maxLength": 200,
          "minLength": 3,
          "pattern": "^[a-z0-9-]+:[a-z0-9-]+$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "product_id",
      ],
      "type": "object",
    },
    "name": "remove_from_cart",
    "outputSchema": Object {
      "properties": Object {
        "item_count": Object {
          "description": "Total packs across all lines",
          "type": "integer",
        },
        "lines": Object {
          "items": Object {
            "properties": Object {
              "available": Object {
                "description": "false when the product is no longer listed or is out of stock",
                "type": "boolean",
              },
              "line_total": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "name": Object {
                "type": "string",
              },
              "pack_size": Object {
                "type": "string",
              },
              "product_id": Object {
                "type": "string",
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "quantity": Object {
                "type": "integer",
              },
              "unit_price": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
            },
            "required": Array [
              "product_id",
              "name",
              "provider",
              "pack_size",
              "quantity",
              "unit_price",
              "line_total",
              "available",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "sellers": Object {
          "description": "Each seller becomes its own ONDC order at checkout",
          "items": Object {
            "properties": Object {
              "below_min_order": Object {
                "description": "The seller will refuse this order until the subtotal reaches the minimum",
                "type": "boolean",
              },
              "cod_available": Object {
                "type": "boolean",
              },
              "item_count": Object {
                "type": "integer",
              },
              "min_order_value": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "subtotal": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
            },
            "required": Array [
              "provider",
              "item_count",
              "subtotal",
              "min_order_value",
              "below_min_order",
              "cod_available",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "session_id": Object {
          "type": "string",
        },
        "subtotal": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "updated_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "warnings": Object {
          "items": Object {
            "type": "string",
          },
          "type": "array",
        },
      },
      "required": Array [
        "session_id",
        "lines",
        "sellers",
        "item_count",
        "subtotal",
        "updated_at",
        "warnings",
      ],
      "type": "object",
    },
    "title": "Remove from cart",
  },
  Object {
    "annotations": Object {
      "destructiveHint": true,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": false,
      "title": "Empty the cart",
    },
    "description": "Remove every product from the cart. Ask the user first: this cannot be undone.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
      ],
      "type": "object",
    },
    "name": "clear_cart",
    "outputSchema": Object {
      "properties": Object {
        "item_count": Object {
          "description": "Total packs across all lines",
          "type": "integer",
        },
        "lines": Object {
          "items": Object {
            "properties": Object {
              "available": Object {
                "description": "false when the product is no longer listed or is out of stock",
                "type": "boolean",
              },
              "line_total": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "name": Object {
                "type": "string",
              },
              "pack_size": Object {
                "type": "string",
              },
              "product_id": Object {
                "type": "string",
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "quantity": Object {
                "type": "integer",
              },
              "unit_price": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
            },
            "required": Array [
              "product_id",
              "name",
              "provider",
              "pack_size",
              "quantity",
              "unit_price",
              "line_total",
              "available",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "sellers": Object {
          "description": "Each seller becomes its own ONDC order at checkout",
          "items": Object {
            "properties": Object {
              "below_min_order": Object {
                "description": "The seller will refuse this order until the subtotal reaches the minimum",
                "type": "boolean",
              },
              "cod_available": Object {
                "type": "boolean",
              },
              "item_count": Object {
                "type": "integer",
              },
              "min_order_value": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "subtotal": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
            },
            "required": Array [
              "provider",
              "item_count",
              "subtotal",
              "min_order_value",
              "below_min_order",
              "cod_available",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "session_id": Object {
          "type": "string",
        },
        "subtotal": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "updated_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "warnings": Object {
          "items": Object {
            "type": "string",
          },
          "type": "array",
        },
      },
      "required": Array [
        "session_id",
        "lines",
        "sellers",
        "item_count",
        "subtotal",
        "updated_at",
        "warnings",
      ],
      "type": "object",
    },
    "title": "Empty the cart",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "Cart total",
    },
    "description": "Work out what the cart will cost: the item subtotal per seller plus each seller's listed delivery and packing charges. This is an estimate from the catalog; the binding amount, with taxes, comes from the sellers' quote at checkout.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
      ],
      "type": "object",
    },
    "name": "get_cart_total",
    "outputSchema": Object {
      "properties": Object {
        "delivery_charges": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "estimated_total": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "item_count": Object {
          "type": "integer",
        },
        "note": Object {
          "type": "string",
        },
        "packing_charges": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "sellers": Object {
          "items": Object {
            "properties": Object {
              "below_min_order": Object {
                "type": "boolean",
              },
              "delivery_charge": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "estimated_total": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "packing_charge": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "provider_id": Object {
                "type": "string",
              },
              "provider_name": Object {
                "type": "string",
              },
              "subtotal": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
            },
            "required": Array [
              "provider_id",
              "provider_name",
              "subtotal",
              "delivery_charge",
              "packing_charge",
              "estimated_total",
              "below_min_order",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "session_id": Object {
          "type": "string",
        },
        "subtotal": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "warnings": Object {
          "items": Object {
            "type": "string",
          },
          "type": "array",
        },
      },
      "required": Array [
        "session_id",
        "item_count",
        "subtotal",
        "delivery_charges",
        "packing_charges",
        "estimated_total",
        "sellers",
        "warnings",
        "note",
      ],
      "type": "object",
    },
    "title": "Cart total",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": true,
      "readOnlyHint": false,
      "title": "Get quotes for the cart",
    },
    "description": "Ask every seller in the cart for a binding quote for delivery to a pincode. Each seller becomes its own order (its own ONDC transaction). Returns each quote's breakup (items, delivery, packing, tax), total and expiry, or the seller's refusal (out of stock, pincode not served, below minimum order). Next: initialize_order.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "gps": Object {
          "description": "Delivery point as \\"lat,lon\\"; the pincode's own point is used when left out",
          "examples": Array [
            "12.9352,77.6245",
          ],
          "pattern": "^-?\\\\d{1,2}\\\\.\\\\d{1,8},\\\\s?-?\\\\d{1,3}\\\\.\\\\d{1,8}$",
          "type": "string",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "pincode": Object {
          "description": "Six-digit Indian delivery pincode",
          "examples": Array [
            "560034",
          ],
          "pattern": "^[1-9][0-9]{5}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "pincode",
      ],
      "type": "object",
    },
    "name": "select_items_for_order",
    "outputSchema": Object {
      "properties": Object {
        "checkout_id": Object {
          "type": "string",
        },
        "next_step": Object {
          "description": "What to call next",
          "type": "string",
        },
        "pincode": Object {
          "type": "string",
        },
        "sellers": Object {
          "items": Object {
            "properties": Object {
              "items": Object {
                "items": Object {
                  "properties": Object {
                    "name": Object {
                      "type": "string",
                    },
                    "product_id": Object {
                      "type": "string",
                    },
                    "quantity": Object {
                      "type": "integer",
                    },
                  },
                  "required": Array [
                    "product_id",
                    "name",
                    "quantity",
                  ],
                  "type": "object",
                },
                "type": "array",
              },
              "order_id": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "order_state": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "amount": Object {
                        "properties": Object {
                          "currency": Object {
                            "const": "INR",
                            "type": "string",
                          },
                          "paise": Object {
                            "description": "The same amount in paise (1 rupee = 100 paise)",
                            "type": "integer",
                          },
                          "value": Object {
                            "description": "Rupees as a decimal string with two places, as ONDC writes it",
                            "examples": Array [
                              "325.00",
                            ],
                            "type": "string",
                          },
                        },
                        "required": Array [
                          "currency",
                          "value",
                          "paise",
                        ],
                        "type": "object",
                      },
                      "checkout_url": Object {
                        "type": "string",
                      },
                      "gateway_order_id": Object {
                        "type": "string",
                      },
                      "paid": Object {
                        "type": "boolean",
                      },
                    },
                    "required": Array [
                      "gateway_order_id",
                      "amount",
                      "checkout_url",
                      "paid",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment_method": Object {
                "anyOf": Array [
                  Object {
                    "const": "prepaid",
                    "type": "string",
                  },
                  Object {
                    "const": "cod",
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "quote": Object {
                "properties": Object {
                  "expires_at": Object {
                    "format": "date-time",
                    "type": "string",
                  },
                  "lines": Object {
                    "items": Object {
                      "properties": Object {
                        "price": Object {
                          "properties": Object {
                            "currency": Object {
                              "const": "INR",
                              "type": "string",
                            },
                            "paise": Object {
                              "description": "The same amount in paise (1 rupee = 100 paise)",
                              "type": "integer",
                            },
                            "value": Object {
                              "description": "Rupees as a decimal string with two places, as ONDC writes it",
                              "examples": Array [
                                "325.00",
                              ],
                              "type": "string",
                            },
                          },
                          "required": Array [
                            "currency",
                            "value",
                            "paise",
                          ],
                          "type": "object",
                        },
                        "quantity": Object {
                          "type": "integer",
                        },
                        "title": Object {
                          "type": "string",
                        },
                        "type": Object {
                          "type": "string",
                        },
                      },
                      "required": Array [
                        "type",
                        "title",
                        "price",
                      ],
                      "type": "object",
                    },
                    "type": "array",
                  },
                  "total": Object {
                    "properties": Object {
                      "currency": Object {
                        "const": "INR",
                        "type": "string",
                      },
                      "paise": Object {
                        "description": "The same amount in paise (1 rupee = 100 paise)",
                        "type": "integer",
                      },
                      "value": Object {
                        "description": "Rupees as a decimal string with two places, as ONDC writes it",
                        "examples": Array [
                          "325.00",
                        ],
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "currency",
                      "value",
                      "paise",
                    ],
                    "type": "object",
                  },
                },
                "required": Array [
                  "lines",
                  "total",
                  "expires_at",
                ],
                "type": "object",
              },
              "refusal": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "code": Object {
                        "type": "string",
                      },
                      "message": Object {
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "code",
                      "message",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
                "description": "Why the seller refused (ONDC error code and our words), or null",
              },
              "state": Object {
                "description": "quoted, initialized, payment_pending, paid, cod, confirming, confirmed or failed",
                "type": "string",
              },
            },
            "required": Array [
              "provider",
              "state",
              "items",
              "quote",
              "refusal",
              "payment_method",
              "payment",
              "order_id",
              "order_state",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "state": Object {
          "description": "The least advanced seller order decides: quoted … confirmed, failed or expired",
          "type": "string",
        },
        "total": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
      },
      "required": Array [
        "checkout_id",
        "state",
        "pincode",
        "sellers",
        "total",
        "next_step",
      ],
      "type": "object",
    },
    "title": "Get quotes for the cart",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": true,
      "readOnlyHint": false,
      "title": "Give delivery details",
    },
    "description": "Send the buyer's name, phone, email and delivery address to every seller of a checkout from select_items_for_order: either a saved address_id (list_addresses) or the fields themselves. Each seller answers with its final quote and payment terms. Next: create_payment for each seller (prepaid, or cod where the seller accepts cash on delivery).",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "address_id": Object {
          "description": "From add_address or list_addresses",
          "pattern": "^adr_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "building": Object {
          "description": "Building, apartment or house name",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "checkout_id": Object {
          "description": "From select_items_for_order",
          "pattern": "^chk_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "city": Object {
          "maxLength": 60,
          "minLength": 2,
          "type": "string",
        },
        "email": Object {
          "format": "email",
          "maxLength": 254,
          "type": "string",
        },
        "gps": Object {
          "description": "Delivery point as \\"lat,lon\\"; the pincode's own point is used when left out",
          "examples": Array [
            "12.9352,77.6245",
          ],
          "pattern": "^-?\\\\d{1,2}\\\\.\\\\d{1,8},\\\\s?-?\\\\d{1,3}\\\\.\\\\d{1,8}$",
          "type": "string",
        },
        "house": Object {
          "description": "Flat, house or floor, e.g. \\"Flat 302\\"",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "locality": Object {
          "description": "Street and locality",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "name": Object {
          "description": "Full name of the person receiving orders",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "phone": Object {
          "description": "Ten-digit Indian mobile number",
          "pattern": "^[6-9][0-9]{9}$",
          "type": "string",
        },
        "pincode": Object {
          "description": "Six-digit Indian delivery pincode",
          "examples": Array [
            "560034",
          ],
          "pattern": "^[1-9][0-9]{5}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
        "state": Object {
          "maxLength": 60,
          "minLength": 2,
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "checkout_id",
      ],
      "type": "object",
    },
    "name": "initialize_order",
    "outputSchema": Object {
      "properties": Object {
        "checkout_id": Object {
          "type": "string",
        },
        "next_step": Object {
          "description": "What to call next",
          "type": "string",
        },
        "pincode": Object {
          "type": "string",
        },
        "sellers": Object {
          "items": Object {
            "properties": Object {
              "items": Object {
                "items": Object {
                  "properties": Object {
                    "name": Object {
                      "type": "string",
                    },
                    "product_id": Object {
                      "type": "string",
                    },
                    "quantity": Object {
                      "type": "integer",
                    },
                  },
                  "required": Array [
                    "product_id",
                    "name",
                    "quantity",
                  ],
                  "type": "object",
                },
                "type": "array",
              },
              "order_id": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "order_state": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "amount": Object {
                        "properties": Object {
                          "currency": Object {
                            "const": "INR",
                            "type": "string",
                          },
                          "paise": Object {
                            "description": "The same amount in paise (1 rupee = 100 paise)",
                            "type": "integer",
                          },
                          "value": Object {
                            "description": "Rupees as a decimal string with two places, as ONDC writes it",
                            "examples": Array [
                              "325.00",
                            ],
                            "type": "string",
                          },
                        },
                        "required": Array [
                          "currency",
                          "value",
                          "paise",
                        ],
                        "type": "object",
                      },
                      "checkout_url": Object {
                        "type": "string",
                      },
                      "gateway_order_id": Object {
                        "type": "string",
                      },
                      "paid": Object {
                        "type": "boolean",
                      },
                    },
                    "required": Array [
                      "gateway_order_id",
                      "amount",
                      "checkout_url",
                      "paid",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment_method": Object {
                "anyOf": Array [
                  Object {
                    "const": "prepaid",
                    "type": "string",
                  },
                  Object {
                    "const": "cod",
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "quote": Object {
                "properties": Object {
                  "expires_at": Object {
                    "format": "date-time",
                    "type": "string",
                  },
                  "lines": Object {
                    "items": Object {
                      "properties": Object {
                        "price": Object {
                          "properties": Object {
                            "currency": Object {
                              "const": "INR",
                              "type": "string",
                            },
                            "paise": Object {
                              "description": "The same amount in paise (1 rupee = 100 paise)",
                              "type": "integer",
                            },
                            "value": Object {
                              "description": "Rupees as a decimal string with two places, as ONDC writes it",
                              "examples": Array [
                                "325.00",
                              ],
                              "type": "string",
                            },
                          },
                          "required": Array [
                            "currency",
                            "value",
                            "paise",
                          ],
                          "type": "object",
                        },
                        "quantity": Object {
                          "type": "integer",
                        },
                        "title": Object {
                          "type": "string",
                        },
                        "type": Object {
                          "type": "string",
                        },
                      },
                      "required": Array [
                        "type",
                        "title",
                        "price",
                      ],
                      "type": "object",
                    },
                    "type": "array",
                  },
                  "total": Object {
                    "properties": Object {
                      "currency": Object {
                        "const": "INR",
                        "type": "string",
                      },
                      "paise": Object {
                        "description": "The same amount in paise (1 rupee = 100 paise)",
                        "type": "integer",
                      },
                      "value": Object {
                        "description": "Rupees as a decimal string with two places, as ONDC writes it",
                        "examples": Array [
                          "325.00",
                        ],
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "currency",
                      "value",
                      "paise",
                    ],
                    "type": "object",
                  },
                },
                "required": Array [
                  "lines",
                  "total",
                  "expires_at",
                ],
                "type": "object",
              },
              "refusal": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "code": Object {
                        "type": "string",
                      },
                      "message": Object {
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "code",
                      "message",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
                "description": "Why the seller refused (ONDC error code and our words), or null",
              },
              "state": Object {
                "description": "quoted, initialized, payment_pending, paid, cod, confirming, confirmed or failed",
                "type": "string",
              },
            },
            "required": Array [
              "provider",
              "state",
              "items",
              "quote",
              "refusal",
              "payment_method",
              "payment",
              "order_id",
              "order_state",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "state": Object {
          "description": "The least advanced seller order decides: quoted … confirmed, failed or expired",
          "type": "string",
        },
        "total": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
      },
      "required": Array [
        "checkout_id",
        "state",
        "pincode",
        "sellers",
        "total",
        "next_step",
      ],
      "type": "object",
    },
    "title": "Give delivery details",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": true,
      "readOnlyHint": false,
      "title": "Choose how to pay a seller",
    },
    "description": "For one seller of an initialized checkout, choose prepaid or cash on delivery. Prepaid creates a payment order at the gateway for exactly the seller's quoted total and returns a checkout_url where the user pays; then call verify_payment with what the gateway returned. Cash on delivery asks the seller to accept it (some sellers refuse) and needs no payment. Next: verify_payment (prepaid) or confirm_order.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "checkout_id": Object {
          "description": "From select_items_for_order",
          "pattern": "^chk_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "method": Object {
          "anyOf": Array [
            Object {
              "const": "prepaid",
              "type": "string",
            },
            Object {
              "const": "cod",
              "type": "string",
            },
          ],
          "description": "prepaid (UPI, card) or cod (cash on delivery)",
        },
        "provider_id": Object {
          "description": "The seller (provider id) within the checkout",
          "pattern": "^[a-z0-9-]{1,100}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "checkout_id",
        "provider_id",
        "method",
      ],
      "type": "object",
    },
    "name": "create_payment",
    "outputSchema": Object {
      "properties": Object {
        "checkout_id": Object {
          "type": "string",
        },
        "next_step": Object {
          "description": "What to call next",
          "type": "string",
        },
        "pincode": Object {
          "type": "string",
        },
        "sellers": Object {
          "items": Object {
            "properties": Object {
              "items": Object {
                "items": Object {
                  "properties": Object {
                    "name": Object {
                      "type": "string",
                    },
                    "product_id": Object {
                      "type": "string",
                    },
                    "quantity": Object {
                      "type": "integer",
                    },
                  },
                  "required": Array [
                    "product_id",
                    "name",
                    "quantity",
                  ],
                  "type": "object",
                },
                "type": "array",
              },
              "order_id": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "order_state": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "amount": Object {
                        "properties": Object {
                          "currency": Object {
                            "const": "INR",
                            "type": "string",
                          },
                          "paise": Object {
                            "description": "The same amount in paise (1 rupee = 100 paise)",
                            "type": "integer",
                          },
                          "value": Object {
                            "description": "Rupees as a decimal string with two places, as ONDC writes it",
                            "examples": Array [
                              "325.00",
                            ],
                            "type": "string",
                          },
                        },
                        "required": Array [
                          "currency",
                          "value",
                          "paise",
                        ],
                        "type": "object",
                      },
                      "checkout_url": Object {
                        "type": "string",
                      },
                      "gateway_order_id": Object {
                        "type": "string",
                      },
                      "paid": Object {
                        "type": "boolean",
                      },
                    },
                    "required": Array [
                      "gateway_order_id",
                      "amount",
                      "checkout_url",
                      "paid",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment_method": Object {
                "anyOf": Array [
                  Object {
                    "const": "prepaid",
                    "type": "string",
                  },
                  Object {
                    "const": "cod",
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "quote": Object {
                "properties": Object {
                  "expires_at": Object {
                    "format": "date-time",
                    "type": "string",
                  },
                  "lines": Object {
                    "items": Object {
                      "properties": Object {
                        "price": Object {
                          "properties": Object {
                            "currency": Object {
                              "const": "INR",
                              "type": "string",
                            },
                            "paise": Object {
                              "description": "The same amount in paise (1 rupee = 100 paise)",
                              "type": "integer",
                            },
                            "value": Object {
                              "description": "Rupees as a decimal string with two places, as ONDC writes it",
                              "examples": Array [
                                "325.00",
                              ],
                              "type": "string",
                            },
                          },
                          "required": Array [
                            "currency",
                            "value",
                            "paise",
                          ],
                          "type": "object",
                        },
                        "quantity": Object {
                          "type": "integer",
                        },
                        "title": Object {
                          "type": "string",
                        },
                        "type": Object {
                          "type": "string",
                        },
                      },
                      "required": Array [
                        "type",
                        "title",
                        "price",
                      ],
                      "type": "object",
                    },
                    "type": "array",
                  },
                  "total": Object {
                    "properties": Object {
                      "currency": Object {
                        "const": "INR",
                        "type": "string",
                      },
                      "paise": Object {
                        "description": "The same amount in paise (1 rupee = 100 paise)",
                        "type": "integer",
                      },
                      "value": Object {
                        "description": "Rupees as a decimal string with two places, as ONDC writes it",
                        "examples": Array [
                          "325.00",
                        ],
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "currency",
                      "value",
                      "paise",
                    ],
                    "type": "object",
                  },
                },
                "required": Array [
                  "lines",
                  "total",
                  "expires_at",
                ],
                "type": "object",
              },
              "refusal": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "code": Object {
                        "type": "string",
                      },
                      "message": Object {
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "code",
                      "message",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
                "description": "Why the seller refused (ONDC error code and our words), or null",
              },
              "state": Object {
                "description": "quoted, initialized, payment_pending, paid, cod, confirming, confirmed or failed",
                "type": "string",
              },
            },
            "required": Array [
              "provider",
              "state",
              "items",
              "quote",
              "refusal",
              "payment_method",
              "payment",
              "order_id",
              "order_state",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "state": Object {
          "description": "The least advanced seller order decides: quoted … confirmed, failed or expired",
          "type": "string",
        },
        "total": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
      },
      "required": Array [
        "checkout_id",
        "state",
        "pincode",
        "sellers",
        "total",
        "next_step",
      ],
      "type": "object",
    },
    "title": "Choose how to pay a seller",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": true,
      "readOnlyHint": false,
      "title": "Verify a payment",
    },
    "description": "After the user paid at checkout_url, pass what the payment gateway returned (payment id and signature). The server checks the signature and asks the gateway itself that the payment was captured for exactly the seller's total; nothing the caller says about the payment is trusted. Next: confirm_order.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "checkout_id": Object {
          "description": "From select_items_for_order",
          "pattern": "^chk_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "payment_id": Object {
          "description": "razorpay_payment_id from the gateway",
          "pattern": "^pay_[A-Za-z0-9]{6,40}$",
          "type": "string",
        },
        "provider_id": Object {
          "description": "The seller (provider id) within the checkout",
          "pattern": "^[a-z0-9-]{1,100}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
        "signature": Object {
          "description": "razorpay_signature from the gateway",
          "pattern": "^[0-9a-f]{64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "checkout_id",
        "provider_id",
        "payment_id",
        "signature",
      ],
      "type": "object",
    },
    "name": "verify_payment",
    "outputSchema": Object {
      "properties": Object {
        "checkout_id": Object {
          "type": "string",
        },
        "next_step": Object {
          "description": "What to call next",
          "type": "string",
        },
        "pincode": Object {
          "type": "string",
        },
        "sellers": Object {
          "items": Object {
            "properties": Object {
              "items": Object {
                "items": Object {
                  "properties": Object {
                    "name": Object {
                      "type": "string",
                    },
                    "product_id": Object {
                      "type": "string",
                    },
                    "quantity": Object {
                      "type": "integer",
                    },
                  },
                  "required": Array [
                    "product_id",
                    "name",
                    "quantity",
                  ],
                  "type": "object",
                },
                "type": "array",
              },
              "order_id": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "order_state": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "amount": Object {
                        "properties": Object {
                          "currency": Object {
                            "const": "INR",
                            "type": "string",
                          },
                          "paise": Object {
                            "description": "The same amount in paise (1 rupee = 100 paise)",
                            "type": "integer",
                          },
                          "value": Object {
                            "description": "Rupees as a decimal string with two places, as ONDC writes it",
                            "examples": Array [
                              "325.00",
                            ],
                            "type": "string",
                          },
                        },
                        "required": Array [
                          "currency",
                          "value",
                          "paise",
                        ],
                        "type": "object",
                      },
                      "checkout_url": Object {
                        "type": "string",
                      },
                      "gateway_order_id": Object {
                        "type": "string",
                      },
                      "paid": Object {
                        "type": "boolean",
                      },
                    },
                    "required": Array [
                      "gateway_order_id",
                      "amount",
                      "checkout_url",
                      "paid",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment_method": Object {
                "anyOf": Array [
                  Object {
                    "const": "prepaid",
                    "type": "string",
                  },
                  Object {
                    "const": "cod",
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "quote": Object {
                "properties": Object {
                  "expires_at": Object {
                    "format": "date-time",
                    "type": "string",
                  },
                  "lines": Object {
                    "items": Object {
                      "properties": Object {
                        "price": Object {
                          "properties": Object {
                            "currency": Object {
                              "const": "INR",
                              "type": "string",
                            },
                            "paise": Object {
                              "description": "The same amount in paise (1 rupee = 100 paise)",
                              "type": "integer",
                            },
                            "value": Object {
                              "description": "Rupees as a decimal string with two places, as ONDC writes it",
                              "examples": Array [
                                "325.00",
                              ],
                              "type": "string",
                            },
                          },
                          "required": Array [
                            "currency",
                            "value",
                            "paise",
                          ],
                          "type": "object",
                        },
                        "quantity": Object {
                          "type": "integer",
                        },
                        "title": Object {
                          "type": "string",
                        },
                        "type": Object {
                          "type": "string",
                        },
                      },
                      "required": Array [
                        "type",
                        "title",
                        "price",
                      ],
                      "type": "object",
                    },
                    "type": "array",
                  },
                  "total": Object {
                    "properties": Object {
                      "currency": Object {
                        "const": "INR",
                        "type": "string",
                      },
                      "paise": Object {
                        "description": "The same amount in paise (1 rupee = 100 paise)",
                        "type": "integer",
                      },
                      "value": Object {
                        "description": "Rupees as a decimal string with two places, as ONDC writes it",
                        "examples": Array [
                          "325.00",
                        ],
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "currency",
                      "value",
                      "paise",
                    ],
                    "type": "object",
                  },
                },
                "required": Array [
                  "lines",
                  "total",
                  "expires_at",
                ],
                "type": "object",
              },
              "refusal": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "code": Object {
                        "type": "string",
                      },
                      "message": Object {
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "code",
                      "message",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
                "description": "Why the seller refused (ONDC error code and our words), or null",
              },
              "state": Object {
                "description": "quoted, initialized, payment_pending, paid, cod, confirming, confirmed or failed",
                "type": "string",
              },
            },
            "required": Array [
              "provider",
              "state",
              "items",
              "quote",
              "refusal",
              "payment_method",
              "payment",
              "order_id",
              "order_state",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "state": Object {
          "description": "The least advanced seller order decides: quoted … confirmed, failed or expired",
          "type": "string",
        },
        "total": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
      },
      "required": Array [
        "checkout_id",
        "state",
        "pincode",
        "sellers",
        "total",
        "next_step",
      ],
      "type": "object",
    },
    "title": "Verify a payment",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "Review before placing the order",
    },
    "description": "The last step before confirm_order: the exact totals the sellers quoted (items, delivery, packing, taxes), the payment method per seller and the delivery address. SHOW ALL OF IT TO THE USER and ask them to confirm; only then call confirm_order with the confirmation_token. If anything changes before confirm (a new quote, another payment method), confirm_order refuses and asks for a new review.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "checkout_id": Object {
          "description": "From select_items_for_order",
          "pattern": "^chk_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "checkout_id",
      ],
      "type": "object",
    },
    "name": "review_order",
    "outputSchema": Object {
      "properties": Object {
        "checkout": Object {
          "properties": Object {
            "checkout_id": Object {
              "type": "string",
            },
            "next_step": Object {
              "description": "What to call next",
              "type": "string",
            },
            "pincode": Object {
              "type": "string",
            },
            "sellers": Object {
              "items": Object {
                "properties": Object {
                  "items": Object {
                    "items": Object {
                      "properties": Object {
                        "name": Object {
                          "type": "string",
                        },
                        "product_id": Object {
                          "type": "string",
                        },
                        "quantity": Object {
                          "type": "integer",
                        },
                      },
                      "required": Array [
                        "product_id",
                        "name",
                        "quantity",
                      ],
                      "type": "object",
                    },
                    "type": "array",
                  },
                  "order_id": Object {
                    "anyOf": Array [
                      Object {
                        "type": "string",
                      },
                      Object {
                        "type": "null",
                      },
                    ],
                  },
                  "order_state": Object {
                    "anyOf": Array [
                      Object {
                        "type": "string",
                      },
                      Object {
                        "type": "null",
                      },
                    ],
                  },
                  "payment": Object {
                    "anyOf": Array [
                      Object {
                        "properties": Object {
                          "amount": Object {
                            "properties": Object {
                              "currency": Object {
                                "const": "INR",
                                "type": "string",
                              },
                              "paise": Object {
                                "description": "The same amount in paise (1 rupee = 100 paise)",
                                "type": "integer",
                              },
                              "value": Object {
                                "description": "Rupees as a decimal string with two places, as ONDC writes it",
                                "examples": Array [
                                  "325.00",
                                ],
                                "type": "string",
                              },
                            },
                            "required": Array [
                              "currency",
                              "value",
                              "paise",
                            ],
                            "type": "object",
                          },
                          "checkout_url": Object {
                            "type": "string",
                          },
                          "gateway_order_id": Object {
                            "type": "string",
                          },
                          "paid": Object {
                            "type": "boolean",
                          },
                        },
                        "required": Array [
                          "gateway_order_id",
                          "amount",
                          "checkout_url",
                          "paid",
                        ],
                        "type": "object",
                      },
                      Object {
                        "type": "null",
                      },
                    ],
                  },
                  "payment_method": Object {
                    "anyOf": Array [
                      Object {
                        "const": "prepaid",
                        "type": "string",
                      },
                      Object {
                        "const": "cod",
                        "type": "string",
                      },
                      Object {
                        "type": "null",
                      },
                    ],
                  },
                  "provider": Object {
                    "properties": Object {
                      "id": Object {
                        "type": "string",
                      },
                      "name": Object {
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "id",
                      "name",
                    ],
                    "type": "object",
                  },
                  "quote": Object {
                    "properties": Object {
                      "expires_at": Object {
                        "format": "date-time",
                        "type": "string",
                      },
                      "lines": Object {
                        "items": Object {
                          "properties": Object {
                            "price": Object {
                              "properties": Object {
                                "currency": Object {
                                  "const": "INR",
                                  "type": "string",
                                },
                                "paise": Object {
                                  "description": "The same amount in paise (1 rupee = 100 paise)",
                                  "type": "integer",
                                },
                                "value": Object {
                                  "description": "Rupees as a decimal string with two places, as ONDC writes it",
                                  "examples": Array [
                                    "325.00",
                                  ],
                                  "type": "string",
                                },
                              },
                              "required": Array [
                                "currency",
                                "value",
                                "paise",
                              ],
                              "type": "object",
                            },
                            "quantity": Object {
                              "type": "integer",
                            },
                            "title": Object {
                              "type": "string",
                            },
                            "type": Object {
                              "type": "string",
                            },
                          },
                          "required": Array [
                            "type",
                            "title",
                            "price",
                          ],
                          "type": "object",
                        },
                        "type": "array",
                      },
                      "total": Object {
                        "properties": Object {
                          "currency": Object {
                            "const": "INR",
                            "type": "string",
                          },
                          "paise": Object {
                            "description": "The same amount in paise (1 rupee = 100 paise)",
                            "type": "integer",
                          },
                          "value": Object {
                            "description": "Rupees as a decimal string with two places, as ONDC writes it",
                            "examples": Array [
                              "325.00",
                            ],
                            "type": "string",
                          },
                        },
                        "required": Array [
                          "currency",
                          "value",
                          "paise",
                        ],
                        "type": "object",
                      },
                    },
                    "required": Array [
                      "lines",
                      "total",
                      "expires_at",
                    ],
                    "type": "object",
                  },
                  "refusal": Object {
                    "anyOf": Array [
                      Object {
                        "properties": Object {
                          "code": Object {
                            "type": "string",
                          },
                          "message": Object {
                            "type": "string",
                          },
                        },
                        "required": Array [
                          "code",
                          "message",
                        ],
                        "type": "object",
                      },
                      Object {
                        "type": "null",
                      },
                    ],
                    "description": "Why the seller refused (ONDC error code and our words), or null",
                  },
                  "state": Object {
                    "description": "quoted, initialized, payment_pending, paid, cod, confirming, confirmed or failed",
                    "type": "string",
                  },
                },
                "required": Array [
                  "provider",
                  "state",
                  "items",
                  "quote",
                  "refusal",
                  "payment_method",
                  "payment",
                  "order_id",
                  "order_state",
                ],
                "type": "object",
              },
              "type": "array",
            },
            "state": Object {
              "description": "The least advanced seller order decides: quoted … confirmed, failed or expired",
              "type": "string",
            },
            "total": Object {
              "properties": Object {
                "currency": Object {
                  "const": "INR",
                  "type": "string",
                },
                "paise": Object {
                  "description": "The same amount in paise (1 rupee = 100 paise)",
                  "type": "integer",
                },
                "value": Object {
                  "description": "Rupees as a decimal string with two places, as ONDC writes it",
                  "examples": Array [
                    "325.00",
                  ],
                  "type": "string",
                },
              },
              "required": Array [
                "currency",
                "value",
                "paise",
              ],
              "type": "object",
            },
          },
          "required": Array [
            "checkout_id",
            "state",
            "pincode",
            "sellers",
            "total",
            "next_step",
          ],
          "type": "object",
        },
        "confirmation_token": Object {
          "description": "Pass to confirm_order once the user agrees to these totals",
          "type": "string",
        },
        "deliver_to": Object {
          "description": "The delivery address, as the sellers have it",
          "type": "string",
        },
        "expires_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "total": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
      },
      "required": Array [
        "checkout",
        "total",
        "deliver_to",
        "confirmation_token",
        "expires_at",
      ],
      "type": "object",
    },
    "title": "Review before placing the order",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": true,
      "readOnlyHint": false,
      "title": "Place the orders",
    },
    "description": "Place the orders of a checkout whose sellers are all paid (verify_payment) or on cash on delivery: sends confirm to each seller and returns the order ids. Needs the confirmation_token from review_order, given only after the user agreed to the totals it showed; a token whose totals no longer hold is refused. Safe to retry: a retry or a concurrent duplicate never creates a second order. What was ordered leaves the cart. Next: get_order_status.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "checkout_id": Object {
          "description": "From select_items_for_order",
          "pattern": "^chk_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "confirmation_token": Object {
          "description": "From review_order, after the user agreed. MCP clients that support elicitation may leave it out: the server then asks the user itself.",
          "maxLength": 200,
          "minLength": 1,
          "type": "string",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "checkout_id",
      ],
      "type": "object",
    },
    "name": "confirm_order",
    "outputSchema": Object {
      "properties": Object {
        "checkout_id": Object {
          "type": "string",
        },
        "next_step": Object {
          "description": "What to call next",
          "type": "string",
        },
        "pincode": Object {
          "type": "string",
        },
        "sellers": Object {
          "items": Object {
            "properties": Object {
              "items": Object {
                "items": Object {
                  "properties": Object {
                    "name": Object {
                      "type": "string",
                    },
                    "product_id": Object {
                      "type": "string",
                    },
                    "quantity": Object {
                      "type": "integer",
                    },
                  },
                  "required": Array [
                    "product_id",
                    "name",
                    "quantity",
                  ],
                  "type": "object",
                },
                "type": "array",
              },
              "order_id": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "order_state": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "amount": Object {
                        "properties": Object {
                          "currency": Object {
                            "const": "INR",
                            "type": "string",
                          },
                          "paise": Object {
                            "description": "The same amount in paise (1 rupee = 100 paise)",
                            "type": "integer",
                          },
                          "value": Object {
                            "description": "Rupees as a decimal string with two places, as ONDC writes it",
                            "examples": Array [
                              "325.00",
                            ],
                            "type": "string",
                          },
                        },
                        "required": Array [
                          "currency",
                          "value",
                          "paise",
                        ],
                        "type": "object",
                      },
                      "checkout_url": Object {
                        "type": "string",
                      },
                      "gateway_order_id": Object {
                        "type": "string",
                      },
                      "paid": Object {
                        "type": "boolean",
                      },
                    },
                    "required": Array [
                      "gateway_order_id",
                      "amount",
                      "checkout_url",
                      "paid",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment_method": Object {
                "anyOf": Array [
                  Object {
                    "const": "prepaid",
                    "type": "string",
                  },
                  Object {
                    "const": "cod",
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "quote": Object {
                "properties": Object {
                  "expires_at": Object {
                    "format": "date-time",
                    "type": "string",
                  },
                  "lines": Object {
                    "items": Object {
                      "properties": Object {
                        "price": Object {
                          "properties": Object {
                            "currency": Object {
                              "const": "INR",
                              "type": "string",
                            },
                            "paise": Object {
                              "description": "The same amount in paise (1 rupee = 100 paise)",
                              "type": "integer",
                            },
                            "value": Object {
                              "description": "Rupees as a decimal string with two places, as ONDC writes it",
                              "examples": Array [
                                "325.00",
                              ],
                              "type": "string",
                            },
                          },
                          "required": Array [
                            "currency",
                            "value",
                            "paise",
                          ],
                          "type": "object",
                        },
                        "quantity": Object {
                          "type": "integer",
                        },
                        "title": Object {
                          "type": "string",
                        },
                        "type": Object {
                          "type": "string",
                        },
                      },
                      "required": Array [
                        "type",
                        "title",
                        "price",
                      ],
                      "type": "object",
                    },
                    "type": "array",
                  },
                  "total": Object {
                    "properties": Object {
                      "currency": Object {
                        "const": "INR",
                        "type": "string",
                      },
                      "paise": Object {
                        "description": "The same amount in paise (1 rupee = 100 paise)",
                        "type": "integer",
                      },
                      "value": Object {
                        "description": "Rupees as a decimal string with two places, as ONDC writes it",
                        "examples": Array [
                          "325.00",
                        ],
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "currency",
                      "value",
                      "paise",
                    ],
                    "type": "object",
                  },
                },
                "required": Array [
                  "lines",
                  "total",
                  "expires_at",
                ],
                "type": "object",
              },
              "refusal": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "code": Object {
                        "type": "string",
                      },
                      "message": Object {
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "code",
                      "message",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
                "description": "Why the seller refused (ONDC error code and our words), or null",
              },
              "state": Object {
                "description": "quoted, initialized, payment_pending, paid, cod, confirming, confirmed or failed",
                "type": "string",
              },
            },
            "required": Array [
              "provider",
              "state",
              "items",
              "quote",
              "refusal",
              "payment_method",
              "payment",
              "order_id",
              "order_state",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "state": Object {
          "description": "The least advanced seller order decides: quoted … confirmed, failed or expired",
          "type": "string",
        },
        "total": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
      },
      "required": Array [
        "checkout_id",
        "state",
        "pincode",
        "sellers",
        "total",
        "next_step",
      ],
      "type": "object",
    },
    "title": "Place the orders",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "Checkout state",
    },
    "description": "Show a checkout: each seller's quote, state, payment and order id, and the next step to call.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "checkout_id": Object {
          "description": "From select_items_for_order",
          "pattern": "^chk_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "checkout_id",
      ],
      "type": "object",
    },
    "name": "get_checkout",
    "outputSchema": Object {
      "properties": Object {
        "checkout_id": Object {
          "type": "string",
        },
        "next_step": Object {
          "description": "What to call next",
          "type": "string",
        },
        "pincode": Object {
          "type": "string",
        },
        "sellers": Object {
          "items": Object {
            "properties": Object {
              "items": Object {
                "items": Object {
                  "properties": Object {
                    "name": Object {
                      "type": "string",
                    },
                    "product_id": Object {
                      "type": "string",
                    },
                    "quantity": Object {
                      "type": "integer",
                    },
                  },
                  "required": Array [
                    "product_id",
                    "name",
                    "quantity",
                  ],
                  "type": "object",
                },
                "type": "array",
              },
              "order_id": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "order_state": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "amount": Object {
                        "properties": Object {
                          "currency": Object {
                            "const": "INR",
                            "type": "string",
                          },
                          "paise": Object {
                            "description": "The same amount in paise (1 rupee = 100 paise)",
                            "type": "integer",
                          },
                          "value": Object {
                            "description": "Rupees as a decimal string with two places, as ONDC writes it",
                            "examples": Array [
                              "325.00",
                            ],
                            "type": "string",
                          },
                        },
                        "required": Array [
                          "currency",
                          "value",
                          "paise",
                        ],
                        "type": "object",
                      },
                      "checkout_url": Object {
                        "type": "string",
                      },
                      "gateway_order_id": Object {
                        "type": "string",
                      },
                      "paid": Object {
                        "type": "boolean",
                      },
                    },
                    "required": Array [
                      "gateway_order_id",
                      "amount",
                      "checkout_url",
                      "paid",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "payment_method": Object {
                "anyOf": Array [
                  Object {
                    "const": "prepaid",
                    "type": "string",
                  },
                  Object {
                    "const": "cod",
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "quote": Object {
                "properties": Object {
                  "expires_at": Object {
                    "format": "date-time",
                    "type": "string",
                  },
                  "lines": Object {
                    "items": Object {
                      "properties": Object {
                        "price": Object {
                          "properties": Object {
                            "currency": Object {
                              "const": "INR",
                              "type": "string",
                            },
                            "paise": Object {
                              "description": "The same amount in paise (1 rupee = 100 paise)",
                              "type": "integer",
                            },
                            "value": Object {
                              "description": "Rupees as a decimal string with two places, as ONDC writes it",
                              "examples": Array [
                                "325.00",
                              ],
                              "type": "string",
                            },
                          },
                          "required": Array [
                            "currency",
                            "value",
                            "paise",
                          ],
                          "type": "object",
                        },
                        "quantity": Object {
                          "type": "integer",
                        },
                        "title": Object {
                          "type": "string",
                        },
                        "type": Object {
                          "type": "string",
                        },
                      },
                      "required": Array [
                        "type",
                        "title",
                        "price",
                      ],
                      "type": "object",
                    },
                    "type": "array",
                  },
                  "total": Object {
                    "properties": Object {
                      "currency": Object {
                        "const": "INR",
                        "type": "string",
                      },
                      "paise": Object {
                        "description": "The same amount in paise (1 rupee = 100 paise)",
                        "type": "integer",
                      },
                      "value": Object {
                        "description": "Rupees as a decimal string with two places, as ONDC writes it",
                        "examples": Array [
                          "325.00",
                        ],
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "currency",
                      "value",
                      "paise",
                    ],
                    "type": "object",
                  },
                },
                "required": Array [
                  "lines",
                  "total",
                  "expires_at",
                ],
                "type": "object",
              },
              "refusal": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "code": Object {
                        "type": "string",
                      },
                      "message": Object {
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "code",
                      "message",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
                "description": "Why the seller refused (ONDC error code and our words), or null",
              },
              "state": Object {
                "description": "quoted, initialized, payment_pending, paid, cod, confirming, confirmed or failed",
                "type": "string",
              },
            },
            "required": Array [
              "provider",
              "state",
              "items",
              "quote",
              "refusal",
              "payment_method",
              "payment",
              "order_id",
              "order_state",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "state": Object {
          "description": "The least advanced seller order decides: quoted … confirmed, failed or expired",
          "type": "string",
        },
        "total": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
      },
      "required": Array [
        "checkout_id",
        "state",
        "pincode",
        "sellers",
        "total",
        "next_step",
      ],
      "type": "object",
    },
    "title": "Checkout state",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": true,
      "readOnlyHint": true,
      "title": "Order status",
    },
    "description": "Ask the seller for the current state of an order placed in this session (Created, Accepted, In-progress, Completed, Cancelled) and its delivery state (Pending, Packed, Out-for-delivery, Order-delivered, …).",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "order_id": Object {
          "description": "An order id from confirm_order or list_orders",
          "pattern": "^ord_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "order_id",
      ],
      "type": "object",
    },
    "name": "get_order_status",
    "outputSchema": Object {
      "properties": Object {
        "cancellation": Object {
          "anyOf": Array [
            Object {
              "properties": Object {
                "by": Object {
                  "anyOf": Array [
                    Object {
                      "const": "buyer",
                      "type": "string",
                    },
                    Object {
                      "const": "seller",
                      "type": "string",
                    },
                  ],
                },
                "reason": Object {
                  "type": "string",
                },
                "reason_id": Object {
                  "description": "ONDC cancellation reason code",
                  "type": "string",
                },
              },
              "required": Array [
                "by",
                "reason_id",
                "reason",
              ],
              "type": "object",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "checkout_id": Object {
          "type": "string",
        },
        "created_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "deliver_to": Object {
          "properties": Object {
            "city": Object {
              "type": "string",
            },
            "locality": Object {
              "type": "string",
            },
            "name": Object {
              "type": "string",
            },
            "pincode": Object {
              "type": "string",
            },
          },
          "required": Array [
            "name",
            "locality",
            "city",
            "pincode",
          ],
          "type": "object",
        },
        "fulfillment_state": Object {
          "anyOf": Array [
            Object {
              "type": "string",
            },
            Object {
              "type": "null",
            },
          ],
          "description": "e.g. Pending, Packed, Out-for-delivery",
        },
        "items": Object {
          "items": Object {
            "properties": Object {
              "name": Object {
                "type": "string",
              },
              "product_id": Object {
                "type": "string",
              },
              "quantity": Object {
                "type": "integer",
              },
            },
            "required": Array [
              "product_id",
              "name",
              "quantity",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "order_id": Object {
          "type": "string",
        },
        "payment_method": Object {
          "anyOf": Array [
            Object {
              "const": "prepaid",
              "type": "string",
            },
            Object {
              "const": "cod",
              "type": "string",
            },
          ],
        },
        "provider": Object {
          "properties": Object {
            "id": Object {
              "type": "string",
            },
            "name": Object {
              "type": "string",
            },
          },
          "required": Array [
            "id",
            "name",
          ],
          "type": "object",
        },
        "returns": Object {
          "items": Object {
            "properties": Object {
              "product_id": Object {
                "type": "string",
              },
              "quantity": Object {
                "type": "integer",
              },
              "reason_id": Object {
                "type": "string",
              },
              "refund": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "return_id": Object {
                "type": "string",
              },
              "state": Object {
                "description": "Return_Initiated, Return_Approved, Return_Picked, Return_Delivered or Return_Rejected",
                "type": "string",
              },
            },
            "required": Array [
              "return_id",
              "product_id",
              "quantity",
              "reason_id",
              "state",
              "refund",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "state": Object {
          "description": "ONDC order state: Created, Accepted, In-progress, Completed or Cancelled",
          "type": "string",
        },
        "total": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "updated_at": Object {
          "format": "date-time",
          "type": "string",
        },
      },
      "required": Array [
        "order_id",
        "checkout_id",
        "provider",
        "state",
        "fulfillment_state",
        "items",
        "total",
        "payment_method",
        "deliver_to",
        "cancellation",
        "returns",
        "created_at",
        "updated_at",
      ],
      "type": "object",
    },
    "title": "Order status",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": true,
      "readOnlyHint": true,
      "title": "Track a delivery",
    },
    "description": "Where an order's delivery is now, as the seller reports it (ONDC track): a tracking link and the agent's last position once the order is picked up. Use get_order_status for the order's state.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "order_id": Object {
          "description": "An order id from confirm_order or list_orders",
          "pattern": "^ord_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "order_id",
      ],
      "type": "object",
    },
    "name": "track_order",
    "outputSchema": Object {
      "properties": Object {
        "active": Object {
          "description": "True while the delivery is on its way",
          "type": "boolean",
        },
        "fulfillment_state": Object {
          "anyOf": Array [
            Object {
              "type": "string",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "location": Object {
          "anyOf": Array [
            Object {
              "properties": Object {
                "at": Object {
                  "anyOf": Array [
                    Object {
                      "type": "string",
                    },
                    Object {
                      "type": "null",
                    },
                  ],
                },
                "lat": Object {
                  "type": "number",
                },
                "lon": Object {
                  "type": "number",
                },
              },
              "required": Array [
                "lat",
                "lon",
                "at",
              ],
              "type": "object",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "order_id": Object {
          "type": "string",
        },
        "tracking_url": Object {
          "anyOf": Array [
            Object {
              "type": "string",
            },
            Object {
              "type": "null",
            },
          ],
        },
      },
      "required": Array [
        "order_id",
        "active",
        "tracking_url",
        "location",
        "fulfillment_state",
      ],
      "type": "object",
    },
    "title": "Track a delivery",
  },
  Object {
    "annotations": Object {
      "destructiveHint": true,
      "idempotentHint": true,
      "openWorldHint": true,
      "readOnlyHint": false,
      "title": "Cancel an order",
    },
    "description": "Ask the seller to cancel an order before it is picked up, with the buyer's reason: 010 (the buyer wants to change details) or 999 (the order could not be confirmed). Confirm with the user first. Once picked up, the seller refuses (ONDC 50001): offer return_items after delivery instead.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "order_id": Object {
          "description": "An order id from confirm_order or list_orders",
          "pattern": "^ord_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "reason": Object {
          "anyOf": Array [
            Object {
              "const": "010",
              "type": "string",
            },
            Object {
              "const": "999",
              "type": "string",
            },
          ],
          "description": "ONDC buyer reason: 010 the buyer wants to change details, 999 the order could not be confirmed",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "order_id",
        "reason",
      ],
      "type": "object",
    },
    "name": "cancel_order",
    "outputSchema": Object {
      "properties": Object {
        "cancellation": Object {
          "anyOf": Array [
            Object {
              "properties": Object {
                "by": Object {
                  "anyOf": Array [
                    Object {
                      "const": "buyer",
                      "type": "string",
                    },
                    Object {
                      "const": "seller",
                      "type": "string",
                    },
                  ],
                },
                "reason": Object {
                  "type": "string",
                },
                "reason_id": Object {
                  "description": "ONDC cancellation reason code",
                  "type": "string",
                },
              },
              "required": Array [
                "by",
                "reason_id",
                "reason",
              ],
              "type": "object",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "checkout_id": Object {
          "type": "string",
        },
        "created_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "deliver_to": Object {
          "properties": Object {
            "city": Object {
              "type": "string",
            },
            "locality": Object {
              "type": "string",
            },
            "name": Object {
              "type": "string",
            },
            "pincode": Object {
              "type": "string",
            },
          },
          "required": Array [
            "name",
            "locality",
            "city",
            "pincode",
          ],
          "type": "object",
        },
        "fulfillment_state": Object {
          "anyOf": Array [
            Object {
              "type": "string",
            },
            Object {
              "type": "null",
            },
          ],
          "description": "e.g. Pending, Packed, Out-for-delivery",
        },
        "items": Object {
          "items": Object {
            "properties": Object {
              "name": Object {
                "type": "string",
              },
              "product_id": Object {
                "type": "string",
              },
              "quantity": Object {
                "type": "integer",
              },
            },
            "required": Array [
              "product_id",
              "name",
              "quantity",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "order_id": Object {
          "type": "string",
        },
        "payment_method": Object {
          "anyOf": Array [
            Object {
              "const": "prepaid",
              "type": "string",
            },
            Object {
              "const": "cod",
              "type": "string",
            },
          ],
        },
        "provider": Object {
          "properties": Object {
            "id": Object {
              "type": "string",
            },
            "name": Object {
              "type": "string",
            },
          },
          "required": Array [
            "id",
            "name",
          ],
          "type": "object",
        },
        "returns": Object {
          "items": Object {
            "properties": Object {
              "product_id": Object {
                "type": "string",
              },
              "quantity": Object {
                "type": "integer",
              },
              "reason_id": Object {
                "type": "string",
              },
              "refund": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "return_id": Object {
                "type": "string",
              },
              "state": Object {
                "description": "Return_Initiated, Return_Approved, Return_Picked, Return_Delivered or Return_Rejected",
                "type": "string",
              },
            },
            "required": Array [
              "return_id",
              "product_id",
              "quantity",
              "reason_id",
              "state",
              "refund",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "state": Object {
          "description": "ONDC order state: Created, Accepted, In-progress, Completed or Cancelled",
          "type": "string",
        },
        "total": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "updated_at": Object {
          "format": "date-time",
          "type": "string",
        },
      },
      "required": Array [
        "order_id",
        "checkout_id",
        "provider",
        "state",
        "fulfillment_state",
        "items",
        "total",
        "payment_method",
        "deliver_to",
        "cancellation",
        "returns",
        "created_at",
        "updated_at",
      ],
      "type": "object",
    },
    "title": "Cancel an order",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": true,
      "readOnlyHint": false,
      "title": "Return delivered items",
    },
    "description": "Ask the seller to take back items of a delivered order (ONDC update with a Return fulfillment), with a reason: 001 the buyer does not want the product any more; 002 the product is available for less elsewhere; 003 the product is damaged or defective; 004 the product is of the wrong quantity, size or colour; 005 the product is not what was shown or described. The seller approves, picks up and, once it has the items back, refunds them; get_order_status follows the return and shows the refund. Only returnable items of completed orders qualify.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "description": Object {
          "description": "In the shopper's words",
          "maxLength": 250,
          "minLength": 3,
          "type": "string",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "order_id": Object {
          "description": "An order id from confirm_order or list_orders",
          "pattern": "^ord_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "product_id": Object {
          "description": "Which product of the order",
          "maxLength": 200,
          "minLength": 3,
          "type": "string",
        },
        "quantity": Object {
          "maximum": 100,
          "minimum": 1,
          "type": "integer",
        },
        "reason": Object {
          "anyOf": Array [
            Object {
              "const": "001",
              "type": "string",
            },
            Object {
              "const": "002",
              "type": "string",
            },
            Object {
              "const": "003",
              "type": "string",
            },
            Object {
              "const": "004",
              "type": "string",
            },
            Object {
              "const": "005",
              "type": "string",
            },
          ],
          "description": "ONDC return reason code",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "order_id",
        "product_id",
        "quantity",
        "reason",
      ],
      "type": "object",
    },
    "name": "return_items",
    "outputSchema": Object {
      "properties": Object {
        "cancellation": Object {
          "anyOf": Array [
            Object {
              "properties": Object {
                "by": Object {
                  "anyOf": Array [
                    Object {
                      "const": "buyer",
                      "type": "string",
                    },
                    Object {
                      "const": "seller",
                      "type": "string",
                    },
                  ],
                },
                "reason": Object {
                  "type": "string",
                },
                "reason_id": Object {
                  "description": "ONDC cancellation reason code",
                  "type": "string",
                },
              },
              "required": Array [
                "by",
                "reason_id",
                "reason",
              ],
              "type": "object",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "checkout_id": Object {
          "type": "string",
        },
        "created_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "deliver_to": Object {
          "properties": Object {
            "city": Object {
              "type": "string",
            },
            "locality": Object {
              "type": "string",
            },
            "name": Object {
              "type": "string",
            },
            "pincode": Object {
              "type": "string",
            },
          },
          "required": Array [
            "name",
            "locality",
            "city",
            "pincode",
          ],
          "type": "object",
        },
        "fulfillment_state": Object {
          "anyOf": Array [
            Object {
              "type": "string",
            },
            Object {
              "type": "null",
            },
          ],
          "description": "e.g. Pending, Packed, Out-for-delivery",
        },
        "items": Object {
          "items": Object {
            "properties": Object {
              "name": Object {
                "type": "string",
              },
              "product_id": Object {
                "type": "string",
              },
              "quantity": Object {
                "type": "integer",
              },
            },
            "required": Array [
              "product_id",
              "name",
              "quantity",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "order_id": Object {
          "type": "string",
        },
        "payment_method": Object {
          "anyOf": Array [
            Object {
              "const": "prepaid",
              "type": "string",
            },
            Object {
              "const": "cod",
              "type": "string",
            },
          ],
        },
        "provider": Object {
          "properties": Object {
            "id": Object {
              "type": "string",
            },
            "name": Object {
              "type": "string",
            },
          },
          "required": Array [
            "id",
            "name",
          ],
          "type": "object",
        },
        "returns": Object {
          "items": Object {
            "properties": Object {
              "product_id": Object {
                "type": "string",
              },
              "quantity": Object {
                "type": "integer",
              },
              "reason_id": Object {
                "type": "string",
              },
              "refund": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "return_id": Object {
                "type": "string",
              },
              "state": Object {
                "description": "Return_Initiated, Return_Approved, Return_Picked, Return_Delivered or Return_Rejected",
                "type": "string",
              },
            },
            "required": Array [
              "return_id",
              "product_id",
              "quantity",
              "reason_id",
              "state",
              "refund",
            ],
            "type": "object",
          },
          "type": "array",
        },
        "state": Object {
          "description": "ONDC order state: Created, Accepted, In-progress, Completed or Cancelled",
          "type": "string",
        },
        "total": Object {
          "properties": Object {
            "currency": Object {
              "const": "INR",
              "type": "string",
            },
            "paise": Object {
              "description": "The same amount in paise (1 rupee = 100 paise)",
              "type": "integer",
            },
            "value": Object {
              "description": "Rupees as a decimal string with two places, as ONDC writes it",
              "examples": Array [
                "325.00",
              ],
              "type": "string",
            },
          },
          "required": Array [
            "currency",
            "value",
            "paise",
          ],
          "type": "object",
        },
        "updated_at": Object {
          "format": "date-time",
          "type": "string",
        },
      },
      "required": Array [
        "order_id",
        "checkout_id",
        "provider",
        "state",
        "fulfillment_state",
        "items",
        "total",
        "payment_method",
        "deliver_to",
        "cancellation",
        "returns",
        "created_at",
        "updated_at",
      ],
      "type": "object",
    },
    "title": "Return delivered items",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": true,
      "readOnlyHint": false,
      "title": "Rate a delivered order",
    },
    "description": "Send the shopper's ratings of a delivered order to the seller (ONDC rating): the order, and optionally the delivery and the seller. Only completed orders can be rated; ask the shopper for the stars.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "delivery": Object {
          "description": "The delivery, 1 (poor) to 5 (excellent)",
          "maximum": 5,
          "minimum": 1,
          "type": "integer",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "order": Object {
          "description": "The order as a whole, 1 (poor) to 5 (excellent)",
          "maximum": 5,
          "minimum": 1,
          "type": "integer",
        },
        "order_id": Object {
          "description": "An order id from confirm_order or list_orders",
          "pattern": "^ord_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "seller": Object {
          "description": "The seller, 1 (poor) to 5 (excellent)",
          "maximum": 5,
          "minimum": 1,
          "type": "integer",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "order_id",
        "order",
      ],
      "type": "object",
    },
    "name": "rate_order",
    "outputSchema": Object {
      "properties": Object {
        "accepted": Object {
          "type": "boolean",
        },
        "order_id": Object {
          "type": "string",
        },
        "ratings": Object {
          "patternProperties": Object {
            "^(.*)$": Object {
              "type": "integer",
            },
          },
          "type": "object",
        },
      },
      "required": Array [
        "order_id",
        "accepted",
        "ratings",
      ],
      "type": "object",
    },
    "title": "Rate a delivered order",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": true,
      "readOnlyHint": true,
      "title": "Seller's support contacts",
    },
    "description": "How to reach the seller's customer care about an order (ONDC support): phone, email and a link. For a formal complaint with a tracked resolution, use raise_grievance.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "order_id": Object {
          "description": "An order id from confirm_order or list_orders",
          "pattern": "^ord_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "order_id",
      ],
      "type": "object",
    },
    "name": "get_support_contacts",
    "outputSchema": Object {
      "properties": Object {
        "email": Object {
          "anyOf": Array [
            Object {
              "type": "string",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "order_id": Object {
          "type": "string",
        },
        "phone": Object {
          "anyOf": Array [
            Object {
              "type": "string",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "seller": Object {
          "type": "string",
        },
        "uri": Object {
          "anyOf": Array [
            Object {
              "type": "string",
            },
            Object {
              "type": "null",
            },
          ],
        },
      },
      "required": Array [
        "order_id",
        "seller",
        "phone",
        "email",
        "uri",
      ],
      "type": "object",
    },
    "title": "Seller's support contacts",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": true,
      "readOnlyHint": false,
      "title": "Raise a complaint",
    },
    "description": "Open a formal complaint about an order with the seller (ONDC IGM issue), with a tracked resolution: ITM01 missing items; ITM02 quantity issue; ITM03 item mismatch; ITM04 quality issue; ITM05 expired item; FLM01 wrong delivery address; FLM02 delay in delivery; FLM03 delayed delivery; FLM04 packaging; ORD01 order not received; ORD02 quality issue; PMT01 refund not received; PMT02 underpaid. Item complaints may name the product. Follow it with get_grievance_status.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "description": Object {
          "description": "What went wrong, in the shopper's words",
          "maxLength": 1000,
          "minLength": 10,
          "type": "string",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "order_id": Object {
          "description": "An order id from confirm_order or list_orders",
          "pattern": "^ord_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "product_id": Object {
          "description": "For item complaints: which product",
          "maxLength": 200,
          "minLength": 3,
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
        "sub_category": Object {
          "anyOf": Array [
            Object {
              "const": "ITM01",
              "type": "string",
            },
            Object {
              "const": "ITM02",
              "type": "string",
            },
            Object {
              "const": "ITM03",
              "type": "string",
            },
            Object {
              "const": "ITM04",
              "type": "string",
            },
            Object {
              "const": "ITM05",
              "type": "string",
            },
            Object {
              "const": "FLM01",
              "type": "string",
            },
            Object {
              "const": "FLM02",
              "type": "string",
            },
            Object {
              "const": "FLM03",
              "type": "string",
            },
            Object {
              "const": "FLM04",
              "type": "string",
            },
            Object {
              "const": "ORD01",
              "type": "string",
            },
            Object {
              "const": "ORD02",
              "type": "string",
            },
            Object {
              "const": "PMT01",
              "type": "string",
            },
            Object {
              "const": "PMT02",
              "type": "string",
            },
          ],
          "description": "IGM sub-category",
        },
      },
      "required": Array [
        "session_id",
        "order_id",
        "sub_category",
        "description",
      ],
      "type": "object",
    },
    "name": "raise_grievance",
    "outputSchema": Object {
      "properties": Object {
        "category": Object {
          "type": "string",
        },
        "created_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "grievance_id": Object {
          "type": "string",
        },
        "order_id": Object {
          "type": "string",
        },
        "resolution": Object {
          "anyOf": Array [
            Object {
              "properties": Object {
                "action": Object {
                  "type": "string",
                },
                "refund": Object {
                  "properties": Object {
                    "currency": Object {
                      "const": "INR",
                      "type": "string",
                    },
                    "paise": Object {
                      "description": "The same amount in paise (1 rupee = 100 paise)",
                      "type": "integer",
                    },
                    "value": Object {
                      "description": "Rupees as a decimal string with two places, as ONDC writes it",
                      "examples": Array [
                        "325.00",
                      ],
                      "type": "string",
                    },
                  },
                  "required": Array [
                    "currency",
                    "value",
                    "paise",
                  ],
                  "type": "object",
                },
                "text": Object {
                  "type": "string",
                },
              },
              "required": Array [
                "action",
                "text",
                "refund",
              ],
              "type": "object",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "respondent": Object {
          "anyOf": Array [
            Object {
              "properties": Object {
                "email": Object {
                  "anyOf": Array [
                    Object {
                      "type": "string",
                    },
                    Object {
                      "type": "null",
                    },
                  ],
                },
                "name": Object {
                  "type": "string",
                },
                "phone": Object {
                  "anyOf": Array [
                    Object {
                      "type": "string",
                    },
                    Object {
                      "type": "null",
                    },
                  ],
                },
              },
              "required": Array [
                "name",
                "phone",
                "email",
              ],
              "type": "object",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "status": Object {
          "description": "The seller's latest action: PROCESSING, RESOLVED…",
          "type": "string",
        },
        "sub_category": Object {
          "type": "string",
        },
        "updated_at": Object {
          "type": "string",
        },
      },
      "required": Array [
        "grievance_id",
        "order_id",
        "category",
        "sub_category",
        "status",
        "resolution",
        "respondent",
        "created_at",
        "updated_at",
      ],
      "type": "object",
    },
    "title": "Raise a complaint",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": true,
      "readOnlyHint": true,
      "title": "Complaint status",
    },
    "description": "Ask the seller where a complaint from raise_grievance stands (ONDC IGM issue_status): PROCESSING, RESOLVED, and the resolution (a refund, a replacement…).",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "grievance_id": Object {
          "description": "From raise_grievance",
          "pattern": "^grv_[A-Za-z0-9_-]{12}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "grievance_id",
      ],
      "type": "object",
    },
    "name": "get_grievance_status",
    "outputSchema": Object {
      "properties": Object {
        "category": Object {
          "type": "string",
        },
        "created_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "grievance_id": Object {
          "type": "string",
        },
        "order_id": Object {
          "type": "string",
        },
        "resolution": Object {
          "anyOf": Array [
            Object {
              "properties": Object {
                "action": Object {
                  "type": "string",
                },
                "refund": Object {
                  "properties": Object {
                    "currency": Object {
                      "const": "INR",
                      "type": "string",
                    },
                    "paise": Object {
                      "description": "The same amount in paise (1 rupee = 100 paise)",
                      "type": "integer",
                    },
                    "value": Object {
                      "description": "Rupees as a decimal string with two places, as ONDC writes it",
                      "examples": Array [
                        "325.00",
                      ],
                      "type": "string",
                    },
                  },
                  "required": Array [
                    "currency",
                    "value",
                    "paise",
                  ],
                  "type": "object",
                },
                "text": Object {
                  "type": "string",
                },
              },
              "required": Array [
                "action",
                "text",
                "refund",
              ],
              "type": "object",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "respondent": Object {
          "anyOf": Array [
            Object {
              "properties": Object {
                "email": Object {
                  "anyOf": Array [
                    Object {
                      "type": "string",
                    },
                    Object {
                      "type": "null",
                    },
                  ],
                },
                "name": Object {
                  "type": "string",
                },
                "phone": Object {
                  "anyOf": Array [
                    Object {
                      "type": "string",
                    },
                    Object {
                      "type": "null",
                    },
                  ],
                },
              },
              "required": Array [
                "name",
                "phone",
                "email",
              ],
              "type": "object",
            },
            Object {
              "type": "null",
            },
          ],
        },
        "status": Object {
          "description": "The seller's latest action: PROCESSING, RESOLVED…",
          "type": "string",
        },
        "sub_category": Object {
          "type": "string",
        },
        "updated_at": Object {
          "type": "string",
        },
      },
      "required": Array [
        "grievance_id",
        "order_id",
        "category",
        "sub_category",
        "status",
        "resolution",
        "respondent",
        "created_at",
        "updated_at",
      ],
      "type": "object",
    },
    "title": "Complaint status",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "List orders",
    },
    "description": "List the orders placed in this session, newest first, with their last known state. Next: get_order_status for fresh state.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "limit": Object {
          "default": 20,
          "description": "How many orders",
          "maximum": 100,
          "minimum": 1,
          "type": "integer",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "limit",
      ],
      "type": "object",
    },
    "name": "list_orders",
    "outputSchema": Object {
      "properties": Object {
        "orders": Object {
          "items": Object {
            "properties": Object {
              "cancellation": Object {
                "anyOf": Array [
                  Object {
                    "properties": Object {
                      "by": Object {
                        "anyOf": Array [
                          Object {
                            "const": "buyer",
                            "type": "string",
                          },
                          Object {
                            "const": "seller",
                            "type": "string",
                          },
                        ],
                      },
                      "reason": Object {
                        "type": "string",
                      },
                      "reason_id": Object {
                        "description": "ONDC cancellation reason code",
                        "type": "string",
                      },
                    },
                    "required": Array [
                      "by",
                      "reason_id",
                      "reason",
                    ],
                    "type": "object",
                  },
                  Object {
                    "type": "null",
                  },
                ],
              },
              "checkout_id": Object {
                "type": "string",
              },
              "created_at": Object {
                "format": "date-time",
                "type": "string",
              },
              "deliver_to": Object {
                "properties": Object {
                  "city": Object {
                    "type": "string",
                  },
                  "locality": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                  "pincode": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "name",
                  "locality",
                  "city",
                  "pincode",
                ],
                "type": "object",
              },
              "fulfillment_state": Object {
                "anyOf": Array [
                  Object {
                    "type": "string",
                  },
                  Object {
                    "type": "null",
                  },
                ],
                "description": "e.g. Pending, Packed, Out-for-delivery",
              },
              "items": Object {
                "items": Object {
                  "properties": Object {
                    "name": Object {
                      "type": "string",
                    },
                    "product_id": Object {
                      "type": "string",
                    },
                    "quantity": Object {
                      "type": "integer",
                    },
                  },
                  "required": Array [
                    "product_id",
                    "name",
                    "quantity",
                  ],
                  "type": "object",
                },
                "type": "array",
              },
              "order_id": Object {
                "type": "string",
              },
              "payment_method": Object {
                "anyOf": Array [
                  Object {
                    "const": "prepaid",
                    "type": "string",
                  },
                  Object {
                    "const": "cod",
                    "type": "string",
                  },
                ],
              },
              "provider": Object {
                "properties": Object {
                  "id": Object {
                    "type": "string",
                  },
                  "name": Object {
                    "type": "string",
                  },
                },
                "required": Array [
                  "id",
                  "name",
                ],
                "type": "object",
              },
              "returns": Object {
                "items": Object {
                  "properties": Object {
                    "product_id": Object {
                      "type": "string",
                    },
                    "quantity": Object {
                      "type": "integer",
                    },
                    "reason_id": Object {
                      "type": "string",
                    },
                    "refund": Object {
                      "properties": Object {
                        "currency": Object {
                          "const": "INR",
                          "type": "string",
                        },
                        "paise": Object {
                          "description": "The same amount in paise (1 rupee = 100 paise)",
                          "type": "integer",
                        },
                        "value": Object {
                          "description": "Rupees as a decimal string with two places, as ONDC writes it",
                          "examples": Array [
                            "325.00",
                          ],
                          "type": "string",
                        },
                      },
                      "required": Array [
                        "currency",
                        "value",
                        "paise",
                      ],
                      "type": "object",
                    },
                    "return_id": Object {
                      "type": "string",
                    },
                    "state": Object {
                      "description": "Return_Initiated, Return_Approved, Return_Picked, Return_Delivered or Return_Rejected",
                      "type": "string",
                    },
                  },
                  "required": Array [
                    "return_id",
                    "product_id",
                    "quantity",
                    "reason_id",
                    "state",
                    "refund",
                  ],
                  "type": "object",
                },
                "type": "array",
              },
              "state": Object {
                "description": "ONDC order state: Created, Accepted, In-progress, Completed or Cancelled",
                "type": "string",
              },
              "total": Object {
                "properties": Object {
                  "currency": Object {
                    "const": "INR",
                    "type": "string",
                  },
                  "paise": Object {
                    "description": "The same amount in paise (1 rupee = 100 paise)",
                    "type": "integer",
                  },
                  "value": Object {
                    "description": "Rupees as a decimal string with two places, as ONDC writes it",
                    "examples": Array [
                      "325.00",
                    ],
                    "type": "string",
                  },
                },
                "required": Array [
                  "currency",
                  "value",
                  "paise",
                ],
                "type": "object",
              },
              "updated_at": Object {
                "format": "date-time",
                "type": "string",
              },
            },
            "required": Array [
              "order_id",
              "checkout_id",
              "provider",
              "state",
              "fulfillment_state",
              "items",
              "total",
              "payment_method",
              "deliver_to",
              "cancellation",
              "returns",
              "created_at",
              "updated_at",
            ],
            "type": "object",
          },
          "type": "array",
        },
      },
      "required": Array [
        "orders",
      ],
      "type": "object",
    },
    "title": "List orders",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "ONDC log of an order",
    },
    "description": "Export every ONDC message of one order (the seller's catalog answer, select, init, confirm, status, …) as an ONDC certification document: { domain, version, flow, bap_id, bpp_id, payload }. For auditors and certification, rarely for shoppers.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "flow": Object {
          "anyOf": Array [
            Object {
              "const": "2",
              "type": "string",
            },
            Object {
              "const": "3",
              "type": "string",
            },
            Object {
              "const": "4",
              "type": "string",
            },
          ],
          "default": "2",
          "description": "Certification flow: 2 delivered order, 3 out of stock at select, 4 buyer cancel",
        },
        "order_id": Object {
          "description": "An order id from confirm_order or list_orders",
          "pattern": "^ord_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "order_id",
        "flow",
      ],
      "type": "object",
    },
    "name": "get_order_ondc_log",
    "outputSchema": Object {
      "properties": Object {
        "bap_id": Object {
          "type": "string",
        },
        "bpp_id": Object {
          "type": "string",
        },
        "domain": Object {
          "type": "string",
        },
        "flow": Object {
          "type": "string",
        },
        "payload": Object {
          "description": "Each step's message: { context, message, error? }",
          "patternProperties": Object {
            "^(.*)$": Object {},
          },
          "type": "object",
        },
        "version": Object {
          "type": "string",
        },
      },
      "required": Array [
        "domain",
        "version",
        "flow",
        "bap_id",
        "bpp_id",
        "payload",
      ],
      "type": "object",
    },
    "title": "ONDC log of an order",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "ONDC log of a checkout",
    },
    "description": "Export one seller's ONDC messages of a checkout as a certification document, also when no order came of it (flow 3: the seller refused at select, e.g. out of stock). For auditors and certification.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "checkout_id": Object {
          "description": "From select_items_for_order",
          "pattern": "^chk_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "flow": Object {
          "anyOf": Array [
            Object {
              "const": "2",
              "type": "string",
            },
            Object {
              "const": "3",
              "type": "string",
            },
            Object {
              "const": "4",
              "type": "string",
            },
          ],
          "default": "3",
          "description": "Certification flow",
        },
        "provider_id": Object {
          "description": "Which seller of the checkout",
          "maxLength": 100,
          "minLength": 1,
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "checkout_id",
        "provider_id",
        "flow",
      ],
      "type": "object",
    },
    "name": "get_checkout_ondc_log",
    "outputSchema": Object {
      "properties": Object {
        "bap_id": Object {
          "type": "string",
        },
        "bpp_id": Object {
          "type": "string",
        },
        "domain": Object {
          "type": "string",
        },
        "flow": Object {
          "type": "string",
        },
        "payload": Object {
          "description": "Each step's message: { context, message, error? }",
          "patternProperties": Object {
            "^(.*)$": Object {},
          },
          "type": "object",
        },
        "version": Object {
          "type": "string",
        },
      },
      "required": Array [
        "domain",
        "version",
        "flow",
        "bap_id",
        "bpp_id",
        "payload",
      ],
      "type": "object",
    },
    "title": "ONDC log of a checkout",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": true,
      "readOnlyHint": false,
      "title": "Log in by phone",
    },
    "description": "Start signing the shopper in: sends a six-digit one-time code by SMS to their Indian mobile number. Ask the shopper for the number, call this, then ask them for the code and call verify_otp. Codes expire after a few minutes; asking again too soon, or too many wrong codes, is refused for a while. Browsing and the cart work without logging in; saved addresses and order history need it.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "phone": Object {
          "description": "Indian mobile number: 10 digits starting 6-9, optionally after +91, 91 or 0",
          "examples": Array [
            "9876543210",
            "+919876543210",
          ],
          "pattern": "^(\\\\+91|91|0)?[6-9][0-9]{9}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "phone",
      ],
      "type": "object",
    },
    "name": "phone_login",
    "outputSchema": Object {
      "properties": Object {
        "expires_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "next_step": Object {
          "type": "string",
        },
        "sent_to": Object {
          "description": "The number, masked",
          "type": "string",
        },
      },
      "required": Array [
        "sent_to",
        "expires_at",
        "next_step",
      ],
      "type": "object",
    },
    "title": "Log in by phone",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": false,
      "readOnlyHint": false,
      "title": "Verify the login code",
    },
    "description": "Finish signing the shopper in with the six-digit code phone_login sent. On success the session is replaced: use the NEW session_id from now on (the old one stops working), and the cart comes along. The token is a signed session token for REST and /mcp clients that send Authorization: Bearer. A wrong code says how many tries are left; too many lock the number for a while.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "code": Object {
          "description": "The six-digit code from the SMS",
          "pattern": "^[0-9]{6}$",
          "type": "string",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "phone": Object {
          "description": "Indian mobile number: 10 digits starting 6-9, optionally after +91, 91 or 0",
          "examples": Array [
            "9876543210",
            "+919876543210",
          ],
          "pattern": "^(\\\\+91|91|0)?[6-9][0-9]{9}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "phone",
        "code",
      ],
      "type": "object",
    },
    "name": "verify_otp",
    "outputSchema": Object {
      "properties": Object {
        "session_id": Object {
          "description": "The signed-in session; replaces the one passed in",
          "type": "string",
        },
        "token": Object {
          "description": "Session token (JWT) for Authorization: Bearer",
          "type": "string",
        },
        "token_expires_at": Object {
          "format": "date-time",
          "type": "string",
        },
        "user": Object {
          "properties": Object {
            "id": Object {
              "type": "string",
            },
            "new_user": Object {
              "type": "boolean",
            },
            "phone": Object {
              "description": "Masked",
              "type": "string",
            },
          },
          "required": Array [
            "id",
            "phone",
            "new_user",
          ],
          "type": "object",
        },
      },
      "required": Array [
        "session_id",
        "token",
        "token_expires_at",
        "user",
      ],
      "type": "object",
    },
    "title": "Verify the login code",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": true,
      "title": "Saved addresses",
    },
    "description": "The signed-in user's saved delivery addresses, newest first. Offer them at checkout: initialize_order takes an address_id instead of the whole address. Needs a signed-in session (phone_login, verify_otp).",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
      ],
      "type": "object",
    },
    "name": "list_addresses",
    "outputSchema": Object {
      "properties": Object {
        "addresses": Object {
          "items": Object {
            "properties": Object {
              "address_id": Object {
                "type": "string",
              },
              "building": Object {
                "type": "string",
              },
              "city": Object {
                "type": "string",
              },
              "city_code": Object {
                "description": "ONDC city code of the pincode, e.g. std:080; '' when unknown",
                "type": "string",
              },
              "email": Object {
                "type": "string",
              },
              "gps": Object {
                "type": "string",
              },
              "house": Object {
                "type": "string",
              },
              "label": Object {
                "type": "string",
              },
              "locality": Object {
                "type": "string",
              },
              "name": Object {
                "type": "string",
              },
              "phone": Object {
                "type": "string",
              },
              "pincode": Object {
                "type": "string",
              },
              "state": Object {
                "type": "string",
              },
              "updated_at": Object {
                "format": "date-time",
                "type": "string",
              },
            },
            "required": Array [
              "address_id",
              "label",
              "name",
              "phone",
              "email",
              "house",
              "building",
              "locality",
              "city",
              "state",
              "pincode",
              "gps",
              "city_code",
              "updated_at",
            ],
            "type": "object",
          },
          "type": "array",
        },
      },
      "required": Array [
        "addresses",
      ],
      "type": "object",
    },
    "title": "Saved addresses",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": false,
      "openWorldHint": false,
      "readOnlyHint": false,
      "title": "Save an address",
    },
    "description": "Save a delivery address for the signed-in user. The pincode must be a real Indian pincode; city and state are filled from it when left out, and a state that does not match it is refused. Returns the address_id for initialize_order. Needs a signed-in session.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "building": Object {
          "description": "Building, apartment or house name",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "city": Object {
          "description": "Filled from the pincode when left out",
          "maxLength": 60,
          "minLength": 2,
          "type": "string",
        },
        "email": Object {
          "format": "email",
          "maxLength": 254,
          "type": "string",
        },
        "gps": Object {
          "description": "Delivery point as \\"lat,lon\\"",
          "examples": Array [
            "12.9352,77.6245",
          ],
          "pattern": "^-?\\\\d{1,2}\\\\.\\\\d{1,8},\\\\s?-?\\\\d{1,3}\\\\.\\\\d{1,8}$",
          "type": "string",
        },
        "house": Object {
          "description": "Flat, house or floor, e.g. \\"Flat 302\\"",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "label": Object {
          "description": "How the user calls it: Home, Office…",
          "maxLength": 30,
          "minLength": 1,
          "type": "string",
        },
        "locality": Object {
          "description": "Street and locality",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "name": Object {
          "description": "Full name of the person receiving orders",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "phone": Object {
          "description": "Ten-digit Indian mobile number",
          "pattern": "^[6-9][0-9]{9}$",
          "type": "string",
        },
        "pincode": Object {
          "description": "Six-digit Indian delivery pincode",
          "examples": Array [
            "560034",
          ],
          "pattern": "^[1-9][0-9]{5}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
        "state": Object {
          "description": "Filled from the pincode when left out",
          "maxLength": 60,
          "minLength": 2,
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "name",
        "phone",
        "email",
        "house",
        "building",
        "locality",
        "pincode",
      ],
      "type": "object",
    },
    "name": "add_address",
    "outputSchema": Object {
      "properties": Object {
        "address_id": Object {
          "type": "string",
        },
        "building": Object {
          "type": "string",
        },
        "city": Object {
          "type": "string",
        },
        "city_code": Object {
          "description": "ONDC city code of the pincode, e.g. std:080; '' when unknown",
          "type": "string",
        },
        "email": Object {
          "type": "string",
        },
        "gps": Object {
          "type": "string",
        },
        "house": Object {
          "type": "string",
        },
        "label": Object {
          "type": "string",
        },
        "locality": Object {
          "type": "string",
        },
        "name": Object {
          "type": "string",
        },
        "phone": Object {
          "type": "string",
        },
        "pincode": Object {
          "type": "string",
        },
        "state": Object {
          "type": "string",
        },
        "updated_at": Object {
          "format": "date-time",
          "type": "string",
        },
      },
      "required": Array [
        "address_id",
        "label",
        "name",
        "phone",
        "email",
        "house",
        "building",
        "locality",
        "city",
        "state",
        "pincode",
        "gps",
        "city_code",
        "updated_at",
      ],
      "type": "object",
    },
    "title": "Save an address",
  },
  Object {
    "annotations": Object {
      "destructiveHint": false,
      "idempotentHint": true,
      "openWorldHint": false,
      "readOnlyHint": false,
      "title": "Change a saved address",
    },
    "description": "Change some fields of one of the signed-in user's saved addresses; the result is checked like a new one (a new pincode brings its own city, state and point unless given).",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "address_id": Object {
          "description": "From add_address or list_addresses",
          "pattern": "^adr_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "building": Object {
          "description": "Building, apartment or house name",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "city": Object {
          "description": "Filled from the pincode when left out",
          "maxLength": 60,
          "minLength": 2,
          "type": "string",
        },
        "email": Object {
          "format": "email",
          "maxLength": 254,
          "type": "string",
        },
        "gps": Object {
          "description": "Delivery point as \\"lat,lon\\"",
          "examples": Array [
            "12.9352,77.6245",
          ],
          "pattern": "^-?\\\\d{1,2}\\\\.\\\\d{1,8},\\\\s?-?\\\\d{1,3}\\\\.\\\\d{1,8}$",
          "type": "string",
        },
        "house": Object {
          "description": "Flat, house or floor, e.g. \\"Flat 302\\"",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "label": Object {
          "description": "How the user calls it: Home, Office…",
          "maxLength": 30,
          "minLength": 1,
          "type": "string",
        },
        "locality": Object {
          "description": "Street and locality",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "name": Object {
          "description": "Full name of the person receiving orders",
          "maxLength": 100,
          "minLength": 4,
          "type": "string",
        },
        "phone": Object {
          "description": "Ten-digit Indian mobile number",
          "pattern": "^[6-9][0-9]{9}$",
          "type": "string",
        },
        "pincode": Object {
          "description": "Six-digit Indian delivery pincode",
          "examples": Array [
            "560034",
          ],
          "pattern": "^[1-9][0-9]{5}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
        "state": Object {
          "description": "Filled from the pincode when left out",
          "maxLength": 60,
          "minLength": 2,
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "address_id",
      ],
      "type": "object",
    },
    "name": "update_address",
    "outputSchema": Object {
      "properties": Object {
        "address_id": Object {
          "type": "string",
        },
        "building": Object {
          "type": "string",
        },
        "city": Object {
          "type": "string",
        },
        "city_code": Object {
          "description": "ONDC city code of the pincode, e.g. std:080; '' when unknown",
          "type": "string",
        },
        "email": Object {
          "type": "string",
        },
        "gps": Object {
          "type": "string",
        },
        "house": Object {
          "type": "string",
        },
        "label": Object {
          "type": "string",
        },
        "locality": Object {
          "type": "string",
        },
        "name": Object {
          "type": "string",
        },
        "phone": Object {
          "type": "string",
        },
        "pincode": Object {
          "type": "string",
        },
        "state": Object {
          "type": "string",
        },
        "updated_at": Object {
          "format": "date-time",
          "type": "string",
        },
      },
      "required": Array [
        "address_id",
        "label",
        "name",
        "phone",
        "email",
        "house",
        "building",
        "locality",
        "city",
        "state",
        "pincode",
        "gps",
        "city_code",
        "updated_at",
      ],
      "type": "object",
    },
    "title": "Change a saved address",
  },
  Object {
    "annotations": Object {
      "destructiveHint": true,
      "idempotentHint": false,
      "openWorldHint": false,
      "readOnlyHint": false,
      "title": "Delete a saved address",
    },
    "description": "Delete one of the signed-in user's saved addresses. Orders already placed keep the address they were sent to.",
    "inputSchema": Object {
      "additionalProperties": false,
      "properties": Object {
        "address_id": Object {
          "description": "From add_address or list_addresses",
          "pattern": "^adr_[A-Za-z0-9_-]{16}$",
          "type": "string",
        },
        "idempotency_key": Object {
          "description": "Any unique string (8-128 of A-Z a-z 0-9 _ . : -), e.g. a UUID, chosen by the caller per intended change. A retry with the same key and input returns the first result instead of acting twice.",
          "pattern": "^[A-Za-z0-9_.:-]{8,128}$",
          "type": "string",
        },
        "session_id": Object {
          "description": "The shopping session id from initialize_shopping (shop_ followed by 24 random characters)",
          "examples": Array [
            "shop_3q2-7Yw0bX9vV1kP4mZr8sTa",
          ],
          "pattern": "^shop_[A-Za-z0-9_-]{22,64}$",
          "type": "string",
        },
      },
      "required": Array [
        "session_id",
        "address_id",
      ],
      "type": "object",
    },
    "name": "delete_address",
    "outputSchema": Object {
      "properties": Object {
        "deleted": Object {
          "type": "string",
        },
      },
      "required": Array [
        "deleted",
      ],
      "type": "object",
    },
    "title": "Delete a saved address",
  },
]
`
