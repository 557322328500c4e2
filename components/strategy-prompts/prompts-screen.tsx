"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError, api, projectPath } from "@/components/api/client";
import { useCan, useProject } from "@/components/projects/project-context";
import { RunsTabs } from "@/components/runs/runs-tabs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorText } from "@/components/ui/error-text";
import { Field, Input, Textarea } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { PROMPT_VARIABLES, type Strategy, strategies, unknownPlaceholders } from "@/lib/runtime/strategies/prompts";
import { promptVersionView } from "@/lib/strategy-prompts/schemas";
import { PromptPreview } from "./prompt-preview";
import { promptKeys, useStrategyPrompts } from "./queries";

const LABEL: Record<Strategy, string> = { eager: "Eager", isl: "ISL", itl: "ITL", "itl-ptc": "ITL+PTC" };
const ABOUT: Record<Strategy, string> = {
  eager: "every tool in context from the first step",
  isl: "the agent loads whole servers by name",
  itl: "the agent searches the catalogue and loads single tools",
  "itl-ptc": "ITL, plus run_program to chain tool calls in JavaScript",
};

export function PromptsScreen() {
  const project = useProject();
  const canEdit = useCan("editor");
  const url = useUrlQuery();
  const qc = useQueryClient();
  const toast = useToast();
  const prompts = useStrategyPrompts(project.id);
  const strategy = (strategies as readonly string[]).includes(url.get("strategy"))
    ? (url.get("strategy") as Strategy)
    : "eager";
  const entry = prompts.data?.items.find((i) => i.strategy === strategy);
  const latest = entry?.versions[0];
  const [template, setTemplate] = useState("");
  const [note, setNote] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const loadedFor = useRef<string | null>(null);

  // the editor starts from the newest version, or the built-in default when there is none
  useEffect(() => {
    if (!entry || loadedFor.current === strategy) return;
    loadedFor.current = strategy;
    setTemplate(entry.versions[0]?.template ?? entry.defaultTemplate);
    setNote("");
    setFieldError(null);
  }, [entry, strategy]);

  const unknown = unknownPlaceholders(strategy, template);
  const base = latest?.template ?? entry?.defaultTemplate;
  const unchanged = template === base;
  const save = useMutation({
    mutationFn: () =>
      api(
        projectPath(project.id, "/strategy-prompts"),
        { method: "POST", body: { strategy, template, note } },
        promptVersionView,
      ),
    onSuccess: (v) => {
      qc.invalidateQueries({ queryKey: promptKeys.all(project.id) });
      setNote("");
      toast({ title: `Saved ${LABEL[strategy]} prompt v${v.version}`, description: "Runs can choose it by version." });
    },
    onError: (e) => setFieldError(e instanceof ApiError && e.field === "template" ? e.message : null),
  });

  const insert = (name: string) => {
    const el = area.current;
    const token = `{{${name}}}`;
    if (!el) return setTemplate((t) => t + token);
    const { selectionStart: a, selectionEnd: b } = el;
    setTemplate((t) => t.slice(0, a) + token + t.slice(b));
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(a + token.length, a + token.length);
    });
  };

  return (
    <>
      <RunsTabs
        projectId={project.id}
        title="Strategy prompts"
        description="The system prompt each loading strategy starts an episode with. Edit a template and save it as a new version; a run names the version it uses, or the built-in default."
      />
      <nav aria-label="Strategies" className="mb-4 flex flex-wrap gap-1.5">
        {strategies.map((s) => {
          const n = prompts.data?.items.find((i) => i.strategy === s)?.versions.length ?? 0;
          return (
            <button
              key={s}
              type="button"
              aria-current={s === strategy ? "page" : undefined}
              onClick={() => url.set({ strategy: s === "eager" ? null : s })}
              className={cn(
                "flex items-center gap-2 rounded-md border px-3 py-1.5 text-left text-sm",
                s === strategy ? "border-accent bg-accent-soft text-fg" : "border-line text-fg-muted hover:bg-hover",
              )}
              data-testid={`strategy-${s}`}
            >
              <span className="font-medium">{LABEL[s]}</span>
              <span className="text-xs text-fg-subtle">{n ? `${n} version${n > 1 ? "s" : ""}` : "default"}</span>
            </button>
          );
        })}
      </nav>
      <ErrorText message={prompts.error?.message} />
      {!entry || !prompts.data ? (
        <Skeleton className="h-80" />
      ) : (
        <div className="grid min-w-0 grid-cols-1 gap-5 lg:grid-cols-2">
          <section aria-label={`${LABEL[strategy]} template`} className="flex min-w-0 flex-col gap-3">
            <p className="text-xs text-fg-muted">
              <span className="font-medium text-fg">{LABEL[strategy]}</span>: {ABOUT[strategy]}. Editing{" "}
              {latest ? `from v${latest.version}` : "from the built-in default"}.
            </p>
            <div className="flex flex-wrap items-center gap-1.5">
              <span className="text-xs text-fg-subtle">Variables:</span>
              {PROMPT_VARIABLES[strategy].map((v) => (
                <button
                  key={v}
                  type="button"
                  disabled={!canEdit}
                  onClick={() => insert(v)}
                  title={`Insert {{${v}}} at the cursor`}
                  className="rounded border border-line px-1.5 py-0.5 font-mono text-xs text-fg hover:bg-hover disabled:cursor-default"
                >
                  {`{{${v}}}`}
                </button>
              ))}
            </div>
            <Field
              label="Template"
              error={
                unknown.length
                  ? `${unknown.map((u) => `{{${u}}}`).join(", ")}: not a variable of ${LABEL[strategy]}; use ${PROMPT_VARIABLES[strategy].map((v) => `{{${v}}}`).join(", ")}`
                  : fieldError
              }
            >
              {(p) => (
                <Textarea
                  {...p}
                  ref={area}
                  rows={16}
                  readOnly={!canEdit}
                  value={template}
                  onChange={(e) => {
                    setTemplate(e.target.value);
                    setFieldError(null);
                  }}
                  className="font-mono text-xs"
                  data-testid="prompt-template"
                />
              )}
            </Field>
            {canEdit ? (
              <div className="flex flex-wrap items-end gap-2">
                <Field label="Note (optional)" className="min-w-48 flex-1">
                  {(p) => (
                    <Input
                      {...p}
                      value={note}
                      placeholder="what changed, e.g. shorter tool rules"
                      onChange={(e) => setNote(e.target.value)}
                      data-testid="prompt-note"
                    />
                  )}
                </Field>
                <Button
                  variant="ghost"
                  disabled={template === entry.defaultTemplate}
                  onClick={() => setTemplate(entry.defaultTemplate)}
                >
                  Reset to default
                </Button>
                <Button
                  variant="primary"
                  onClick={() => save.mutate()}
                  disabled={unchanged || unknown.length > 0 || save.isPending || !template.trim()}
                  title={unchanged ? "Change the template to save a new version" : undefined}
                  data-testid="prompt-save"
                >
                  Save as v{(latest?.version ?? 0) + 1}
                </Button>
              </div>
            ) : null}
            <ErrorText message={save.error && !fieldError ? save.error.message : null} />
          </section>
          <div className="flex min-w-0 flex-col gap-5">
            <PromptPreview
              projectId={project.id}
              strategy={strategy}
              template={template}
              defaults={prompts.data.runtimeDefaults}
              toolspaceId={url.get("toolspace")}
              onToolspace={(id) => url.set({ toolspace: id })}
            />
            <section aria-label="History" className="flex min-w-0 flex-col gap-2">
              <h2 className="text-sm font-medium text-fg">History</h2>
              <ol className="divide-y divide-line rounded-md border border-line text-sm" data-testid="prompt-history">
                {entry.versions.map((v) => (
                  <li key={v.id} className="flex items-center gap-2 px-3 py-2">
                    <Badge tone={v.id === latest?.id ? "accent" : "neutral"}>v{v.version}</Badge>
                    <span className="min-w-0 flex-1 truncate text-fg-muted" title={v.note}>
                      {v.note || "no note"}
                    </span>
                    <span className="whitespace-nowrap text-xs text-fg-subtle">
                      {v.createdBy ?? "an API key"} · <RelativeTime value={v.createdAt} />
                    </span>
                    <Button size="sm" variant="ghost" onClick={() => setTemplate(v.template)}>
                      {canEdit ? "Edit from" : "Show"}
                    </Button>
                  </li>
                ))}
                <li className="flex items-center gap-2 px-3 py-2">
                  <Badge>default</Badge>
                  <span className="min-w-0 flex-1 truncate text-fg-muted">built into the studio; never changes</span>
                  <Button size="sm" variant="ghost" onClick={() => setTemplate(entry.defaultTemplate)}>
                    {canEdit ? "Edit from" : "Show"}
                  </Button>
                </li>
              </ol>
            </section>
          </div>
        </div>
      )}
    </>
  );
}
