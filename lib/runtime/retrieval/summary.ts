// The one-line description `search_tools` shows for a tool: the first sentence of its own
// description, never text of our making beyond a cut mark.
export const SUMMARY_MAX = 160;

// Periods that end these do not end a sentence.
const ABBREVIATIONS = /(?:^|\s|\()(?:e\.g|i\.e|etc|vs|approx|incl|no)\.$/i;

export function summarize(description: string, max = SUMMARY_MAX): string {
  const text = description.trim();
  let end = text.length;
  // A blank line or a docstring section ("Args:") ends the lead even without a period.
  const lead = /\n\s*\n|\n\s*(?:Args|Arguments|Parameters|Returns|Example|Examples):/.exec(text);
  if (lead) end = lead.index;
  for (const m of text.slice(0, end).matchAll(/[.!?](?=\s|$)|[。！？]/g)) {
    if (m[0] === "." && ABBREVIATIONS.test(text.slice(0, m.index + 1))) continue;
    end = m.index + 1;
    break;
  }
  const sentence = text.slice(0, end).replace(/\s+/g, " ").trim();
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}
