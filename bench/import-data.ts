// Realistic agent episodes for the import benchmark, as an RL framework writes them: OpenAI-style
// messages (10-30 of them: system, user, tool calls with JSON arguments and tool results of
// 0.5-6 KB, a final answer) plus the rollout's metadata. Deterministic: episode i is always
// the same, so a file written twice is the same file.
import fs from "node:fs";

const tools = [
  "github_search_code",
  "github_get_issue",
  "github_list_commits",
  "wikipedia_search",
  "wikipedia_get_article",
  "osm_geocode_address",
  "osm_find_nearby_places",
  "pubmed_search_articles",
  "clinicaltrials_list_studies",
  "weather_get_forecast",
  "calendar_list_events",
  "slack_post_message",
  "filesystem_read_file",
  "filesystem_search",
  "postgres_query",
  "airtable_get_record",
  "e2b_run_code",
  "brave_web_search",
  "fetch_url",
  "notion_search_pages",
];
const words =
  "the of and to in is was for on that with as by at from this be are which or it an have has were its not but also more than other their about into after over city museum data result found study trial code repository issue station library architect population river station latitude longitude records status open closed title summary".split(
    " ",
  );

function rng(seed: number) {
  let s = seed * 2654435761 + 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function episode(i: number) {
  const r = rng(i + 1);
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const text = (n: number) => Array.from({ length: n }, () => words[int(0, words.length - 1)]).join(" ");
  const turns = int(4, 14);
  const messages: unknown[] = [
    { role: "system", content: `You are an agent with MCP tools. ${text(120)}` },
    { role: "user", content: `Task ${i}: ${text(int(20, 70))}?` },
  ];
  for (let t = 0; t < turns; t++) {
    const name = tools[int(0, tools.length - 1)];
    const id = `call_${i}_${t}`;
    messages.push({
      role: "assistant",
      content: r() < 0.6 ? text(int(8, 40)) : null,
      tool_calls: [
        {
          id,
          type: "function",
          function: { name, arguments: JSON.stringify({ query: text(int(2, 8)), limit: int(1, 20) }) },
        },
      ],
    });
    const rows = Array.from({ length: int(2, 24) }, (_, k) => ({
      id: k,
      title: text(int(3, 10)),
      summary: text(int(10, 30)),
    }));
    messages.push({ role: "tool", tool_call_id: id, content: JSON.stringify({ results: rows }) });
  }
  const answer = text(int(20, 80));
  messages.push({ role: "assistant", content: answer });
  const pass = r() < 0.55;
  return {
    id: `bench-${i}`,
    task_id: `task-${i % 500}`,
    question: (messages[1] as { content: string }).content,
    model: i % 2 ? "Qwen/Qwen3-4B" : "gpt-4o-mini",
    reward: pass ? 1 : Math.round(r() * 50) / 100,
    verdict: pass ? "correct" : "incorrect",
    final_answer: answer,
    seed: i,
    split: "train",
    messages,
  };
}

/** Writes episodes 0..n-1 (or as many as reach `bytes`) as JSONL; returns episodes and steps written. */
export async function writeEpisodes(file: string, opts: { count?: number; bytes?: number }) {
  const out = fs.createWriteStream(file);
  let n = 0;
  let steps = 0;
  let size = 0;
  while ((opts.count === undefined || n < opts.count) && (opts.bytes === undefined || size < opts.bytes)) {
    const e = episode(n++);
    steps += e.messages.length;
    const line = `${JSON.stringify(e)}\n`;
    size += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { episodes: n, steps, bytes: size };
}
