// Product catalogue and orders over stdio: search, compare, a cart with discount codes, orders
// that take and return stock, and shipping from a rate table.
import { z } from "zod";
import { serveStdio, ToolError, tool } from "../shared/serve";
import {
  cart,
  cartLines,
  categories,
  category,
  discount,
  discountFor,
  type Line,
  nextOrderId,
  type Order,
  order,
  orders,
  type Product,
  price,
  product,
  products,
  round2,
  shippingFor,
  today,
} from "./store";

const sku = z.string().describe("Product SKU, e.g. SKU-2041");
const country = z.string().describe("Two-letter ISO country code, e.g. DE, FR, US");
const brief = (p: Product) => ({
  sku: p.sku,
  name: p.name,
  category: p.category,
  brand: p.brand,
  price: p.price,
  stock: p.stock,
  rating: p.rating,
});
const words = (s: string): string[] => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const haystack = (p: Product) =>
  words([p.name, p.brand, p.category, ...Object.values(p.attributes).map(String)].join(" "));

function checkout(lines: Line[], code: string | null, dest: string) {
  const priced = price(lines, code);
  const ship = shippingFor(dest, priced.weight_kg, priced.goods_total);
  return {
    lines,
    ...priced,
    shipping: ship.cost,
    shipping_zone: ship.zone,
    total: round2(priced.goods_total + ship.cost),
    currency: "EUR",
  };
}

/** Order lines for the given items; the same SKU twice counts as one line, so the stock check sees the sum. */
function itemLines(items: { sku: string; quantity: number }[]): Line[] {
  const qty = new Map<string, number>();
  for (const i of items) qty.set(product(i.sku).sku, (qty.get(product(i.sku).sku) ?? 0) + i.quantity);
  return [...qty].map(([sku, quantity]) => ({ sku, name: product(sku).name, quantity, price: product(sku).price }));
}

