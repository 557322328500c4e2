"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { z } from "zod";
import { api, fieldError, formError, projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { useProject } from "@/components/projects/project-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Checkbox, Field, Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { useToast } from "@/components/ui/toast";
import { type Scope, scopeDescriptions, scopes } from "@/lib/access/roles";
import { type ApiKeyView, apiKeyView, createApiKeyInput, createdApiKey } from "@/lib/api-keys/schemas";

const keyList = z.object({ items: z.array(apiKeyView) });
type Created = z.infer<typeof createdApiKey>;

export function ApiKeysScreen() {
  const project = useProject();
  const qc = useQueryClient();
  const toast = useToast();
  const keys = useQuery({
    queryKey: qk.apiKeys(project.id),
    queryFn: () => api(projectPath(project.id, "/api-keys"), {}, keyList),
  });
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const revoke = useMutation({
    mutationFn: (keyId: string) => api(projectPath(project.id, `/api-keys/${keyId}`), { method: "DELETE" }, apiKeyView),
    onSuccess: (k) => {
      toast({ title: `Key “${k.name}” revoked`, description: "Calls with it are refused from now on." });
      setRevoking(null);
      qc.invalidateQueries({ queryKey: qk.apiKeys(project.id) });
    },
  });

  const columns = useMemo<ColumnDef<ApiKeyView>[]>(
    () => [
      {
        id: "name",
        header: "Name",
        accessorKey: "name",
        meta: { alwaysVisible: true },
        cell: ({ row }) => (
          <div className="flex min-w-0 flex-col">
            <span className="font-medium text-fg">{row.original.name}</span>
            <span className="text-xs text-fg-subtle">
              created <RelativeTime value={row.original.createdAt} />
            </span>
          </div>
        ),
      },
      {
        id: "prefix",
        header: "Key",
        accessorKey: "prefix",
        enableSorting: false,
        meta: { className: "w-32" },
        cell: ({ row }) => <code className="font-mono text-xs text-fg-muted">{row.original.prefix}…</code>,
      },
      {
        id: "scopes",
        header: "Scopes",
        enableSorting: false,
        meta: { className: "w-40" },
        cell: ({ row }) => (
          <span className="flex flex-wrap gap-1">
            {row.original.scopes.map((s) => (
              <Badge key={s} tone="info">
                {s}
              </Badge>
            ))}
          </span>
        ),
      },
      {
        id: "lastUsedAt",
        header: "Last used",
        accessorFn: (k) => k.lastUsedAt ?? "",
        meta: { className: "w-28 text-fg-muted" },
        cell: ({ row }) =>
          row.original.lastUsedAt ? (
            <RelativeTime value={row.original.lastUsedAt} />
          ) : (
            <span className="text-fg-subtle">never</span>
          ),
      },
      {
        id: "status",
        header: "Status",
        accessorFn: (k) => (k.revokedAt ? "revoked" : "active"),
        meta: { className: "w-24" },
        cell: ({ row }) =>
          row.original.revokedAt ? (
            <span
              className="flex items-center gap-1.5"
              title={`Revoked ${new Date(row.original.revokedAt).toLocaleString()}`}
            >
              <Badge tone="danger">revoked</Badge>
            </span>
          ) : (
            <Badge tone="success">active</Badge>
          ),
      },
      {
        id: "actions",
        header: "",
        enableSorting: false,
        meta: { className: "w-24 text-right", alwaysVisible: true, label: "Actions" },
        cell: ({ row }) =>
          row.original.revokedAt ? null : (
            <Button
              variant="ghost"
              size="sm"
              className="text-danger hover:text-danger"
              onClick={() => setRevoking(row.original)}
            >
              Revoke
            </Button>
          ),
      },
    ],
    [],
  );

  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <div className="flex flex-col gap-5">
      <CreateKeyCard onCreated={setCreated} />
      <section className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold">Keys</h2>
        <ErrorText message={keys.error?.message} />
        <DataTable
          label="API keys"
          testId="api-keys-table"
          data={keys.data?.items}
          loading={keys.isPending}
          columns={columns}
          getRowId={(k) => k.id}
          columnChooser={false}
          empty="No keys yet. Create one above for a trainer, an evaluation script or CI."
        />
      </section>

      <Dialog
        open={created !== null}
        onClose={() => setCreated(null)}
        title={`Key “${created?.name ?? ""}” created`}
        description={`Scopes: ${created?.scopes.join(", ") ?? ""}`}
        size="lg"
        testId="api-key-created-dialog"
        footer={
          <Button variant="primary" onClick={() => setCreated(null)} data-testid="api-key-done">
            I have stored it
          </Button>
        }
      >
        {created ? (
          <div className="flex flex-col gap-3">
            <p
              className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning"
              role="alert"
            >
              Copy the secret now. It is shown only once: the studio keeps only a hash and cannot show it again.
            </p>
            <CopyField value={created.key} testId="api-key-secret" />
            <div>
              <p className="mb-1 text-xs text-fg-muted">Try it:</p>
              <CopyField
                value={`curl -H "Authorization: Bearer ${created.key}" ${origin}/api/v1/projects/${project.id}/stats`}
              />
            </div>
          </div>
        ) : null}
      </Dialog>

      <Dialog
        open={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title="Revoke this key?"
        size="sm"
        footer={
          <>
            <Button onClick={() => setRevoking(null)}>Keep it</Button>
            <Button
              variant="danger"
              loading={revoke.isPending}
              onClick={() => revoking && revoke.mutate(revoking.id)}
              data-testid="api-key-revoke-confirm"
            >
              Revoke
            </Button>
          </>
        }
      >
        <p className="text-sm text-fg-muted">
          Everything that uses <span className="font-medium text-fg">{revoking?.name}</span> (
          <code className="font-mono text-xs">{revoking?.prefix}…</code>) stops working at once. This cannot be undone.
        </p>
        <ErrorText message={revoke.error?.message} className="mt-2 text-sm text-danger" />
      </Dialog>
    </div>
  );
}

function CreateKeyCard({ onCreated }: { onCreated: (k: Created) => void }) {
  const project = useProject();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<Scope[]>(["read"]);
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const create = useMutation({
    mutationFn: (body: { name: string; scopes: Scope[] }) =>
      api(projectPath(project.id, "/api-keys"), { method: "POST", body }, createdApiKey),
    onSuccess: (k) => {
      setName("");
      setChosen(["read"]);
      qc.invalidateQueries({ queryKey: qk.apiKeys(project.id) });
      onCreated(k);
    },
  });
  const err = (f: string) => (local?.field === f ? local.message : fieldError(create.error, f));
  return (
    <Card>
      <CardHeader
        title="Create an API key"
        description="For scripts, trainers and CI. A key belongs to this project and can do only what its scopes allow."
      />
      <CardBody>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = createApiKeyInput.safeParse({ name, scopes: chosen });
            if (!parsed.success) {
              const issue = parsed.error.issues[0];
              setLocal({ field: String(issue?.path[0] ?? "name"), message: issue?.message ?? "Check this field" });
              return;
            }
            setLocal(null);
            create.mutate(parsed.data);
          }}
        >
          <Field label="Name" hint="What uses it, e.g. “trainer on cluster A”" error={err("name")} className="max-w-md">
            {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} data-testid="api-key-name" />}
          </Field>
          <fieldset className="flex flex-col gap-1" aria-describedby={err("scopes") ? "scopes-error" : undefined}>
            <legend className="mb-1 text-xs font-medium text-fg-muted">Scopes</legend>
            <div className="grid grid-cols-1 gap-x-4 md:grid-cols-2">
              {scopes.map((s) => (
                <Checkbox
                  key={s}
                  label={<span className="font-mono text-xs">{s}</span>}
                  description={scopeDescriptions[s]}
                  checked={chosen.includes(s)}
                  data-testid={`api-key-scope-${s}`}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s] : c.filter((x) => x !== s)))}
                />
              ))}
            </div>
            <ErrorText id="scopes-error" message={err("scopes")} className="text-xs text-danger" />
          </fieldset>
          <ErrorText message={formError(create.error, ["name", "scopes"])} />
          <div>
            <Button type="submit" variant="primary" loading={create.isPending} data-testid="api-key-create">
              Create key
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
