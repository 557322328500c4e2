"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, api, projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Field, Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { serverRow } from "@/lib/toolspaces/schemas";

type Values = {
  name: string;
  description: string;
  transport: "stdio" | "http";
  command: string;
  args: string;
  env: string;
  cwd: string;
  url: string;
  headers: string;
};

// shown literally: the runtime substitutes it when an episode starts
const EPISODE_DIR = "$" + "{EPISODE_DIR}";

const EMPTY: Values = {
  name: "",
  description: "",
  transport: "stdio",
  command: "",
  args: "",
  env: "",
  cwd: "",
  url: "",
  headers: "",
};

/** "KEY=value" (or "Name: value") lines to a record; a line without the separator is named in the error. */
function pairs(text: string, sep: "=" | ":", field: string): { value: Record<string, string> } | { error: string } {
  const out: Record<string, string> = {};
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf(sep);
    if (at <= 0) return { error: `line ${i + 1}: write ${sep === "=" ? "KEY=value" : "Name: value"} (${field})` };
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { value: out };
}

function toBody(v: Values): { body: object } | { field: string; error: string } {
  if (v.transport === "http") {
    const headers = pairs(v.headers, ":", "headers");
    if ("error" in headers) return { field: "config.headers", error: headers.error };
    return {
      body: {
        name: v.name,
        description: v.description,
        config: { transport: "http", url: v.url.trim(), headers: headers.value },
      },
    };
  }
  const env = pairs(v.env, "=", "env");
  if ("error" in env) return { field: "config.env", error: env.error };
  const args = v.args
    .split("\n")
    .map((a) => a.trim())
    .filter(Boolean);
  return {
    body: {
      name: v.name,
      description: v.description,
      config: {
        transport: "stdio",
        command: v.command,
        args,
        env: env.value,
        ...(v.cwd.trim() ? { cwd: v.cwd.trim() } : {}),
      },
    },
  };
}

/** Register an MCP server: the studio connects at once and keeps its tool list; nothing is saved if it cannot. */
export function AddServerDialog({
  projectId,
  toolspace,
  onClose,
}: {
  projectId: string;
  toolspace: { id: string; name: string };
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const [v, setV] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const save = useMutation({
    mutationFn: (body: object) =>
      api(projectPath(projectId, `/toolspaces/${toolspace.id}/servers`), { method: "POST", body }, serverRow),
    onSuccess: (s) => {
      qc.invalidateQueries({ queryKey: qk.toolspaces(projectId) });
      toast({
        title: `Registered ${s.name}`,
        description: `${s.tools} tools, ${s.schemaTokens ?? 0} schema tokens; connected in ${s.health?.ms ?? 0} ms.`,
      });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field && e.status !== 422)
        setErrors({ [e.field]: e.message.replace(/^[\w.]+: /, "") });
    },
  });
  const submit = () => {
    const r = toBody(v);
    if ("error" in r) return setErrors({ [r.field]: r.error });
    setErrors({});
    save.mutate(r.body);
  };
  const err = (f: string) => errors[f] ?? null;
  const known = new Set([
    "name",
    "description",
    "config.command",
    "config.args",
    "config.env",
    "config.cwd",
    "config.url",
    "config.headers",
  ]);
  const other = Object.entries(errors).find(([f]) => !known.has(f));
  const serverError =
    save.error && !(save.error instanceof ApiError && save.error.field && save.error.status !== 422)
      ? save.error.message
      : null;
  const input = (
    k: keyof Values,
    label: string,
    field: string,
    extra: { placeholder?: string; hint?: string } = {},
  ) => (
    <Field label={label} hint={extra.hint} error={err(field)}>
      {(p) => (
        <Input
          {...p}
          value={String(v[k])}
          placeholder={extra.placeholder}
          onChange={(e) => set(k, e.target.value as never)}
          data-testid={`server-${k}`}
        />
      )}
    </Field>
  );
  const lines = (k: keyof Values, label: string, field: string, placeholder: string, hint: string) => (
    <Field label={label} hint={hint} error={err(field)}>
      {(p) => (
        <Textarea
          {...p}
          rows={3}
          value={String(v[k])}
          placeholder={placeholder}
          onChange={(e) => set(k, e.target.value as never)}
          className="font-mono text-xs"
          data-testid={`server-${k}`}
        />
      )}
    </Field>
  );

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={`Add a server to ${toolspace.name}`}
      description="The studio connects now and lists the server's tools; a server it cannot reach is not saved. Episodes start their own copy of a stdio server."
      testId="add-server-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="primary"
            onClick={submit}
            loading={save.isPending}
            disabled={save.isPending}
            data-testid="server-save"
          >
            {save.isPending ? "Connecting…" : "Connect and add"}
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
        <div className="grid grid-cols-[1fr_2fr_auto] gap-3">
          {input("name", "Name", "name", { placeholder: "calculator", hint: "tools are called name.tool" })}
          {input("description", "Description", "description", {
            placeholder: "Arithmetic and unit conversion",
            hint: "one line: what ISL's server list shows",
          })}
          <Field label="Transport">
            {(p) => (
              <Select
                {...p}
                value={v.transport}
                onChange={(e) => set("transport", e.target.value as Values["transport"])}
                data-testid="server-transport"
              >
                <option value="stdio">stdio (command)</option>
                <option value="http">Streamable HTTP (URL)</option>
              </Select>
            )}
          </Field>
        </div>
        {v.transport === "stdio" ? (
          <>
            <div className="grid grid-cols-[1fr_2fr] gap-3">
              {input("command", "Command", "config.command", { placeholder: "node" })}
              {input("cwd", "Working directory (optional)", "config.cwd", { hint: "default: the studio's" })}
            </div>
            <div className="grid grid-cols-2 gap-3">
              {lines(
                "args",
                "Arguments",
                "config.args",
                "--import\ntsx\ntoolspace/servers/calculator/server.ts",
                `one per line; ${EPISODE_DIR} is each episode's own folder`,
              )}
              {lines(
                "env",
                "Environment",
                "config.env",
                `MEMORY_FILE_PATH=${EPISODE_DIR}/memory.jsonl`,
                "KEY=value per line",
              )}
            </div>
          </>
        ) : (
          <>
            {input("url", "URL", "config.url", { placeholder: "http://localhost:3001/mcp" })}
            {lines(
              "headers",
              "Headers",
              "config.headers",
              "Authorization: Bearer …",
              "Name: value per line; values are never shown again",
            )}
          </>
        )}
        <ErrorText message={other ? `${other[0]}: ${other[1]}` : serverError} />
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
