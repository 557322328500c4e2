"use client";
import { Select } from "@/components/ui/select";
import { type FieldInfo, type FieldMapping, mappingTargets, targetLabels } from "@/lib/imports/schemas";

/** Canonical field → the file's field, one select per target; unmapped fields go to metadata. */
export function MappingTable({
  fields,
  mapping,
  suggested,
  onChange,
  disabled,
}: {
  fields: FieldInfo[];
  mapping: FieldMapping;
  suggested: FieldMapping | null;
  onChange: (m: FieldMapping) => void;
  disabled?: boolean;
}) {
  const used = new Set([...Object.values(mapping).filter(Boolean), mapping.messages ?? "messages"]);
  const unmapped = fields.filter((f) => !f.path.includes(".") && !used.has(f.path));
  return (
    <div className="flex flex-col gap-2">
      <table className="w-full table-fixed text-sm" data-testid="import-mapping">
        <thead>
          <tr className="text-left text-xs text-fg-subtle">
            <th className="w-40 pb-1 font-medium">Field</th>
            <th className="pb-1 font-medium">From the file's field</th>
          </tr>
        </thead>
        <tbody>
          {mappingTargets.map((target) => {
            const value = mapping[target] ?? "";
            const changed = suggested && (suggested[target] ?? "") !== value;
            const info = fields.find((f) => f.path === value);
            return (
              <tr key={target} className="border-t border-line">
                <td className="py-0.5 pr-3">
                  <label htmlFor={`map-${target}`} className="text-fg" title={targetLabels[target].hint}>
                    {targetLabels[target].label}
                  </label>
                  {changed ? <span className="ml-1.5 text-[11px] text-accent">changed</span> : null}
                </td>
                <td className="py-0.5">
                  <div className="flex min-w-0 items-center gap-2">
                    <Select
                      id={`map-${target}`}
                      data-testid={`map-${target}`}
                      value={value}
                      disabled={disabled}
                      className="h-7 w-52 shrink-0 text-xs"
                      onChange={(e) => onChange({ ...mapping, [target]: e.target.value || null })}
                    >
                      <option value="">{target === "messages" ? "messages" : "(none)"}</option>
                      {fields.map((f) => (
                        <option key={f.path} value={f.path}>
                          {f.path}
                        </option>
                      ))}
                    </Select>
                    <span className="min-w-0 truncate font-mono text-[11px] text-fg-subtle" title={info?.example}>
                      {info ? `${info.type}${info.example ? ` · ${info.example}` : ""}` : targetLabels[target].hint}
                    </span>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unmapped.length ? (
        <p className="text-xs text-fg-subtle">
          Kept as metadata: <span className="font-mono">{unmapped.map((f) => f.path).join(", ")}</span>
        </p>
      ) : null}
    </div>
  );
}
