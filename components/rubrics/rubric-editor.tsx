"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api, projectPath } from "@/components/api/client";
import { useCan, useProject } from "@/components/projects/project-context";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { IconPlus } from "@/components/ui/icons";
import { Field, Input } from "@/components/ui/input";
import { Kbd } from "@/components/ui/kbd";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { type RubricDetail, rubricCreated, versionSaved } from "@/lib/rubrics/schemas";
import { AggregationFields } from "./aggregation-fields";
import { CategoryPresets, CriterionCard } from "./criterion-card";
import { type Draft, describePath, draftIssues, move, newCriterion, toDraft, toVersionInput } from "./editor-state";
import { PreviewPanel, type PreviewScores } from "./preview-panel";
import { rubricKeys, useRubric } from "./queries";
import { RubricsTabs } from "./rubrics-tabs";
import { type RubricScope, ScopeFields } from "./scope-fields";
import { VersionHistory } from "./version-history";

const emptyDraft = (): Draft => ({ criteria: [newCriterion([])], aggregation: { rule: "weighted-mean" } });
const snapshot = (name: string, d: Draft) => JSON.stringify([name, toVersionInput(d).input]);

export function RubricEditorScreen({ rubricId }: { rubricId: string | null }) {
  const project = useProject();
  const rubric = useRubric(project.id, rubricId);
  if (rubricId && !rubric.data)
    return (
      <>
        <RubricsTabs projectId={project.id} title="Rubric" description={null} />
        <ErrorText message={rubric.error?.message} />
        {rubric.isPending ? <SkeletonBlock lines={8} /> : null}
      </>
    );
  return <RubricEditor key={rubric.data?.id ?? "new"} rubric={rubric.data ?? null} />;
}

