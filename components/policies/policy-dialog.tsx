"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, api, projectPath } from "@/components/api/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Checkbox, Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { type PolicyView, policyView } from "@/lib/policies/schemas";
import { checkInput, type FormValues, initialValues, toInput } from "./policy-form-state";
import { policyKeys } from "./queries";

const KNOWN = new Set([
  "name",
  "baseUrl",
  "model",
  "apiKey",
  "temperature",
  "maxTokens",
  "contextWindow",
  "tokenizer",
  "timeoutMs",
]);

/** Add a policy (policy = null) or replace one's settings. */
export function PolicyDialog({
  projectId,
  policy,
  onClose,
}: {
  projectId: string;
  policy: PolicyView | null;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const [v, setV] = useState<FormValues>(() => initialValues(policy));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof FormValues>(k: K, value: FormValues[K]) => setV((old) => ({ ...old, [k]: value }));
  const save = useMutation({
    mutationFn: () => {
      const body = toInput(v, policy !== null);
      return policy
        ? api(projectPath(projectId, `/policies/${policy.id}`), { method: "PATCH", body }, policyView)
        : api(projectPath(projectId, "/policies"), { method: "POST", body }, policyView);
    },
    onSuccess: (saved) => {
      qc.invalidateQueries({ queryKey: policyKeys.all(projectId) });
      toast({
        title: policy ? `Saved ${saved.name}` : `Added ${saved.name}`,
        description: "“Test” sends it one small chat with a tool.",
      });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field) setErrors({ [e.field]: e.message.replace(/^[\w.]+: /, "") });
    },
  });
  const remove = useMutation({
    mutationFn: (p: PolicyView) => api(projectPath(projectId, `/policies/${p.id}`), { method: "DELETE" }),
    onSuccess: (_, p) => {
      qc.invalidateQueries({ queryKey: policyKeys.all(projectId) });
      toast({ title: `Deleted ${p.name}`, description: "Runs that used it keep their results." });
      onClose();
    },
  });
  const submit = () => {
    const found = checkInput(toInput(v, policy !== null));
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const err = (f: string) => errors[f] ?? null;
  const text = (
    k: keyof FormValues,
    label: string,
    extra: { hint?: string; placeholder?: string; type?: string } = {},
  ) => (
    <Field label={label} hint={extra.hint} error={err(k)}>
      {(p) => (
        <Input
          {...p}
          type={extra.type ?? "text"}
          value={String(v[k])}
          placeholder={extra.placeholder}
          onChange={(e) => set(k, e.target.value as never)}
          data-testid={`policy-${k}`}
        />
      )}
    </Field>
  );
  const other = Object.entries(errors).find(([f]) => !KNOWN.has(f));
  const serverError =
    (save.error && !(save.error instanceof ApiError && save.error.field) ? save.error.message : null) ??
    remove.error?.message;

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={policy ? `Edit ${policy.name}` : "Add a policy"}
      description="The model an agent episode asks for its next step: any OpenAI-compatible chat endpoint with tool calling (vLLM, SGLang, Ollama, llama.cpp server, OpenAI)."
      testId="policy-dialog"
      footer={
        <>
          {policy ? (
            <Button
              variant="ghost"
              className="mr-auto text-danger"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete the policy “${policy.name}”? Runs that used it keep their results.`))
                  remove.mutate(policy);
              }}
              data-testid="policy-delete"
            >
              Delete policy
            </Button>
          ) : null}
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" onClick={submit} disabled={save.isPending} data-testid="policy-save">
            {policy ? "Save" : "Add policy"}
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
        {text("name", "Name", { placeholder: "Qwen3-4B on vLLM" })}
        <div className="grid grid-cols-2 gap-3">
          {text("baseUrl", "Base URL", {
            placeholder: "http://localhost:8000/v1",
            hint: "the part before /chat/completions",
          })}
          {text("model", "Model", { placeholder: "Qwen/Qwen3-4B" })}
        </div>
        <Field
          label="API key"
          error={err("apiKey")}
          hint={
            policy?.hasApiKey
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
              placeholder={policy?.hasApiKey ? "stored" : "none"}
              onChange={(e) => set("apiKey", e.target.value)}
              data-testid="policy-apiKey"
            />
          )}
        </Field>
        {policy?.hasApiKey ? (
          <Checkbox
            label="Remove the stored key"
            checked={v.removeKey}
            onChange={(e) => set("removeKey", e.target.checked)}
          />
        ) : null}
        <div className="grid grid-cols-3 gap-3">
          {text("temperature", "Temperature", { type: "number" })}
          {text("maxTokens", "Max tokens", { type: "number", hint: "per answer" })}
          {text("contextWindow", "Context window", { type: "number", hint: "tokens" })}
          <Field
            label="Tokenizer"
            error={err("tokenizer")}
            hint={v.tokenizer === "qwen3" ? "exact for Qwen3 models" : "approximate for other models"}
          >
            {(p) => (
              <Select
                {...p}
                value={v.tokenizer}
                onChange={(e) => set("tokenizer", e.target.value as FormValues["tokenizer"])}
                data-testid="policy-tokenizer"
              >
                <option value="qwen3">qwen3</option>
                <option value="o200k_base">o200k_base</option>
              </Select>
            )}
          </Field>
          {text("timeoutMs", "Timeout (ms)", { type: "number", hint: "per request" })}
        </div>
        <ErrorText message={other ? `${other[0]}: ${other[1]}` : serverError} />
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
