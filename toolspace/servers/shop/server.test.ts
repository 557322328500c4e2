import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer } from "../shared/test-client";

let s: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  s = await startServer("toolspace/servers/shop/server.ts");
});
afterAll(() => s.close());

type Row = { sku: string; price: number; stock: number };
const stock = async (sku: string) => ((await s.call("check_stock", { skus: [sku] })).json as Row[])[0].stock;

it("lists 13 tools", async () => {
  expect((await s.client.listTools()).tools).toHaveLength(13);
});

it("searches with text, stock, category, price and sort", async () => {
  const tents = (await s.call("search_products", { query: "tent" })).json as { products: Row[] };
  expect(tents.products.map((p) => p.sku)).toEqual(["SKU-2003", "SKU-2004"]);
  const inStock = (await s.call("search_products", { query: "tent", in_stock: true })).json as { products: Row[] };
  expect(inStock.products.map((p) => p.sku)).toEqual(["SKU-2003"]);
  const cheap = (await s.call("search_products", { category: "kitchen", max_price: 30, sort: "price_asc" })).json as {
    products: Row[];
  };
  expect(cheap.products.map((p) => p.price)).toEqual([27, 27, 28]);
  const navy = (await s.call("search_products", { query: "navy jacket" })).json as { total: number };
  expect(navy.total).toBe(2);
  const cats = (await s.call("list_categories")).json as { id: string; products: number }[];
  expect(cats.reduce((n, c) => n + c.products, 0)).toBe(60);
});

it("compares products attribute by attribute", async () => {
  const c = (await s.call("compare_products", { skus: ["SKU-2001", "SKU-2002"] })).json as {
    rows: Record<string, Record<string, unknown>>;
    cheapest: string;
  };
  expect(c.rows.weight_kg).toEqual({ "SKU-2001": 0.95, "SKU-2002": 1.35 });
  expect(c.rows.capacity_l).toEqual({ "SKU-2001": 28, "SKU-2002": 40 });
  expect(c.cheapest).toBe("SKU-2001");
});

it("takes orders from stock, refuses what is short, and restocks on cancel", async () => {
  expect(await stock("SKU-2003")).toBe(3);
  const o = (
    await s.call("place_order", { customer: "Ida Lind", country: "SE", items: [{ sku: "SKU-2003", quantity: 2 }] })
  ).json as {
    id: string;
    shipping: number;
    total: number;
  };
  // 2 tents of 2.1 kg to the EU: the 5 kg band
  expect(o).toMatchObject({ id: "ORD-5004", shipping: 14.9, total: 512.9 });
  expect(await stock("SKU-2003")).toBe(1);
  const again = await s.call("place_order", {
    customer: "Ida Lind",
    country: "SE",
    items: [{ sku: "SKU-2003", quantity: 2 }],
  });
  expect(again).toMatchObject({ isError: true, text: "Not enough stock: SKU-2003 has 1, ordered 2." });
  expect(await stock("SKU-2003")).toBe(1);
  const split = await s.call("place_order", {
    customer: "Ida Lind",
    country: "SE",
    items: [
      { sku: "SKU-2003", quantity: 1 },
      { sku: "sku-2003", quantity: 1 },
    ],
  });
  expect(split.text).toBe("Not enough stock: SKU-2003 has 1, ordered 2.");
  expect((await s.call("cancel_order", { id: "ORD-5004" })).json).toMatchObject({ status: "cancelled" });
  expect(await stock("SKU-2003")).toBe(3);
  expect((await s.call("cancel_order", { id: "ORD-5004" })).text).toMatch(/is cancelled/);
  expect((await s.call("cancel_order", { id: "ORD-5002" })).text).toMatch(/ORD-5002 is shipped/);
});

it("prices a cart with discount rules and ships it", async () => {
  await s.call("add_to_cart", { sku: "SKU-2044" });
  await s.call("add_to_cart", { sku: "SKU-2045", quantity: 2 });
  await s.call("remove_from_cart", { sku: "SKU-2045", quantity: 1 });
  expect((await s.call("apply_discount_code", { code: "AUTUMN15" })).text).toBe("AUTUMN15 expired on 2026-10-31.");
  expect((await s.call("apply_discount_code", { code: "OUTDOOR20" })).text).toMatch(/only to outdoor items/);
  expect((await s.call("apply_discount_code", { code: "save25" })).isError).toBe(false);
  const view = (await s.call("view_cart", { country: "FR" })).json as Record<string, number>;
  // 139 + 89 = 228, minus 25; 5.52 kg to the EU is the 10 kg band
  expect(view).toMatchObject({ subtotal: 228, discount: 25, weight_kg: 5.52, shipping: 21, total: 224 });
  const o = (await s.call("place_order", { customer: "Hugo Martin", country: "FR" })).json as {
    id: string;
    total: number;
  };
  expect(o.total).toBe(224);
  expect((await s.call("get_order", { id: o.id })).json).toMatchObject({ discount_code: "SAVE25", status: "placed" });
  expect(await stock("SKU-2044")).toBe(4);
  expect((await s.call("view_cart")).json).toMatchObject({ lines: [], subtotal: 0 });
});

it("estimates shipping from the rate table", async () => {
  expect((await s.call("estimate_shipping", { country: "us", weight_kg: 2 })).json).toMatchObject({
    zone: "north-america",
    cost: 39,
    delivery_days: { min: 5, max: 10 },
  });
  expect((await s.call("estimate_shipping", { country: "JP", weight_kg: 0.5 })).json).toMatchObject({
    zone: "world",
    cost: 32,
  });
  expect((await s.call("estimate_shipping", { country: "DE", weight_kg: 3, order_total: 80 })).json).toMatchObject({
    cost: 0,
  });
});

it("answers bad input with a clear error", async () => {
  expect((await s.call("get_product", { sku: "SKU-9999" })).text).toMatch(/No product SKU-9999/);
  expect((await s.call("add_to_cart", { sku: "SKU-2004" })).text).toMatch(/Only 0 of SKU-2004/);
  expect((await s.call("estimate_shipping", { country: "France", weight_kg: 1 })).text).toMatch(/two-letter ISO code/);
  expect((await s.call("estimate_shipping", { country: "DE", weight_kg: 90 })).text).toMatch(/freight/);
  expect((await s.call("apply_discount_code", { code: "FREESTUFF" })).text).toMatch(/does not exist/);
  expect((await s.call("place_order", { customer: "X", country: "DE" })).text).toMatch(/cart is empty/);
  expect((await s.call("compare_products", { skus: ["SKU-2001"] })).isError).toBe(true);
});