function RubricEditor({ rubric }: { rubric: RubricDetail | null }) {
  const project = useProject();
  const canEdit = useCan("editor");
  const router = useRouter();
  const url = useUrlQuery();
  const qc = useQueryClient();
  const toast = useToast();
  const base = `/projects/${project.id}/rubrics`;
  const latest = rubric?.versions[0] ?? null;
  const viewing =
    rubric && url.get("version") ? rubric.versions.find((v) => v.version === Number(url.get("version"))) : null;
  const tab = rubric && url.get("tab") === "history" ? "history" : "edit";
  const shown = viewing ?? latest;
  const readOnly = !canEdit || (!!viewing && viewing.version !== latest?.version);

  const [name, setName] = useState(rubric?.name ?? "");
  const [scope, setScope] = useState<RubricScope>({ taskSetId: "", taskId: "" });
  const [draft, setDraft] = useState<Draft>(() => (latest ? toDraft(latest) : emptyDraft()));
  const [saved, setSaved] = useState(() => snapshot(rubric?.name ?? "", draft));
  const [scores, setScores] = useState<PreviewScores>({});
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [serverIssue, setServerIssue] = useState<{ path: string; message: string } | null>(null);
  const shownDraft = useMemo(() => (readOnly && shown ? toDraft(shown) : draft), [readOnly, shown, draft]);
  const issues = useMemo(() => {
    const all = draftIssues(shownDraft);
    if (serverIssue && !all.has(serverIssue.path)) all.set(serverIssue.path, serverIssue.message);
    return all;
  }, [shownDraft, serverIssue]);
  const dirty = !readOnly && snapshot(name, draft) !== saved;

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const save = useMutation({
    mutationFn: async () => {
      const { input } = toVersionInput(draft);
      if (!rubric)
        return api(
          projectPath(project.id, "/rubrics"),
          {
            method: "POST",
            body: { name, taskSetId: scope.taskSetId || null, taskId: scope.taskId || null, version: input },
          },
          rubricCreated,
        );
      return api(
        projectPath(project.id, `/rubrics/${rubric.id}/versions`),
        { method: "POST", body: input },
        versionSaved,
      );
    },
    onSuccess: (out) => {
      setServerIssue(null);
      setSaved(snapshot(name, draft));
      qc.invalidateQueries({ queryKey: rubricKeys.all(project.id) });
      if ("rubric" in out) {
        toast({ title: `Created ${out.rubric.name}, version 1` });
        router.replace(`${base}/${out.rubric.id}`);
      } else
        toast({
          title: `Saved version ${out.version.version}`,
          description: out.changes.length
            ? `${out.changes.length} change(s) against the version before`
            : "No changes against the version before",
        });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field)
        setServerIssue({ path: e.field.replace(/^version\./, ""), message: e.message.replace(/^[^:]*: /, "") });
    },
  });
  const saveRef = useRef<() => void>(() => {});
  saveRef.current = () => {
    if (readOnly || save.isPending) return;
    const first = [...issues.entries()][0];
    if (!name.trim()) return toast({ tone: "error", title: "Give the rubric a name to save it" });
    if (first)
      return toast({
        tone: "error",
        title: `Fix ${issues.size} issue(s) to save`,
        description: `${describePath(first[0], draft.criteria)}: ${first[1]}`,
      });
    save.mutate();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const setCriteria = (criteria: Draft["criteria"]) => setDraft((d) => ({ ...d, criteria }));
  const restore = () => {
    if (!shown) return;
    setDraft(toDraft(shown));
    url.set({ version: null });
    toast({
      title: `Version ${shown.version} loaded into the editor`,
      description: "Save (Ctrl+S) to make it the newest version.",
    });
  };

  return (
    <>
      <CategoryPresets />
      <RubricsTabs
        projectId={project.id}
        title={
          rubric ? (
            <span className="flex items-center gap-2">
              {rubric.name}
              <Badge>v{shown?.version}</Badge>
              {dirty ? <Badge tone="warning">unsaved</Badge> : null}
            </span>
          ) : (
            "New rubric"
          )
        }
        description={
          rubric?.taskRef
            ? `For task ${rubric.taskRef}`
            : rubric?.taskSetName
              ? `A template for every task of ${rubric.taskSetName}: {{task.prompt}}, {{task.reference}} and {{task.claims}} come from each trajectory's task`
              : null
        }
        actions={
          <>
            {rubric && shown ? (
              <ButtonLink
                href={`/projects/${project.id}/rubrics/playground?rubric=${rubric.id}&version=${shown.version}`}
                data-testid="try-in-playground"
              >
                Try v{shown.version} in the playground
              </ButtonLink>
            ) : null}
            {readOnly ? null : (
              <>
                <span className="text-xs text-fg-subtle">
                  <Kbd>Ctrl</Kbd>+<Kbd>S</Kbd>
                </span>
                <Button
                  variant="primary"
                  onClick={() => saveRef.current()}
                  disabled={save.isPending}
                  data-testid="save-rubric"
                >
                  {rubric ? `Save as v${(latest?.version ?? 0) + 1}` : "Create rubric"}
                </Button>
              </>
            )}
          </>
        }
      />
      {rubric ? (
        <nav aria-label="Rubric views" className="mb-3 flex gap-2 text-sm">
          <Button
            size="sm"
            variant={tab === "edit" ? "secondary" : "ghost"}
            onClick={() => url.set({ tab: null })}
            data-testid="tab-edit"
          >
            Criteria
          </Button>
          <Button
            size="sm"
            variant={tab === "history" ? "secondary" : "ghost"}
            onClick={() => url.set({ tab: "history" })}
            data-testid="tab-history"
          >
            History ({rubric.versions.length})
          </Button>
        </nav>
      ) : null}
      {tab === "history" && rubric ? (
        <VersionHistory
          versions={rubric.versions}
          base={`${base}/${rubric.id}`}
          to={Number(url.get("to")) || rubric.versions[0].version}
          from={Number(url.get("from")) || Math.max(1, (Number(url.get("to")) || rubric.versions[0].version) - 1)}
          onPick={(from, to) => url.set({ from, to })}
        />
      ) : (
        <>
          {viewing && readOnly && canEdit ? (
            <div
              className="mb-3 flex items-center justify-between gap-2 rounded-md border border-warning/50 bg-warning/10 px-3 py-2 text-sm"
              data-testid="old-version"
            >
              <span>
                Version {viewing.version} of {latest?.version}, read-only. Versions never change.
              </span>
              <span className="flex gap-2">
                <Button size="sm" onClick={() => url.set({ version: null })}>
                  Back to latest
                </Button>
                <Button size="sm" variant="primary" onClick={restore} data-testid="restore-version">
                  Restore as new version
                </Button>
              </span>
            </div>
          ) : null}
          <div className="grid gap-4 xl:grid-cols-[1fr_22rem] lg:grid-cols-[1fr_19rem]">
            <div className="flex min-w-0 flex-col gap-2">
              {rubric ? null : (
                <Field label="Name" error={issues.get("name") ?? null}>
                  {(p) => (
                    <Input
                      {...p}
                      value={name}
                      onChange={(e) => setName(e.target.value)}
                      placeholder="e.g. Weather answers"
                      data-testid="rubric-name"
                    />
                  )}
                </Field>
              )}
              {rubric ? null : <ScopeFields projectId={project.id} scope={scope} onChange={setScope} />}
              {shownDraft.criteria.map((c, i) => (
                <CriterionCard
                  key={c.key}
                  c={c}
                  index={i}
                  count={shownDraft.criteria.length}
                  issues={issues}
                  readOnly={readOnly}
                  onChange={(next) => {
                    setServerIssue(null);
                    setCriteria(draft.criteria.map((x, j) => (j === i ? next : x)));
                  }}
                  onMove={(to) => setCriteria(move(draft.criteria, i, to))}
                  onRemove={() => setCriteria(draft.criteria.filter((_, j) => j !== i))}
                  dragProps={
                    readOnly
                      ? undefined
                      : {
                          draggable: true,
                          onDragStart: () => setDragFrom(i),
                          onDragOver: (e) => e.preventDefault(),
                          onDrop: () => {
                            if (dragFrom !== null) setCriteria(move(draft.criteria, dragFrom, i));
                            setDragFrom(null);
                          },
                        }
                  }
                />
              ))}
              {issues.has("criteria") ? (
                <ErrorText className="text-xs text-danger" message={issues.get("criteria")} />
              ) : null}
              {readOnly ? null : (
                <Button
                  className="self-start"
                  icon={<IconPlus className="size-3.5" />}
                  onClick={() => setCriteria([...draft.criteria, newCriterion(draft.criteria)])}
                  data-testid="add-criterion"
                >
                  Add criterion
                </Button>
              )}
            </div>
            <aside className="flex flex-col gap-4 self-start lg:sticky lg:top-4">
              <AggregationFields
                value={shownDraft.aggregation}
                criteria={shownDraft.criteria}
                issues={issues}
                readOnly={readOnly}
                onChange={(aggregation) => setDraft((d) => ({ ...d, aggregation }))}
              />
              <PreviewPanel draft={shownDraft} scores={scores} onScores={setScores} />
              {issues.size ? (
                <section
                  aria-label="Issues"
                  className="rounded-md border border-danger/50 p-2 text-xs"
                  data-testid="issues"
                >
                  <h2 className="mb-1 font-semibold text-danger">
                    {issues.size} issue{issues.size === 1 ? "" : "s"} to fix before saving
                  </h2>
                  <ul className="flex flex-col gap-0.5">
                    {[...issues.entries()].slice(0, 12).map(([path, message]) => (
                      <li key={path}>
                        <span className="text-fg-muted">{describePath(path, shownDraft.criteria)}:</span> {message}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <ErrorText
                className="text-xs text-danger"
                message={save.error && !serverIssue ? save.error.message : null}
              />
            </aside>
          </div>
        </>
      )}
    </>
  );
}
