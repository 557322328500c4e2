// CSV as RFC 4180 has it: fields with a comma, quote or line break are quoted, quotes doubled,
// lines end in CRLF. Browser-safe.

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (fields: unknown[]) => `${fields.map(csvField).join(",")}\r\n`;
