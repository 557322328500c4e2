// npm run bench:judges - what the studio itself adds to a model judgment, and how many judgments
// per second it sustains with 64 in flight, against an OpenAI-compatible server that answers at
// once (so the figures are the studio's, not a model's).
// (1) one at a time: time through the judge (render the 24-step trajectory, request, parse, check
//     the answer) minus the server's own handling time, and minus a bare fetch of the same request;
// (2) 64 concurrent judgments, sustained: judgments/s, p50 and p95 latency.

import { buildMessages } from "../lib/judges/prompt";
import { modelJudgeConfig } from "../lib/judges/schemas";
import { createModelJudge } from "../lib/judges/server/model-judge";
import { criterion } from "../lib/rubrics/model";
import { trajectoryRecord } from "../lib/trajectories/format";
import { answer, startOpenAITestServer } from "../test/openai-test-server";

const SEQUENTIAL = Number(process.env.N ?? 1000);
const CONCURRENT_TOTAL = Number(process.env.TOTAL ?? 6400);
const IN_FLIGHT = 64;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const f = (x: number) => x.toFixed(2);

/** A realistic agent episode: 24 steps, tool results of 300 to 6,000 characters (some get cut). */
function episode() {
  const steps: unknown[] = [
    { message: { role: "system", content: "You are a travel agent. Use the tools." } },
    { message: { role: "user", content: "Book the cheapest nonstop flight from SFO to JFK on May 3 and email me." } },
  ];
  for (let i = 0; i < 11; i++) {
    const id = `call_${i}`;
    steps.push({
      message: {
        role: "assistant",
        content: i % 3 === 0 ? "Let me check the options." : null,
        tool_calls: [
          { id, function: { name: `tool_${i % 4}`, arguments: JSON.stringify({ from: "SFO", to: "JFK", page: i }) } },
        ],
      },
    });
    const size = 300 + ((i * 1733) % 5700);
    steps.push({ message: { role: "tool", tool_call_id: id, content: JSON.stringify({ rows: "r".repeat(size) }) } });
  }
  return trajectoryRecord.parse({ steps, finalAnswer: "Booked UA 1234 for $199 and sent the email." });
}

async function main() {
  const server = await startOpenAITestServer({ record: false, fallback: answer(1, "cheapest nonstop", [4, 22]) });
  const trajectory = episode();
  const c = criterion.parse({
    id: "cheapest",
    title: "Booked the cheapest nonstop flight",
    instruction: "The user asked: {{task.prompt}}",
    weight: 1,
  });
  const variables = { taskPrompt: "Book the cheapest nonstop flight from SFO to JFK on May 3." };
  const config = modelJudgeConfig.parse({ baseUrl: server.url, model: "bench", concurrency: IN_FLIGHT, maxRetries: 0 });
  const judge = createModelJudge(config);
  const req = { criterion: c, trajectory, variables };

  // the same request as the judge sends, by a bare fetch: network and server, without the judge
  const body = JSON.stringify({
    model: "bench",
    messages: buildMessages({ ...req, maxOutputChars: config.maxOutputChars }),
    temperature: 0,
  });
  const bare = async () => {
    const t = performance.now();
    const r = await fetch(`${server.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    await r.text();
    return performance.now() - t;
  };

  for (let i = 0; i < 300; i++) {
    await judge.judge(req);
    await bare();
  }
  server.handledMs.length = 0;
  // judge and bare fetch take turns, so both see the same warm-up, garbage collector and machine load
  const through: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const v = await judge.judge(req);
    if (v.error) throw new Error(v.error);
    through.push(v.latencyMs);
    bareMs.push(await bare());
  }
  // handledMs holds both kinds in turn: the judge's requests are the even ones
  const serverOwn = server.handledMs.filter((_, i) => i % 2 === 0);
  const overhead = through.map((t, i) => t - serverOwn[i]);
  console.log(`prompt sent: ${body.length} characters (24 steps; texts over ${config.maxOutputChars} characters cut)`);
  console.log(`\none at a time, ${SEQUENTIAL} judgments against a zero-latency server:`);
  console.log(`  through the judge        p50 ${f(pct(through, 50))} ms   p95 ${f(pct(through, 95))} ms`);
  console.log(`  server's own time        p50 ${f(pct(serverOwn, 50))} ms`);
  console.log(`  judge minus server time  p50 ${f(pct(overhead, 50))} ms   p95 ${f(pct(overhead, 95))} ms`);
  console.log(`  bare fetch, same request p50 ${f(pct(bareMs, 50))} ms`);
  console.log(
    `  judge minus bare fetch   p50 ${f(pct(through, 50) - pct(bareMs, 50))} ms (rendering, parsing, checking)`,
  );

  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next++ < CONCURRENT_TOTAL) {
        const v = await judge.judge(req);
        if (v.error) throw new Error(v.error);
        latencies.push(v.latencyMs);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(`\n${IN_FLIGHT} concurrent judgments, ${CONCURRENT_TOTAL} in all:`);
  console.log(
    `  ${Math.round(CONCURRENT_TOTAL / seconds)} judgments/s   p50 ${f(pct(latencies, 50))} ms   p95 ${f(pct(latencies, 95))} ms`,
  );
  await server.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
