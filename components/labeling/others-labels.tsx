import { RelativeTime } from "@/components/ui/relative-time";
import type { LabelView } from "@/lib/labeling/schemas";
import { formatLabelValue } from "./format-value";

/** Labels other people gave this item: read only, with author and time. */
export function OthersLabels({ labels, title = "Labels by others" }: { labels: LabelView[]; title?: string }) {
  return (
    <section aria-label={title} data-testid="others-labels">
      <h3 className="mb-1.5 text-xs font-medium tracking-wide text-fg-subtle uppercase">{title}</h3>
      {labels.length === 0 ? (
        <p className="text-xs text-fg-subtle">Nobody else has labeled this item yet.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-md border border-line">
          {labels.map((l) => (
            <li key={l.id} className="flex flex-col gap-0.5 px-2.5 py-1.5 text-xs">
              <span className="flex items-baseline justify-between gap-2">
                <span className="font-medium text-fg">
                  {l.schemaName}
                  {l.stepIndex !== null ? (
                    <span className="font-normal text-fg-subtle"> · step {l.stepIndex}</span>
                  ) : null}
                </span>
                <RelativeTime value={l.updatedAt} className="shrink-0 text-fg-subtle" />
              </span>
              <span className="line-clamp-3 break-words whitespace-pre-wrap text-fg">{formatLabelValue(l.value)}</span>
              <span className="text-fg-subtle" title={l.authorEmail ?? undefined}>
                {l.authorName || l.authorEmail || "a former member"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
