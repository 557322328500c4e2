import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/components/ui/format";
import type { ContextTokens } from "@/lib/trajectories/format";
import { contextParts } from "./roles";

const pct = (n: number, of: number) => (of > 0 ? `${((n / of) * 100).toFixed(n / of < 0.1 ? 1 : 0)}%` : "—");

/** The context window at one step: system, tool schemas, history and tool outputs against the limit. */
export function ContextBar({
  context,
  limit,
  peak,
}: {
  context: ContextTokens | null;
  limit: number | null;
  /** the episode's peak, to scale the bar when no limit is known */
  peak: number;
}) {
  if (!context) return <p className="text-xs text-fg-subtle">This step carries no context counts.</p>;
  const total = context.system + context.toolSchemas + context.history + context.toolOutputs;
  const scale = limit ?? Math.max(peak, total, 1);
  const over = limit !== null && total > limit;
  return (
    <div className="flex flex-col gap-2" data-testid="context-bar">
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="text-fg">
          <span className="font-semibold tabular-nums" data-testid="context-total">
            {formatNumber(total)}
          </span>{" "}
          tokens in context
        </span>
        <span className={cn("tabular-nums", over ? "font-medium text-danger" : "text-fg-muted")}>
          {limit !== null ? `${pct(total, limit)} of ${formatNumber(limit)}` : "limit not recorded"}
        </span>
      </div>
      <div
        className="flex h-3 w-full overflow-hidden rounded-sm bg-hover"
        role="img"
        aria-label={`Context: ${contextParts.map((p) => `${p.label} ${context[p.key]}`).join(", ")}`}
      >
        {contextParts.map((p) => (
          <div
            key={p.key}
            className={p.bg}
            style={{ width: `${Math.min(100, (context[p.key] / scale) * 100)}%` }}
            title={`${p.label}: ${formatNumber(context[p.key])} tokens`}
          />
        ))}
      </div>
      {limit === null ? (
        <p className="text-[11px] text-fg-subtle">
          No context limit is recorded for this episode: the bar is scaled to its peak ({formatNumber(scale)} tokens).
          Ingest with <code>contextLimit</code> to see the share of the window.
        </p>
      ) : null}
      <table className="w-full text-xs tabular-nums">
        <tbody>
          {contextParts.map((p) => (
            <tr key={p.key}>
              <td className="py-0.5">
                <span className="flex items-center gap-1.5 text-fg-muted">
                  <span className={cn("size-2 rounded-sm", p.bg)} aria-hidden="true" />
                  {p.label}
                </span>
              </td>
              <td className="py-0.5 text-right text-fg">{formatNumber(context[p.key])}</td>
              <td className="w-14 py-0.5 text-right text-fg-subtle">{pct(context[p.key], limit ?? total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
