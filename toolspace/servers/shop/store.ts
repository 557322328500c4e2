// The shop's state: catalogue, codes, rates and orders seeded from data/*.json, one cart per
// process. Orders change stock in place, so later searches and stock checks see them.
import { readFileSync } from "node:fs";
import { ToolError, toolspaceToday } from "../shared/serve";

export type Product = {
  sku: string;
  name: string;
  category: string;
  brand: string;
  price: number;
  currency: string;
  stock: number;
  rating: number;
  attributes: Record<string, string | number | boolean>;
};
type Discount = {
  code: string;
  type: "percent" | "amount";
  value: number;
  min_total: number;
  expires: string;
  category: string | null;
  description: string;
};
type Zone = { zone: string; countries: string[]; days: [number, number] };
export type Line = { sku: string; name: string; quantity: number; price: number };
export type Order = {
  id: string;
  status: "placed" | "shipped" | "delivered" | "cancelled";
  placed: string;
  country: string;
  customer: string;
  lines: Line[];
  discount_code: string | null;
  discount: number;
  subtotal: number;
  shipping: number;
  total: number;
  currency: string;
  weight_kg: number;
};

const load = (f: string) => JSON.parse(readFileSync(new URL(`./data/${f}`, import.meta.url), "utf8"));
const catalogue = load("products.json") as { categories: { id: string; name: string }[]; products: Product[] };
const store = load("store.json") as {
  discounts: Discount[];
  shipping: { free_over: { zone: string; subtotal: number }; zones: Zone[]; rates: Record<string, number>[] };
  orders: Order[];
};
export const categories = catalogue.categories;
export const products = new Map(catalogue.products.map((p) => [p.sku, p]));
export const orders = new Map(store.orders.map((o) => [o.id, o]));
export const cart = { lines: new Map<string, number>(), code: null as string | null };

export const round2 = (n: number) => Math.round(n * 100) / 100;
export const today = toolspaceToday;

export function product(sku: string): Product {
  const p = products.get(sku.trim().toUpperCase());
  if (!p) throw new ToolError(`No product ${sku}. SKUs look like SKU-2041; use search_products to find one.`);
  return p;
}

export function category(id: string) {
  const c = categories.find((x) => x.id === id.toLowerCase());
  if (!c) throw new ToolError(`No category "${id}". Categories: ${categories.map((x) => x.id).join(", ")}.`);
  return c;
}

export function order(id: string): Order {
  const o = orders.get(id.trim().toUpperCase());
  if (!o) throw new ToolError(`No order ${id}. Order ids look like ORD-5001.`);
  return o;
}

export function discount(code: string): Discount {
  const d = store.discounts.find((x) => x.code === code.trim().toUpperCase());
  if (!d) throw new ToolError(`Discount code "${code}" does not exist.`);
  return d;
}

/** What a code takes off these lines, or why it does not apply. Category codes count only the
 * lines of their category, for the minimum as for the reduction. */
export function discountFor(code: string, lines: Line[]): { amount: number; reason?: string } {
  const d = discount(code);
  if (d.expires < today()) return { amount: 0, reason: `${d.code} expired on ${d.expires}.` };
  const eligible = round2(
    lines
      .filter((l) => !d.category || product(l.sku).category === d.category)
      .reduce((s, l) => s + l.price * l.quantity, 0),
  );
  if (eligible === 0)
    return { amount: 0, reason: `${d.code} applies only to ${d.category} items; none are in the order.` };
  if (eligible < d.min_total)
    return {
      amount: 0,
      reason: `${d.code} needs ${d.category ? `${d.category} items totalling` : "a total of"} ${d.min_total} EUR; this order has ${eligible} EUR.`,
    };
  return { amount: round2(d.type === "percent" ? (eligible * d.value) / 100 : Math.min(d.value, eligible)) };
}

export function shippingFor(country: string, weightKg: number, goodsTotal?: number) {
  const cc = country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(cc))
    throw new ToolError(`Country must be a two-letter ISO code such as DE, FR or US; got "${country}".`);
  const z =
    store.shipping.zones.find((x) => x.countries.includes(cc)) ??
    store.shipping.zones.find((x) => x.countries.includes("*"));
  if (!z) throw new ToolError(`No shipping zone covers ${cc}.`);
  const band = store.shipping.rates.find((r) => weightKg <= r.max_kg);
  if (!band)
    throw new ToolError(`Parcels above ${store.shipping.rates.at(-1)?.max_kg} kg ship by freight; contact the shop.`);
  const free = store.shipping.free_over;
  const isFree = z.zone === free.zone && goodsTotal !== undefined && goodsTotal >= free.subtotal;
  return {
    country: cc,
    zone: z.zone,
    weight_kg: round2(weightKg),
    band_max_kg: band.max_kg,
    cost: isFree ? 0 : band[z.zone],
    currency: "EUR",
    delivery_days: { min: z.days[0], max: z.days[1] },
    ...(isFree ? { note: `Free ${free.zone} shipping over ${free.subtotal} EUR.` } : {}),
  };
}

export const weightOf = (sku: string) => Number(product(sku).attributes.weight_kg ?? 0);

/** Prices lines with an optional code; the code's failure is reported, not thrown, so a cart
 * that drops below a minimum still shows its total. */
export function price(lines: Line[], code: string | null) {
  const subtotal = round2(lines.reduce((s, l) => s + l.price * l.quantity, 0));
  const d = code ? discountFor(code, lines) : { amount: 0 };
  const weight = round2(lines.reduce((s, l) => s + weightOf(l.sku) * l.quantity, 0));
  return {
    subtotal,
    discount_code: code,
    discount: d.amount,
    discount_note: d.reason,
    weight_kg: weight,
    goods_total: round2(subtotal - d.amount),
  };
}

export const cartLines = (): Line[] =>
  [...cart.lines].map(([sku, quantity]) => {
    const p = product(sku);
    return { sku, name: p.name, quantity, price: p.price };
  });

export function nextOrderId() {
  return `ORD-${Math.max(...[...orders.keys()].map((k) => Number(k.slice(4)))) + 1}`;
}
