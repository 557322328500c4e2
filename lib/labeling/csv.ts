// CSV as RFC 4180 has it: fields with a comma, quote or line break are quoted, quotes doubled,
// lines end in CRLF. Browser-safe. Text that a spreadsheet would run as a formula (it starts
// with = + - @ or a tab/CR) gets a leading apostrophe, as OWASP advises for CSV exports;
// numbers are written as they are.

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (fields: unknown[]) => `${fields.map(csvField).join(",")}\r\n`;
