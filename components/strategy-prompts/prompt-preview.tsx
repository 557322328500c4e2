"use client";
import { useToolspaces } from "@/components/catalog/queries";
import { useServerRows } from "@/components/toolspaces/queries";
import { Select } from "@/components/ui/select";
import { renderPrompt, type Strategy, unknownPlaceholders } from "@/lib/runtime/strategies/prompts";
import type { StrategyPromptsView } from "@/lib/strategy-prompts/schemas";

/**
 * The template as an episode would see it, filled from a real toolspace of the project (its servers
 * and tool count) and the runtime's defaults for the rest.
 */
export function PromptPreview({
  projectId,
  strategy,
  template,
  defaults,
  toolspaceId,
  onToolspace,
}: {
  projectId: string;
  strategy: Strategy;
  template: string;
  defaults: StrategyPromptsView["runtimeDefaults"];
  toolspaceId: string;
  onToolspace: (id: string) => void;
}) {
  const spaces = useToolspaces(projectId);
  const items = spaces.data?.items ?? [];
  const space = items.find((t) => t.id === toolspaceId) ?? items[0];
  const servers = useServerRows(projectId, space?.id).data;
  const unknown = unknownPlaceholders(strategy, template);
  let text: string | null = null;
  if (space && servers && unknown.length === 0)
    text = renderPrompt(strategy, template, {
      servers: servers.map((s) => `- ${s.name}: ${s.description}`).join("\n"),
      server_count: servers.length,
      tool_count: space.tools,
      ...defaults,
    });
  return (
    <section aria-label="Preview" className="flex min-w-0 flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-medium text-fg">Preview</h2>
        {items.length ? (
          <Select
            aria-label="Toolspace the preview is filled from"
            value={space?.id ?? ""}
            onChange={(e) => onToolspace(e.target.value)}
            className="max-w-64"
            data-testid="prompt-preview-toolspace"
          >
            {items.map((t) => (
              <option key={t.id} value={t.id}>
                {`with ${t.name} (${t.servers} servers, ${t.tools} tools)`}
              </option>
            ))}
          </Select>
        ) : null}
      </div>
      {!items.length && spaces.isSuccess ? (
        <p className="text-xs text-fg-muted">
          The preview fills the variables from a toolspace of this project; this project has none yet (Toolspaces → New
          toolspace).
        </p>
      ) : unknown.length ? (
        <p className="text-xs text-danger">The template cannot be filled until the unknown variables are removed.</p>
      ) : (
        <pre
          className="max-h-[28rem] min-h-40 overflow-auto whitespace-pre-wrap rounded-md border border-line bg-panel p-3 font-mono text-xs text-fg"
          data-testid="prompt-preview"
        >
          {text ?? "…"}
        </pre>
      )}
    </section>
  );
}
