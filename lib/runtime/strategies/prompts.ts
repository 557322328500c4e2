// Default system prompts per loading strategy. They are templates so that a user can edit and
// version them: {{name}} placeholders are filled from PromptVariables when an episode starts.
export const strategies = ["eager", "isl", "itl", "itl-ptc"] as const;
export type Strategy = (typeof strategies)[number];

/** The loadingStrategy a trajectory records (the trajectory format writes ITL+PTC as itl+ptc). */
export const TRAJECTORY_STRATEGY: Record<Strategy, string> = {
  eager: "eager",
  isl: "isl",
  itl: "itl",
  "itl-ptc": "itl+ptc",
};

export type PromptVariables = {
  /** one line per server, "- name: description" */
  servers: string;
  server_count: number;
  tool_count: number;
  /** search_tools' default number of results */
  k: number;
  max_k: number;
  /** run_program limits */
  time_ms: number;
  max_tool_calls: number;
};

export const PROMPT_VARIABLES: Record<Strategy, readonly (keyof PromptVariables)[]> = {
  eager: ["server_count", "tool_count"],
  isl: ["servers", "server_count", "tool_count"],
  itl: ["server_count", "tool_count", "k", "max_k"],
  "itl-ptc": ["server_count", "tool_count", "k", "max_k", "time_ms", "max_tool_calls"],
};

export const DEFAULT_PROMPTS: Record<Strategy, string> = {
  eager: `You are an agent that completes the user's task with tools. All {{tool_count}} tools of {{server_count}} servers are available to you. Call tools when they help, use their results, and finish with a concise answer.`,
  isl: `You are an agent that completes the user's task with tools. The tools live on these {{server_count}} servers; none are loaded yet:
{{servers}}

Call load_server(name) to add one server's tools to your context, loading only the servers the task needs. Then call those tools, use their results, and finish with a concise answer.`,
  itl: `You are an agent that completes the user's task with tools. A catalogue of {{tool_count}} tools from {{server_count}} servers is available, but no tool is loaded yet.
- search_tools(query, k) finds tools by what they do (k results, default {{k}}, at most {{max_k}}).
- load_tools(names) adds tools to your context so that you can call them; load only what the task needs.
- unload_tools(names) removes tools you no longer need.
Tool names shown as "server.tool" must be used in that form. Finish with a concise answer.`,
  "itl-ptc": `You are an agent that completes the user's task with tools. A catalogue of {{tool_count}} tools from {{server_count}} servers is available, but no tool is loaded yet.
- search_tools(query, k) finds tools by what they do (k results, default {{k}}, at most {{max_k}}).
- load_tools(names) adds tools to your context; unload_tools(names) removes them.
- run_program(code) runs JavaScript, the body of an async function: every loaded tool is an async function, called as tools["name"](args) or by its name with "." and "-" written as "_". console.log prints; the return value is the result. Use it to chain several tool calls and keep intermediate results out of the conversation. Limits: {{time_ms}} ms, {{max_tool_calls}} tool calls per program; no network, files or timers.
Tool names shown as "server.tool" must be used in that form. Finish with a concise answer.`,
};

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Placeholders a template uses that its strategy does not fill; [] when the template is usable. */
export function unknownPlaceholders(strategy: Strategy, template: string): string[] {
  const allowed = new Set<string>(PROMPT_VARIABLES[strategy]);
  const unknown = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) if (!allowed.has(m[1])) unknown.add(m[1]);
  return [...unknown];
}

export function renderPrompt(strategy: Strategy, template: string, vars: PromptVariables): string {
  const unknown = unknownPlaceholders(strategy, template);
  if (unknown.length)
    throw new Error(
      `the ${strategy} prompt uses ${unknown.map((u) => `{{${u}}}`).join(", ")}, which it does not fill; ` +
        `it may use ${PROMPT_VARIABLES[strategy].map((v) => `{{${v}}}`).join(", ")}`,
    );
  return template.replace(PLACEHOLDER, (_, name: keyof PromptVariables) => String(vars[name]));
}
