"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, api, projectPath } from "@/components/api/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Checkbox, Field, Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { type JudgeView, judgeView } from "@/lib/judges/schemas";
import { checkInput, type FormValues, initialValues, toInput } from "./judge-form-state";
import { judgeKeys } from "./queries";

/** Add a judge (judge = null) or replace one's settings. */
export function JudgeDialog({
  projectId,
  judge,
  onClose,
}: {
  projectId: string;
  judge: JudgeView | null;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const [v, setV] = useState<FormValues>(() => initialValues(judge));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof FormValues>(k: K, value: FormValues[K]) => setV((old) => ({ ...old, [k]: value }));
  const save = useMutation({
    mutationFn: () => {
      const body = toInput(v, judge !== null);
      return judge
        ? api(projectPath(projectId, `/judges/${judge.id}`), { method: "PATCH", body }, judgeView)
        : api(projectPath(projectId, "/judges"), { method: "POST", body }, judgeView);
    },
    onSuccess: (saved) => {
      qc.invalidateQueries({ queryKey: judgeKeys.all(projectId) });
      toast({
        title: judge ? `Saved ${saved.name}` : `Added ${saved.name}`,
        description: "“Test” sends it one small judgment.",
      });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field) setErrors({ [e.field]: e.message.replace(/^[\w.]+: /, "") });
    },
  });
  const remove = useMutation({
    mutationFn: (j: JudgeView) => api(projectPath(projectId, `/judges/${j.id}`), { method: "DELETE" }),
    onSuccess: (_, j) => {
      qc.invalidateQueries({ queryKey: judgeKeys.all(projectId) });
      toast({ title: `Deleted ${j.name}`, description: "Scores it gave stay." });
      onClose();
    },
  });
  const submit = () => {
    const found = checkInput(toInput(v, judge !== null));
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const err = (f: string) => errors[f] ?? null;
  const text = (
    k: keyof FormValues,
    label: string,
    field: string,
    extra: { hint?: string; placeholder?: string; type?: string } = {},
  ) => (
    <Field label={label} hint={extra.hint} error={err(field)}>
      {(p) => (
        <Input
          {...p}
          type={extra.type ?? "text"}
          value={String(v[k])}
          placeholder={extra.placeholder}
          onChange={(e) => set(k, e.target.value as never)}
          data-testid={`judge-${k}`}
        />
      )}
    </Field>
  );
  const known = new Set([
    "name",
    "kind",
    "config.baseUrl",
    "config.model",
    "config.apiKey",
    "config.temperature",
    "config.samples",
    "config.combine",
    "config.timeoutMs",
    "config.maxRetries",
    "config.concurrency",
    "config.maxOutputChars",
    "config.responseFormat",
    "config.promptTemplate",
    "config.modelDir",
    "config.maxLength",
    "config.output",
  ]);
  const other = Object.entries(errors).find(([f]) => !known.has(f));
  const serverError =
    (save.error && !(save.error instanceof ApiError && save.error.field) ? save.error.message : null) ??
    remove.error?.message;

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={judge ? `Edit ${judge.name}` : "Add a judge"}
      description="A model judge asks any OpenAI-compatible chat endpoint (vLLM, SGLang, Ollama, llama.cpp server, OpenAI); an ONNX judge runs a local model folder on the studio's host."
      testId="judge-dialog"
      footer={
        <>
          {judge ? (
            <Button
              variant="ghost"
              className="mr-auto text-danger"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete the judge “${judge.name}”? Scores it gave stay.`)) remove.mutate(judge);
              }}
              data-testid="judge-delete"
            >
              Delete judge
            </Button>
          ) : null}
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" onClick={submit} disabled={save.isPending} data-testid="judge-save">
            {judge ? "Save" : "Add judge"}
          </Button>
        </>
      }
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid grid-cols-[2fr_1fr] gap-3">
          {text("name", "Name", "name", { placeholder: "Qwen3-8B on vLLM" })}
          <Field label="Kind" error={err("kind")}>
            {(p) => (
              <Select
                {...p}
                value={v.kind}
                onChange={(e) => set("kind", e.target.value as FormValues["kind"])}
                data-testid="judge-kind"
              >
                <option value="model">Model (chat endpoint)</option>
                <option value="onnx">ONNX (local model)</option>
              </Select>
            )}
          </Field>
        </div>
        {v.kind === "model" ? (
          <>
            <div className="grid grid-cols-2 gap-3">
              {text("baseUrl", "Base URL", "config.baseUrl", {
                placeholder: "http://localhost:8000/v1",
                hint: "the part before /chat/completions",
              })}
              {text("model", "Model", "config.model", { placeholder: "Qwen/Qwen3-8B" })}
            </div>
            <Field
              label="API key"
              error={err("config.apiKey")}
              hint={
                judge?.kind === "model" && judge.hasApiKey
                  ? "A key is stored. Leave empty to keep it; type a new one to replace it."
                  : "Kept on the studio's server and sent only to this endpoint; never shown again."
              }
            >
              {(p) => (
                <Input
                  {...p}
                  type="password"
                  autoComplete="off"
                  value={v.apiKey}
                  disabled={v.removeKey}
                  placeholder={judge?.kind === "model" && judge.hasApiKey ? "stored" : "none"}
                  onChange={(e) => set("apiKey", e.target.value)}
                  data-testid="judge-apiKey"
                />
              )}
            </Field>
            {judge?.kind === "model" && judge.hasApiKey ? (
              <Checkbox
                label="Remove the stored key"
                checked={v.removeKey}
                onChange={(e) => set("removeKey", e.target.checked)}
              />
            ) : null}
            <div className="grid grid-cols-4 gap-3">
              {text("temperature", "Temperature", "config.temperature", { type: "number" })}
              {text("samples", "Samples", "config.samples", { type: "number" })}
              <Field
                label="Combine"
                error={err("config.combine")}
                hint={v.combine === "majority" ? "ties: lower" : undefined}
              >
                {(p) => (
                  <Select
                    {...p}
                    value={v.combine}
                    onChange={(e) => set("combine", e.target.value as FormValues["combine"])}
                  >
                    <option value="majority">majority</option>
                    <option value="mean">mean</option>
                  </Select>
                )}
              </Field>
              {text("concurrency", "Concurrency", "config.concurrency", { type: "number" })}
              {text("timeoutMs", "Timeout (ms)", "config.timeoutMs", { type: "number" })}
              {text("maxRetries", "Retries", "config.maxRetries", { type: "number" })}
              {text("maxOutputChars", "Cut texts at", "config.maxOutputChars", { type: "number", hint: "characters" })}
              <Field label="JSON answers" error={err("config.responseFormat")}>
                {(p) => (
                  <Select
                    {...p}
                    value={v.responseFormat}
                    onChange={(e) => set("responseFormat", e.target.value as FormValues["responseFormat"])}
                  >
                    <option value="json_schema">json_schema</option>
                    <option value="json_object">json_object</option>
                    <option value="none">parse text</option>
                  </Select>
                )}
              </Field>
            </div>
            <Field
              label="Prompt template (optional)"
              error={err("config.promptTemplate")}
              hint="Replaces the default prompt. Placeholders: {{trajectory}}, {{criterion}}, {{scale}}, {{task.prompt}}, {{task.reference}}, {{task.claims}}, {{truncation}}. The JSON answer format is always asked for."
            >
              {(p) => (
                <Textarea
                  {...p}
                  rows={3}
                  value={v.promptTemplate}
                  onChange={(e) => set("promptTemplate", e.target.value)}
                />
              )}
            </Field>
          </>
        ) : (
          <>
            {text("modelDir", "Model folder", "config.modelDir", {
              placeholder: "/models/judge-cross-encoder",
              hint: "on the studio's host: model.onnx and tokenizer.json (docs/onnx-judges.md)",
            })}
            <div className="grid grid-cols-3 gap-3">
              {text("maxLength", "Max tokens", "config.maxLength", { type: "number" })}
              <Field label="Output" error={err("config.output")}>
                {(p) => (
                  <Select
                    {...p}
                    value={v.output}
                    onChange={(e) => set("output", e.target.value as FormValues["output"])}
                  >
                    <option value="sigmoid">sigmoid of a logit</option>
                    <option value="softmax-last">softmax, last class</option>
                    <option value="identity">a score in [0, 1]</option>
                  </Select>
                )}
              </Field>
              {text("maxOutputChars", "Cut texts at", "config.maxOutputChars", { type: "number", hint: "characters" })}
            </div>
          </>
        )}
        <ErrorText message={other ? `${other[0]}: ${other[1]}` : serverError} />
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
