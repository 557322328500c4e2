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

const settings = JSON.parse(readFileSync(new URL("./data/pipeline.json", import.meta.url), "utf8")) as {
  as_of: string;
  stages: { stage: string; probability: number }[];
};
export const pipeline = settings.stages;

// The CRM's own clock starts at the data's as_of date and moves a minute per write, so an
// episode's notes and activities get the same timestamps on every run.
let clock = Date.parse(`${settings.as_of}T09:00:00Z`);
export const now = () => {
  clock += 60_000;
  return new Date(clock).toISOString().replace(/\.\d{3}Z$/, "Z");
};
export const today = () => settings.as_of;

/** Next id of a prefix: one more than the highest number in use. */
export function nextId(prefix: string, rows: { id: string }[]): string {
  const max = Math.max(0, ...rows.map((r) => Number(r.id.split("-")[1]) || 0));
  return `${prefix}-${max + 1}`;
}

export const fullName = (c: Contact) => `${c.first_name} ${c.last_name}`;
