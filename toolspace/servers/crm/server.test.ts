import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer } from "../shared/test-client";

let s: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  s = await startServer("toolspace/servers/crm/server.ts");
}, 30_000);
afterAll(() => s.close());

it("lists twelve tools", async () => {
  expect((await s.client.listTools()).tools).toHaveLength(12);
});

it("finds a company with its contacts and deals", async () => {
  const r = (await s.call("get_company", { company: "Northwind Logistics" })).json as {
    id: string;
    contacts: { id: string }[];
    deals: { id: string }[];
    open_pipeline: number;
  };
  expect(r.id).toBe("CMP-1");
  expect(r.contacts.map((c) => c.id)).toEqual(["CON-1", "CON-16", "CON-31"]);
  expect(r.deals.map((d) => d.id)).toEqual(["DL-1", "DL-16"]);
  expect(r.open_pipeline).toBe(48000 + 27500);
});

it("refuses a duplicate email with the existing id, and finds a created contact", async () => {
  const dup = await s.call("create_contact", {
    first_name: "A",
    last_name: "B",
    email: "Anna.Berg@northwind-logistics.com",
  });
  expect(dup).toMatchObject({ isError: true });
  expect(dup.text).toContain("CON-1");
  const made = (
    await s.call("create_contact", {
      first_name: "Rhea",
      last_name: "Mistry",
      email: "rhea.mistry@kestrel-robotics.de",
      company_id: "CMP-8",
    })
  ).json as { id: string; city: string; company: string };
  expect(made).toMatchObject({ id: "CON-41", city: "Munich", company: "Kestrel Robotics" });
  const found = (await s.call("search_contacts", { query: "rhea kestrel" })).json as { contacts: { id: string }[] };
  expect(found.contacts.map((c) => c.id)).toEqual(["CON-41"]);
  expect((await s.call("create_contact", { first_name: "X", last_name: "Y", email: "not-an-email" })).isError).toBe(
    true,
  );
});

it("sums the pipeline by stage and weights the forecast by stage probability", async () => {
  const p = (await s.call("pipeline_summary")).json as {
    open_total: number;
    weighted_forecast: number;
    won_total: number;
  };
  expect(p.open_total).toBe(139500 + 380800 + 269000 + 431000);
  expect(p.weighted_forecast).toBe(139500 * 0.1 + 380800 * 0.25 + 269000 * 0.5 + 431000 * 0.75);
  expect(p.won_total).toBe(353000);
});

it("lists the deals expected to close in a window, sorted by close date", async () => {
  const dec = (await s.call("list_deals", { close_from: "2026-12-01", close_to: "2026-12-31" })).json as {
    count: number;
    total: number;
    deals: { id: string }[];
  };
  expect(dec.deals.map((d) => d.id)).toEqual(["DL-1", "DL-9", "DL-13", "DL-21"]);
  expect(dec.total).toBe(48000 + 22000 + 9800 + 7500);
  expect((await s.call("list_deals", { close_from: "12/01/2026" })).text).toContain("YYYY-MM-DD");
});

it("moves deals one stage at a time and keeps closed deals closed", async () => {
  const skip = await s.call("update_deal_stage", { deal_id: "DL-1", stage: "proposal" });
  expect(skip.isError).toBe(true);
  expect(skip.text).toContain("one stage at a time");
  expect((await s.call("update_deal_stage", { deal_id: "DL-1", stage: "qualified" })).json).toMatchObject({
    stage: "qualified",
    previous_stage: "lead",
  });
  const leads = (await s.call("list_deals", { stage: "lead" })).json as { deals: { id: string }[] };
  expect(leads.deals.map((d) => d.id)).not.toContain("DL-1");
  expect((await s.call("update_deal_stage", { deal_id: "DL-5", stage: "negotiation" })).text).toContain("closed");
  expect((await s.call("update_deal_stage", { deal_id: "DL-999", stage: "won" })).text).toContain("No deal DL-999");
});

it("logs a call that list_activities and the contact's last-contacted date then show", async () => {
  const before = (await s.call("list_activities", { contact_id: "CON-2" })).json as { count: number };
  await s.call("log_activity", { contact_id: "CON-2", kind: "call", subject: "Renewal check-in", date: "2026-12-01" });
  const after = (await s.call("list_activities", { contact_id: "CON-2" })).json as {
    count: number;
    activities: { subject: string }[];
  };
  expect(after.count).toBe(before.count + 1);
  expect(after.activities[0].subject).toBe("Renewal check-in");
  expect((await s.call("get_contact", { contact_id: "CON-2" })).json).toMatchObject({ last_contacted: "2026-12-01" });
  expect((await s.call("log_activity", { contact_id: "CON-2", kind: "fax", subject: "x" })).isError).toBe(true);
  const note = (await s.call("add_note", { contact_id: "CON-2", text: "Wants the renewal quote by Friday." })).json;
  expect(note).toMatchObject({ id: "NT-9", author: "Priya Raman", created_at: "2026-11-25T09:01:00Z" });
  const c = (await s.call("get_contact", { contact_id: "CON-2" })).json as { notes: { id: string }[] };
  expect(c.notes.at(-1)?.id).toBe("NT-9");
});
