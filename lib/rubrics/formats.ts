// Rubrics from the formats benchmarks publish them in: MCP-Atlas claims, tau2-bench evaluation
// criteria, and plain lists of {title, description, weight}. Safe for the browser.
import { z } from "zod";
import type { Aggregation, Criterion } from "./model";

export type RubricDraft = { criteria: Criterion[]; aggregation: Aggregation };

const short = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** MCP-Atlas: atomic claims, each scored 1 / 0.5 / 0 by a judge; a task passes at coverage 0.75. */
export function rubricFromClaims(claims: string[]): RubricDraft {
  return {
    criteria: claims.map((claim, i) => ({
      id: `claim-${i + 1}`,
      title: short(claim),
      instruction: `Does the final answer state this claim? Score 1 if fully, 0.5 if partly, 0 if not: ${claim}`,
      category: "Claim",
      weight: 1,
      scale: { kind: "ternary" },
      verifier: { kind: "model" },
    })),
    aggregation: { rule: "coverage-pass", threshold: 0.75 },
  };
}

const tau2Criteria = z.object({
  actions: z
    .array(z.object({ action_id: z.string(), name: z.string(), arguments: z.record(z.string(), z.unknown()) }).loose())
    .nullish(),
  communicate_info: z.array(z.string()).nullish(),
  nl_assertions: z.array(z.string()).nullish(),
});

/**
 * tau2-bench: each gold action becomes a program check (that tool called with those arguments),
 * each piece of information to communicate and each natural-language assertion a judged
 * criterion. tau2 rewards an episode only when every check holds, so all are essential.
 */
export function rubricFromTau2(raw: unknown): RubricDraft {
  const c = tau2Criteria.parse(raw);
  const criteria: Criterion[] = [
    ...(c.actions ?? []).map(
      (a): Criterion => ({
        id: `action-${a.action_id}`.toLowerCase().replace(/[^a-z0-9-_]/g, "-"),
        title: short(`Calls ${a.name}(${JSON.stringify(a.arguments)})`),
        instruction: "",
        category: "Essential",
        weight: 1,
        scale: { kind: "binary" },
        verifier: {
          kind: "program",
          check: { check: "tool-arguments", tool: a.name, match: "subset", value: a.arguments },
        },
      }),
    ),
    ...(c.communicate_info ?? []).map(
      (info, i): Criterion => ({
        id: `communicate-${i + 1}`,
        title: short(`Tells the user: ${info}`),
        instruction: `Did the agent tell the user this information in any of its messages? ${info}`,
        category: "Essential",
        weight: 1,
        scale: { kind: "binary" },
        verifier: { kind: "model" },
      }),
    ),
    ...(c.nl_assertions ?? []).map(
      (assertion, i): Criterion => ({
        id: `assertion-${i + 1}`,
        title: short(assertion),
        instruction: assertion,
        category: "Essential",
        weight: 1,
        scale: { kind: "binary" },
        verifier: { kind: "model" },
      }),
    ),
  ];
  return { criteria, aggregation: { rule: "essential-gate", category: "Essential" } };
}

const listItem = z.object({
  title: z.string().trim().min(1, "each item needs a title"),
  description: z.string().default(""),
  weight: z.number().finite(),
});

/** `[{title, description, weight}]`, as rubric-based reward papers publish them; negative weights are pitfalls. */
export function rubricFromList(raw: unknown): RubricDraft {
  const items = z.array(listItem).min(1, "the list is empty").parse(raw);
  return {
    criteria: items.map((it, i) => ({
      id: `item-${i + 1}`,
      title: short(it.title),
      instruction: it.description || it.title,
      category: it.weight < 0 ? "Pitfall" : "",
      weight: it.weight,
      scale: { kind: "binary" },
      verifier: { kind: "model" },
    })),
    aggregation: { rule: "weighted-mean" },
  };
}
