import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * Empty states teach: what belongs here, and each way to put it there (the UI button,
 * the CLI command, the API call).
 */
export function EmptyState({
  title,
  children,
  actions,
  ways,
  className,
  badge,
}: {
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  badge?: ReactNode;
  ways?: Array<{ label: string; detail?: ReactNode; code?: string }>;
  className?: string;
}) {
  return (
    <div className={cn("rounded-lg border border-dashed border-line-strong bg-panel/60 px-6 py-8", className)}>
      <div className="mx-auto flex max-w-2xl flex-col gap-3">
        <div className="flex items-center gap-2">
          <h2 className="text-base font-semibold text-fg">{title}</h2>
          {badge}
        </div>
        {children ? <div className="text-sm text-fg-muted [&_p+p]:mt-2">{children}</div> : null}
        {ways?.length ? (
          <dl className="mt-1 flex flex-col gap-2.5">
            {ways.map((w) => (
              <div key={w.label} className="grid grid-cols-[7rem_1fr] items-baseline gap-3">
                <dt className="text-xs font-medium text-fg-subtle">{w.label}</dt>
                <dd className="flex min-w-0 flex-col gap-1 text-sm text-fg-muted">
                  {w.code ? (
                    <code className="block overflow-x-auto rounded-md border border-line bg-raised px-2.5 py-1.5 text-xs text-fg">
                      {w.code}
                    </code>
                  ) : null}
                  {w.detail ? <span>{w.detail}</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
        {actions ? <div className="mt-1 flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
