import { cn } from "@/components/ui/cn";

/** Rows: what people said; columns: what the judge said. The diagonal is agreement. */
export function ConfusionMatrix({
  categories,
  matrix,
  judgeName,
}: {
  categories: string[];
  matrix: number[][];
  judgeName: string;
}) {
  const max = Math.max(1, ...matrix.flat());
  return (
    <table className="border-collapse text-xs tabular-nums" data-testid="confusion-matrix">
      <caption className="mb-1 text-left text-xs text-fg-muted">Rows: people · columns: {judgeName}</caption>
      <thead>
        <tr>
          <th className="px-2 py-1" />
          {categories.map((c) => (
            <th key={c} scope="col" className="px-3 py-1 text-center font-medium text-fg-muted">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.map((row, i) => (
          <tr key={categories[i]}>
            <th scope="row" className="px-2 py-1 text-right font-medium text-fg-muted">
              {categories[i]}
            </th>
            {row.map((n, j) => (
              <td
                key={categories[j]}
                className={cn(
                  "min-w-14 border border-line px-3 py-1.5 text-center",
                  i === j ? "text-success" : n ? "text-danger" : "text-fg-subtle",
                )}
                style={{
                  backgroundColor: n
                    ? `color-mix(in oklab, var(--color-${i === j ? "success" : "danger"}) ${Math.round((n / max) * 28)}%, transparent)`
                    : undefined,
                }}
                title={`people ${categories[i]}, judge ${categories[j]}: ${n}`}
              >
                {n}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
