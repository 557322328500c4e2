import { ToolError } from "../shared/serve";
import { type Contact, type Deal, db, fullName, pipeline } from "./store";

export function findContact(id: string): Contact {
  const c = db.contacts.find((x) => x.id.toLowerCase() === id.trim().toLowerCase());
  if (!c) throw new ToolError(`No contact ${id}. Ids look like "CON-12"; find one with search_contacts.`);
  return c;
}

export function findCompany(idOrName: string) {
  const q = idOrName.trim().toLowerCase();
  const c = db.companies.find((x) => x.id.toLowerCase() === q || x.name.toLowerCase() === q);
  if (!c)
    throw new ToolError(`No company ${idOrName}. Pass an id like "CMP-4" or an exact name; see search_companies.`);
  return c;
}

export function findDeal(id: string): Deal {
  const d = db.deals.find((x) => x.id.toLowerCase() === id.trim().toLowerCase());
  if (!d) throw new ToolError(`No deal ${id}. Ids look like "DL-7"; see list_deals.`);
  return d;
}

export const companyName = (id: string | null) => db.companies.find((c) => c.id === id)?.name ?? null;

export const contactView = (c: Contact) => ({ ...c, name: fullName(c), company: companyName(c.company_id) });

export const isEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(s);

/** Open deals move one stage forward or back, or to lost; won and lost are closed. */
export function checkStageMove(from: string, to: string) {
  const order = pipeline.map((p) => p.stage);
  if (!order.includes(to)) throw new ToolError(`Unknown stage "${to}". Stages: ${order.join(", ")}.`);
  if (from === "won" || from === "lost")
    throw new ToolError(`Deal is closed (${from}); closed deals cannot change stage.`);
  if (to === "lost") return;
  const open = order.filter((s) => s !== "lost");
  const gap = open.indexOf(to) - open.indexOf(from);
  if (Math.abs(gap) !== 1)
    throw new ToolError(
      `Cannot move from ${from} to ${to}: deals move one stage at a time along ${open.join(" → ")} (or to lost).`,
    );
}

export function pipelineSummary(owner?: string) {
  const deals = db.deals.filter((d) => !owner || d.owner.toLowerCase() === owner.toLowerCase());
  const stages = pipeline.map(({ stage, probability }) => {
    const rows = deals.filter((d) => d.stage === stage);
    const total = rows.reduce((s, d) => s + d.amount, 0);
    return { stage, probability, deals: rows.length, total, weighted: Math.round(total * probability * 100) / 100 };
  });
  const open = stages.filter((s) => s.stage !== "won" && s.stage !== "lost");
  return {
    owner: owner ?? "all",
    stages,
    open_total: open.reduce((s, x) => s + x.total, 0),
    weighted_forecast: Math.round(open.reduce((s, x) => s + x.weighted, 0) * 100) / 100,
    won_total: stages.find((s) => s.stage === "won")?.total ?? 0,
  };
}
