// The CRM's records, loaded fresh from data/*.json for each server process (one episode), so
// changes a call makes are seen by later calls of the same episode and nothing leaks between episodes.
import { readFileSync } from "node:fs";

export type Company = {
  id: string;
  name: string;
  industry: string;
  city: string;
  domain: string;
  employees: number;
  owner: string;
};
export type Contact = {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  title: string;
  company_id: string | null;
  city: string;
  tags: string[];
  owner: string;
  last_contacted: string | null;
};
export type Deal = {
  id: string;
  name: string;
  company_id: string;
  contact_id: string;
  stage: string;
  amount: number;
  currency: string;
  owner: string;
  close_date: string;
};
export type Note = {
  id: string;
  contact_id: string;
  deal_id: string | null;
  author: string;
  text: string;
  created_at: string;
};
export type Activity = {
  id: string;
  contact_id: string;
  kind: string;
  subject: string;
  duration_min: number | null;
  owner: string;
  at: string;
  outcome: string;
};

const load = <T>(file: string): T[] =>
  JSON.parse(readFileSync(new URL(`./data/${file}.json`, import.meta.url), "utf8")).rows as T[];

export const db = {
  companies: load<Company>("companies"),
  contacts: load<Contact>("contacts"),
  deals: load<Deal>("deals"),
  notes: load<Note>("notes"),
  activities: load<Activity>("activities"),
};

export const pipeline = (
  JSON.parse(readFileSync(new URL("./data/pipeline.json", import.meta.url), "utf8")) as {
    stages: { stage: string; probability: number }[];
  }
).stages;

/** Next id of a prefix: one more than the highest number in use. */
export function nextId(prefix: string, rows: { id: string }[]): string {
  const max = Math.max(0, ...rows.map((r) => Number(r.id.split("-")[1]) || 0));
  return `${prefix}-${max + 1}`;
}

export const fullName = (c: Contact) => `${c.first_name} ${c.last_name}`;
