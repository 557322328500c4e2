// CRM: contacts, companies, deals in a sales pipeline, notes and logged calls/meetings.
import { z } from "zod";
import { serveStdio, ToolError, tool } from "../shared/serve";
import {
  checkStageMove,
  companyName,
  contactView,
  findCompany,
  findContact,
  findDeal,
  isEmail,
  pipelineSummary,
} from "./logic";
import { db, fullName, nextId, now, today } from "./store";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

await serveStdio("crm", "1.0.0", [
  tool({
    name: "search_contacts",
    description:
      "Search CRM contacts by text (name, email, title, company), and optionally by tag, city, owner or company id. Returns id, name, title, company, email.",
    input: {
      query: z.string().optional().describe("words matched against name, email, title and company"),
      tag: z.string().optional(),
      city: z.string().optional(),
      owner: z.string().optional().describe("account owner, e.g. Maya Lindqvist"),
      company_id: z.string().optional().describe('e.g. "CMP-4"'),
      limit: z.number().int().min(1).max(100).default(20),
    },
    run: ({ query, tag, city, owner, company_id, limit }) => {
      const words = (query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
      const hits = db.contacts.filter((c) => {
        const hay = `${fullName(c)} ${c.email} ${c.title} ${companyName(c.company_id) ?? ""}`.toLowerCase();
        return (
          words.every((w) => hay.includes(w)) &&
          (!tag || c.tags.includes(tag.toLowerCase())) &&
          (!city || c.city.toLowerCase() === city.toLowerCase()) &&
          (!owner || c.owner.toLowerCase() === owner.toLowerCase()) &&
          (!company_id || c.company_id?.toLowerCase() === company_id.toLowerCase())
        );
      });
      return {
        total: hits.length,
        contacts: hits.slice(0, limit).map((c) => ({
          id: c.id,
          name: fullName(c),
          title: c.title,
          company: companyName(c.company_id),
          email: c.email,
        })),
      };
    },
  }),
  tool({
    name: "get_contact",
    description: "Get one CRM contact by id with its company, open deals and latest notes.",
    input: { contact_id: z.string().describe('e.g. "CON-31"') },
    run: ({ contact_id }) => {
      const c = findContact(contact_id);
      return {
        ...contactView(c),
        deals: db.deals
          .filter((d) => d.contact_id === c.id)
          .map(({ id, name, stage, amount }) => ({ id, name, stage, amount })),
        notes: db.notes.filter((n) => n.contact_id === c.id).slice(-5),
      };
    },
  }),
  tool({
    name: "create_contact",
    description:
      "Create a CRM contact. Emails are unique: a contact whose email already exists is refused with the existing contact's id.",
    input: {
      first_name: z.string().min(1),
      last_name: z.string().min(1),
      email: z.string(),
      phone: z.string().optional(),
      title: z.string().optional(),
      company_id: z.string().optional().describe('an existing company id, e.g. "CMP-4"'),
      city: z.string().optional(),
      tags: z.array(z.string()).optional(),
      owner: z.string().optional(),
    },
    run: (a) => {
      if (!isEmail(a.email)) throw new ToolError(`"${a.email}" is not an email address (name@domain.tld).`);
      const dup = db.contacts.find((c) => c.email.toLowerCase() === a.email.toLowerCase());
      if (dup) throw new ToolError(`A contact with email ${a.email} already exists: ${dup.id} (${fullName(dup)}).`);
      const company = a.company_id ? findCompany(a.company_id) : null;
      const c = {
        id: nextId("CON", db.contacts),
        first_name: a.first_name,
        last_name: a.last_name,
        email: a.email.toLowerCase(),
        phone: a.phone ?? "",
        title: a.title ?? "",
        company_id: company?.id ?? null,
        city: a.city ?? company?.city ?? "",
        tags: (a.tags ?? []).map((t) => t.toLowerCase()),
        owner: a.owner ?? company?.owner ?? "unassigned",
        last_contacted: null,
      };
      db.contacts.push(c);
      return contactView(c);
    },
  }),
  tool({
    name: "update_contact",
    description:
      "Update fields of a CRM contact (title, phone, email, city, owner, company, tags). Returns the contact.",
    input: {
      contact_id: z.string(),
      title: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
      city: z.string().optional(),
      owner: z.string().optional(),
      company_id: z.string().optional(),
      add_tags: z.array(z.string()).optional(),
      remove_tags: z.array(z.string()).optional(),
    },
    run: ({ contact_id, add_tags, remove_tags, company_id, email, ...rest }) => {
      const c = findContact(contact_id);
      if (email !== undefined) {
        if (!isEmail(email)) throw new ToolError(`"${email}" is not an email address.`);
        const dup = db.contacts.find((x) => x.id !== c.id && x.email.toLowerCase() === email.toLowerCase());
        if (dup) throw new ToolError(`Email ${email} already belongs to ${dup.id} (${fullName(dup)}).`);
        c.email = email.toLowerCase();
      }
      if (company_id !== undefined) c.company_id = findCompany(company_id).id;
      for (const [k, v] of Object.entries(rest)) if (v !== undefined) (c as Record<string, unknown>)[k] = v;
      if (add_tags) c.tags = [...new Set([...c.tags, ...add_tags.map((t) => t.toLowerCase())])];
      if (remove_tags) c.tags = c.tags.filter((t) => !remove_tags.map((x) => x.toLowerCase()).includes(t));
      return contactView(c);
    },
  }),
  tool({
    name: "search_companies",
    description:
      "Search CRM companies (accounts) by name, industry or city. Returns id, name, industry, city, employees.",
    input: { query: z.string().optional(), industry: z.string().optional(), city: z.string().optional() },
    run: ({ query, industry, city }) => {
      const q = (query ?? "").toLowerCase();
      return db.companies.filter(
        (c) =>
          `${c.name} ${c.industry} ${c.city} ${c.domain}`.toLowerCase().includes(q) &&
          (!industry || c.industry === industry.toLowerCase()) &&
          (!city || c.city.toLowerCase() === city.toLowerCase()),
      );
    },
  }),
  tool({
    name: "get_company",
    description: "Get a CRM company by id or exact name, with its contacts and deals.",
    input: { company: z.string().describe('id like "CMP-4" or exact name') },
    run: ({ company }) => {
      const c = findCompany(company);
      const deals = db.deals.filter((d) => d.company_id === c.id);
      return {
        ...c,
        contacts: db.contacts
          .filter((x) => x.company_id === c.id)
          .map((x) => ({ id: x.id, name: fullName(x), title: x.title, email: x.email })),
        deals,
        open_pipeline: deals.filter((d) => d.stage !== "won" && d.stage !== "lost").reduce((s, d) => s + d.amount, 0),
      };
    },
  }),
  tool({
    name: "list_deals",
    description:
      "List deals in the sales pipeline, filtered by stage, owner, company and expected close date window; sorted by close date.",
    input: {
      stage: z.string().optional().describe("lead, qualified, proposal, negotiation, won or lost"),
      owner: z.string().optional(),
      company_id: z.string().optional(),
      close_from: date.optional(),
      close_to: date.optional(),
    },
    run: ({ stage, owner, company_id, close_from, close_to }) => {
      const rows = db.deals
        .filter(
          (d) =>
            (!stage || d.stage === stage.toLowerCase()) &&
            (!owner || d.owner.toLowerCase() === owner.toLowerCase()) &&
            (!company_id || d.company_id.toLowerCase() === company_id.toLowerCase()) &&
            (!close_from || d.close_date >= close_from) &&
            (!close_to || d.close_date <= close_to),
        )
        .sort((a, b) => a.close_date.localeCompare(b.close_date));
      return {
        count: rows.length,
        total: rows.reduce((s, d) => s + d.amount, 0),
        deals: rows.map((d) => ({ ...d, company: companyName(d.company_id) })),
      };
    },
  }),
  tool({
    name: "update_deal_stage",
    description:
      "Move a deal through the pipeline lead → qualified → proposal → negotiation → won, one stage at a time (forward or back), or to lost from any open stage.",
    input: { deal_id: z.string().describe('e.g. "DL-7"'), stage: z.string() },
    run: ({ deal_id, stage }) => {
      const d = findDeal(deal_id);
      const to = stage.trim().toLowerCase();
      checkStageMove(d.stage, to);
      const from = d.stage;
      d.stage = to;
      return { ...d, previous_stage: from };
    },
  }),
  tool({
    name: "add_note",
    description: "Add a note to a CRM contact, optionally about one of their deals.",
    input: {
      contact_id: z.string(),
      text: z.string().min(1),
      deal_id: z.string().optional(),
      author: z.string().optional(),
    },
    run: ({ contact_id, text, deal_id, author }) => {
      const c = findContact(contact_id);
      const note = {
        id: nextId("NT", db.notes),
        contact_id: c.id,
        deal_id: deal_id ? findDeal(deal_id).id : null,
        author: author ?? c.owner,
        text,
        created_at: now(),
      };
      db.notes.push(note);
      return note;
    },
  }),
  tool({
    name: "list_activities",
    description: "List calls, meetings and emails logged for a CRM contact, newest first, optionally one kind.",
    input: { contact_id: z.string(), kind: z.enum(["call", "meeting", "email"]).optional() },
    run: ({ contact_id, kind }) => {
      const c = findContact(contact_id);
      const rows = db.activities
        .filter((a) => a.contact_id === c.id && (!kind || a.kind === kind))
        .sort((a, b) => b.at.localeCompare(a.at));
      return { contact: fullName(c), count: rows.length, activities: rows };
    },
  }),
  tool({
    name: "log_activity",
    description: "Log a call, meeting or email with a CRM contact; updates the contact's last-contacted date.",
    input: {
      contact_id: z.string(),
      kind: z.enum(["call", "meeting", "email"]),
      subject: z.string().min(1),
      outcome: z.string().optional(),
      duration_min: z.number().int().positive().optional(),
      date: date.optional().describe("defaults to today (the CRM's as-of date)"),
    },
    run: ({ contact_id, kind, subject, outcome, duration_min, date: on }) => {
      const c = findContact(contact_id);
      const day = on ?? today();
      const a = {
        id: nextId("ACT", db.activities),
        contact_id: c.id,
        kind,
        subject,
        duration_min: duration_min ?? null,
        owner: c.owner,
        at: `${day}T12:00:00Z`,
        outcome: outcome ?? "",
      };
      db.activities.push(a);
      if (!c.last_contacted || day > c.last_contacted) c.last_contacted = day;
      return a;
    },
  }),
  tool({
    name: "pipeline_summary",
    description:
      "Sales pipeline summary: deal count and amount per stage, and the weighted forecast (amount × stage win probability) over open deals; optionally for one owner.",
    input: { owner: z.string().optional() },
    run: ({ owner }) => pipelineSummary(owner),
  }),
]);
