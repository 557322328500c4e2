// Small, realistic files of each supported shape, shared by the importer tests.

/** An agent episode as an RL framework dumps it: messages plus the rollout's metadata. */
export const episode = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `rollout-${n}`,
  question_id: `q-${n}`,
  question: `What is the weather in city ${n}?`,
  model: "Qwen/Qwen3-4B",
  reward: n % 2 ? 1 : 0,
  verdict: n % 2 ? "correct" : "incorrect",
  final_answer: `It is ${10 + n} C.`,
  split: "train",
  messages: [
    { role: "system", content: "You are a helpful agent with tools." },
    { role: "user", content: `What is the weather in city ${n}?` },
    {
      role: "assistant",
      content: null,
      tool_calls: [
        { id: `c${n}`, type: "function", function: { name: "weather_get", arguments: { city: `city ${n}` } } },
      ],
    },
    { role: "tool", tool_call_id: `c${n}`, content: `${10 + n} C, clear` },
    { role: "assistant", content: `It is ${10 + n} C.` },
  ],
  ...extra,
});

export const jsonl = (lines: unknown[]) =>
  `${lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")}\n`;

/** An Inspect eval log as `inspect eval` writes it (JSON format), two samples with tool use. */
export const inspectLog = {
  version: 2,
  status: "success",
  eval: {
    eval_id: "ZB2vu5GNujYaBdPSReCeop",
    run_id: "Ta3ZFVTCTcjsb3AEX9FD9v",
    created: "2025-05-12T20:27:36-04:00",
    task: "browser",
    task_id: "XSogYfcZrx876NZYKz3Xf5",
    model: "openai/gpt-4o-mini",
    dataset: { samples: 2, sample_ids: [1, 2], shuffled: false },
  },
  plan: { name: "plan", steps: [{ solver: "generate", params: {} }] },
  results: { total_samples: 2, completed_samples: 2, scores: [{ name: "includes", scorer: "includes" }] },
  stats: { started_at: "2025-05-12T20:27:36-04:00", completed_at: "2025-05-12T20:27:56-04:00" },
  samples: [1, 2].map((id) => ({
    id,
    epoch: 1,
    input: `Navigate to page ${id} and summarize it.`,
    target: "AISI",
    messages: [
      { id: `u${id}`, content: "attachment://a1", source: "input", role: "user" },
      {
        id: `a${id}`,
        content: "",
        source: "generate",
        role: "assistant",
        tool_calls: [{ id: `call_${id}`, function: "web_browser_go", arguments: { url: "https://www.aisi.gov.uk/" } }],
        model: "gpt-4o-mini-2024-07-18",
      },
      {
        id: `t${id}`,
        content: '[132] link "We are now the AI Security Institute"',
        role: "tool",
        tool_call_id: `call_${id}`,
        function: "web_browser_go",
        ...(id === 2 ? { error: { type: "timeout", message: "Command timed out" } } : {}),
      },
      {
        id: `f${id}`,
        content: [
          { type: "reasoning", reasoning: "The page names the institute." },
          { type: "text", text: "The AI Security Institute studies advanced AI risks." },
        ],
        source: "generate",
        role: "assistant",
      },
    ],
    output: {
      model: "gpt-4o-mini-2024-07-18",
      choices: [{ message: { role: "assistant", content: "The AI Security Institute studies advanced AI risks." } }],
    },
    scores: { includes: { value: id === 1 ? "C" : "I", answer: "The AI Security Institute", explanation: "found" } },
    metadata: { difficulty: "easy" },
    events: [{ event: "sample_init" }],
    uuid: `sample-uuid-${id}`,
    attachments: { a1: `Navigate to page ${id} and summarize it.` },
  })),
  reductions: [],
};
