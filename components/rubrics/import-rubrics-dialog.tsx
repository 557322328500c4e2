"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, projectPath } from "@/components/api/client";
import { DropZone } from "@/components/imports/drop-zone";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type RubricFormat, rubricImportResult } from "@/lib/rubrics/schemas";
import { rubricKeys } from "./queries";

const formatText: Record<RubricFormat, string> = {
  "mcp-atlas-claims": "MCP-Atlas claims (CSV with GTFA_CLAIMS): one rubric per task",
  tau2: "tau2-bench tasks.json: one rubric per task",
  list: "A JSON list [{title, description, weight}]: one rubric",
};

/** The format a file most likely holds, from its name and first characters. */
function guessFormat(name: string, text: string): RubricFormat {
  if (name.endsWith(".csv") || text.startsWith("TASK,")) return "mcp-atlas-claims";
  return /"evaluation_criteria"/.test(text.slice(0, 200_000)) ? "tau2" : "list";
}

export function ImportRubricsDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [format, setFormat] = useState<RubricFormat>("list");
  const [name, setName] = useState("");
  const run = useMutation({
    mutationFn: () =>
      api(
        projectPath(projectId, "/rubrics/import"),
        { method: "POST", body: { format, content: file?.text ?? "", ...(name.trim() ? { name: name.trim() } : {}) } },
        rubricImportResult,
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: rubricKeys.all(projectId) }),
  });
  const result = run.data;
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title="Import rubrics"
      description="From MCP-Atlas claims, tau2-bench evaluation criteria, or a list of weighted criteria. Rubrics per task link to this project's task of the same id."
      testId="import-rubrics-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {result ? "Close" : "Cancel"}
          </Button>
          {result ? null : (
            <Button
              variant="primary"
              disabled={!file || run.isPending}
              onClick={() => run.mutate()}
              data-testid="import-rubrics-submit"
            >
              Import
            </Button>
          )}
        </>
      }
    >
      {result ? (
        <div className="flex flex-col gap-2" data-testid="import-rubrics-result">
          <p className="text-sm text-fg">
            {result.created} created, {result.skipped} skipped.
          </p>
          <ul className="max-h-72 overflow-auto rounded-md border border-line text-xs">
            {result.items.map((i) => (
              <li key={i.name} className="flex items-baseline gap-2 border-b border-line px-2 py-1 last:border-0">
                <Badge tone={i.status === "created" ? "success" : "neutral"}>{i.status}</Badge>
                <span className="truncate text-fg">{i.name}</span>
                {i.status === "created" && i.taskRef ? (
                  <span className="text-fg-subtle">{i.taskId ? "linked to its task" : "no task of this id here"}</span>
                ) : null}
                {i.reason ? <span className="text-fg-muted">{i.reason}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          <DropZone
            what="a rubric file"
            hint="MCP-Atlas sample_tasks.csv, tau2-bench tasks.json, or a JSON list of {title, description, weight} (negative weights are pitfalls). Up to 8 MB."
            accept=".csv,.json,application/json,text/csv"
            busy={run.isPending}
            onFile={async (f) => {
              const text = await f.text();
              setFile({ name: f.name, text });
              setFormat(guessFormat(f.name, text));
            }}
          />
          {file ? (
            <p className="text-sm text-fg" data-testid="import-rubrics-file">
              {file.name} <span className="text-fg-subtle">({Math.ceil(file.text.length / 1024)} KB)</span>
            </p>
          ) : null}
          <div className="grid grid-cols-[1fr_1fr] gap-3">
            <Field label="Format">
              {(p) => (
                <Select {...p} value={format} onChange={(e) => setFormat(e.target.value as RubricFormat)}>
                  {(Object.keys(formatText) as RubricFormat[]).map((f) => (
                    <option key={f} value={f}>
                      {formatText[f]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Name" hint={format === "list" ? "the rubric's name" : "a prefix for each task's rubric"}>
              {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} placeholder="optional" />}
            </Field>
          </div>
          <ErrorText message={run.error?.message} />
        </div>
      )}
    </Dialog>
  );
}