const tools = [
  tool({
    name: "search_products",
    description:
      "Search the product catalogue by text (name, brand, colour, size...) with category, price range and stock filters, sorted as asked.",
    input: {
      query: z.string().optional().describe("Words that must all occur"),
      category: z.string().optional(),
      min_price: z.number().nonnegative().optional(),
      max_price: z.number().nonnegative().optional(),
      in_stock: z.boolean().optional().describe("Only products with stock > 0"),
      sort: z.enum(["relevance", "price_asc", "price_desc", "rating"]).default("relevance"),
      limit: z.number().int().min(1).max(60).default(10),
    },
    run: (a) => {
      if (a.category) category(a.category);
      const q = words(a.query ?? "");
      const scored = [...products.values()]
        .filter((p) => (!a.category || p.category === a.category.toLowerCase()) && (!a.in_stock || p.stock > 0))
        .filter(
          (p) =>
            (a.min_price === undefined || p.price >= a.min_price) &&
            (a.max_price === undefined || p.price <= a.max_price),
        )
        .map((p) => {
          const h = haystack(p);
          const name = words(p.name);
          const hits = q.map((w) => (h.some((x) => x.startsWith(w)) ? 1 + (name.includes(w) ? 1 : 0) : 0));
          return { p, score: hits.includes(0) ? 0 : hits.reduce((s, x) => s + x, 1) };
        })
        .filter((r) => r.score > 0);
      const cmp = {
        relevance: (x: (typeof scored)[0], y: (typeof scored)[0]) => y.score - x.score || y.p.rating - x.p.rating,
        price_asc: (x: (typeof scored)[0], y: (typeof scored)[0]) => x.p.price - y.p.price,
        price_desc: (x: (typeof scored)[0], y: (typeof scored)[0]) => y.p.price - x.p.price,
        rating: (x: (typeof scored)[0], y: (typeof scored)[0]) => y.p.rating - x.p.rating,
      }[a.sort];
      scored.sort((x, y) => cmp(x, y) || x.p.sku.localeCompare(y.p.sku));
      return { total: scored.length, products: scored.slice(0, a.limit).map((r) => brief(r.p)) };
    },
  }),
  tool({
    name: "get_product",
    description: "Get a product's full record: price, stock, rating and attributes such as size, colour and weight.",
    input: { sku },
    run: ({ sku }) => product(sku),
  }),
  tool({
    name: "list_categories",
    description: "List product categories with product counts, price range and how many are in stock.",
    input: {},
    run: () =>
      categories.map((c) => {
        const ps = [...products.values()].filter((p) => p.category === c.id);
        const prices = ps.map((p) => p.price);
        return {
          ...c,
          products: ps.length,
          in_stock: ps.filter((p) => p.stock > 0).length,
          min_price: Math.min(...prices),
          max_price: Math.max(...prices),
        };
      }),
  }),
  tool({
    name: "compare_products",
    description:
      "Compare 2 to 4 products side by side: price, rating, stock and every attribute any of them has (null where one lacks it).",
    input: { skus: z.array(sku).min(2).max(4) },
    run: ({ skus }) => {
      const ps = skus.map(product);
      const keys = [...new Set(ps.flatMap((p) => Object.keys(p.attributes)))].sort();
      const row = (get: (p: Product) => unknown) => Object.fromEntries(ps.map((p) => [p.sku, get(p) ?? null]));
      return {
        products: ps.map((p) => ({ sku: p.sku, name: p.name })),
        rows: {
          brand: row((p) => p.brand),
          price: row((p) => p.price),
          rating: row((p) => p.rating),
          stock: row((p) => p.stock),
          ...Object.fromEntries(keys.map((k) => [k, row((p) => p.attributes[k])])),
        },
        cheapest: [...ps].sort((x, y) => x.price - y.price)[0].sku,
        best_rated: [...ps].sort((x, y) => y.rating - x.rating)[0].sku,
      };
    },
  }),
  tool({
    name: "check_stock",
    description: "Check how many units of one or more products are available now.",
    input: { skus: z.array(sku).min(1).max(20) },
    run: ({ skus }) =>
      skus.map(product).map((p) => ({ sku: p.sku, name: p.name, stock: p.stock, in_stock: p.stock > 0 })),
  }),
  tool({
    name: "add_to_cart",
    description: "Add units of a product to the shopping cart. Refused when the cart would hold more than the stock.",
    input: { sku, quantity: z.number().int().min(1).default(1) },
    run: ({ sku, quantity }) => {
      const p = product(sku);
      const want = (cart.lines.get(p.sku) ?? 0) + quantity;
      if (want > p.stock)
        throw new ToolError(`Only ${p.stock} of ${p.sku} (${p.name}) in stock; the cart would hold ${want}.`);
      cart.lines.set(p.sku, want);
      return { added: { sku: p.sku, quantity }, cart: price(cartLines(), cart.code) };
    },
  }),
  tool({
    name: "view_cart",
    description: "Show the cart: lines, subtotal, discount, weight and, with a country, shipping and total.",
    input: { country: country.optional() },
    run: ({ country }) => {
      const lines = cartLines();
      return country ? checkout(lines, cart.code, country) : { lines, ...price(lines, cart.code) };
    },
  }),
  tool({
    name: "remove_from_cart",
    description: "Remove a product from the cart, or only some of its units.",
    input: { sku, quantity: z.number().int().min(1).optional().describe("Units to remove; all when left out") },
    run: ({ sku, quantity }) => {
      const p = product(sku);
      const have = cart.lines.get(p.sku);
      if (!have) throw new ToolError(`${p.sku} is not in the cart.`);
      if (quantity === undefined || quantity >= have) cart.lines.delete(p.sku);
      else cart.lines.set(p.sku, have - quantity);
      return {
        removed: { sku: p.sku, quantity: Math.min(quantity ?? have, have) },
        cart: price(cartLines(), cart.code),
      };
    },
  }),
  tool({
    name: "apply_discount_code",
    description:
      "Apply a discount code to the cart. Codes have rules: percent or fixed amount, a minimum total, an expiry date and sometimes a category.",
    input: { code: z.string() },
    run: ({ code }) => {
      const d = discount(code);
      const lines = cartLines();
      if (lines.length === 0) throw new ToolError("The cart is empty; add products before applying a code.");
      const r = discountFor(d.code, lines);
      if (r.reason) throw new ToolError(r.reason);
      cart.code = d.code;
      return { applied: d.code, rule: d.description, cart: price(lines, d.code) };
    },
  }),
  tool({
    name: "place_order",
    description:
      "Place an order for the cart's contents (or for the given items), shipped to a country. Takes the units from stock; refused if any item is short.",
    input: {
      customer: z.string().min(1).describe("Customer's name"),
      country,
      items: z
        .array(z.object({ sku, quantity: z.number().int().min(1) }))
        .optional()
        .describe("Order these instead of the cart"),
      discount_code: z.string().optional().describe("Defaults to the code applied to the cart"),
    },
    run: (a) => {
      const lines: Line[] = a.items ? itemLines(a.items) : cartLines();
      if (lines.length === 0) throw new ToolError("Nothing to order: the cart is empty and no items were given.");
      const short = lines.filter((l) => product(l.sku).stock < l.quantity);
      if (short.length)
        throw new ToolError(
          `Not enough stock: ${short.map((l) => `${l.sku} has ${product(l.sku).stock}, ordered ${l.quantity}`).join("; ")}.`,
        );
      const code = a.discount_code ?? (a.items ? null : cart.code);
      if (code) {
        const r = discountFor(code, lines);
        if (r.reason) throw new ToolError(r.reason);
      }
      const c = checkout(lines, code ? discount(code).code : null, a.country);
      for (const l of lines) product(l.sku).stock -= l.quantity;
      const o: Order = {
        id: nextOrderId(),
        status: "placed",
        placed: today(),
        country: a.country.toUpperCase(),
        customer: a.customer,
        lines,
        discount_code: c.discount_code,
        discount: c.discount,
        subtotal: c.subtotal,
        shipping: c.shipping,
        total: c.total,
        currency: "EUR",
        weight_kg: c.weight_kg,
      };
      orders.set(o.id, o);
      if (!a.items) {
        cart.lines.clear();
        cart.code = null;
      }
      return o;
    },
  }),
  tool({
    name: "get_order",
    description: "Get an order: its lines, totals, shipping and status.",
    input: { id: z.string().describe("Order id, e.g. ORD-5003") },
    run: ({ id }) => order(id),
  }),
  tool({
    name: "cancel_order",
    description: "Cancel an order that has not shipped yet; its units go back into stock.",
    input: { id: z.string().describe("Order id, e.g. ORD-5003") },
    run: ({ id }) => {
      const o = order(id);
      if (o.status !== "placed")
        throw new ToolError(`${o.id} is ${o.status}; only orders not yet shipped can be cancelled.`);
      for (const l of o.lines) product(l.sku).stock += l.quantity;
      o.status = "cancelled";
      return {
        id: o.id,
        status: o.status,
        restocked: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, stock: product(l.sku).stock })),
      };
    },
  }),
  tool({
    name: "estimate_shipping",
    description:
      "Estimate shipping cost and delivery days to a country for a parcel weight, from the shop's rate table.",
    input: {
      country,
      weight_kg: z.number().positive(),
      order_total: z.number().nonnegative().optional().describe("Goods total, for the free-shipping threshold"),
    },
    run: ({ country, weight_kg, order_total }) => shippingFor(country, weight_kg, order_total),
  }),
];

await serveStdio("shop", "1.0.0", tools);
