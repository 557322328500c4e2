"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { z } from "zod";
import { api, fieldError, formError, projectPath } from "@/components/api/client";
import { useMe } from "@/components/api/me";
import { qk } from "@/components/api/query-keys";
import { useProject } from "@/components/projects/project-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Field, Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { type Role, roleDescriptions, roles } from "@/lib/access/roles";
import { addedMember, type MemberView, memberInput, memberView } from "@/lib/projects/schemas";

const memberList = z.object({ items: z.array(memberView) });
const rolesHighFirst = [...roles].reverse();

export function MembersScreen() {
  const project = useProject();
  const me = useMe();
  const qc = useQueryClient();
  const toast = useToast();
  const members = useQuery({
    queryKey: qk.members(project.id),
    queryFn: () => api(projectPath(project.id, "/members"), {}, memberList),
  });
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);

  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api(projectPath(project.id, `/members/${userId}`), { method: "PATCH", body: { role } }, memberView),
    onMutate: async ({ userId, role }) => {
      // optimistic: the select shows the new role at once, and goes back if the API says no
      await qc.cancelQueries({ queryKey: qk.members(project.id) });
      const prev = qc.getQueryData<z.infer<typeof memberList>>(qk.members(project.id));
      qc.setQueryData(qk.members(project.id), (d: z.infer<typeof memberList> | undefined) =>
        d ? { items: d.items.map((m) => (m.userId === userId ? { ...m, role } : m)) } : d,
      );
      return { prev };
    },
    onError: (e, _v, ctx) => {
      if (ctx?.prev) qc.setQueryData(qk.members(project.id), ctx.prev);
      toast({ tone: "error", title: "Could not change the role", description: e.message });
    },
    onSuccess: (m) => toast({ title: `${m.email} is now ${m.role}` }),
    onSettled: () => qc.invalidateQueries({ queryKey: qk.members(project.id) }),
  });

  const remove = useMutation({
    mutationFn: (userId: string) => api(projectPath(project.id, `/members/${userId}`), { method: "DELETE" }),
    onSuccess: () => {
      toast({ title: `${removing?.email ?? "The member"} was removed from the project` });
      setRemoving(null);
      qc.invalidateQueries({ queryKey: qk.members(project.id) });
      qc.invalidateQueries({ queryKey: qk.stats(project.id) });
    },
  });

  const columns = useMemo<ColumnDef<MemberView>[]>(
    () => [
      {
        id: "member",
        header: "Member",
        accessorFn: (m) => m.name || m.email,
        meta: { alwaysVisible: true },
        cell: ({ row }) => (
          <div className="flex flex-col">
            <span className="flex items-center gap-1.5 font-medium text-fg">
              {row.original.name || row.original.email}
              {row.original.userId === me.data?.user.id ? <Badge tone="accent">you</Badge> : null}
            </span>
            {row.original.name ? <span className="text-xs text-fg-muted">{row.original.email}</span> : null}
          </div>
        ),
      },
      {
        id: "role",
        header: "Role",
        accessorKey: "role",
        meta: { className: "w-44" },
        cell: ({ row }) => (
          <Select
            aria-label={`Role of ${row.original.email}`}
            value={row.original.role}
            title={roleDescriptions[row.original.role]}
            onChange={(e) => changeRole.mutate({ userId: row.original.userId, role: e.target.value as Role })}
            className="h-7 w-32"
          >
            {rolesHighFirst.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        ),
      },
      {
        id: "createdAt",
        header: "Added",
        accessorKey: "createdAt",
        meta: { className: "w-32 text-fg-muted" },
        cell: ({ row }) => <RelativeTime value={row.original.createdAt} />,
      },
      {
        id: "actions",
        header: "",
        enableSorting: false,
        meta: { className: "w-24 text-right", alwaysVisible: true },
        cell: ({ row }) => (
          <Button
            variant="ghost"
            size="sm"
            className="text-danger hover:text-danger"
            onClick={() => setRemoving(row.original)}
          >
            Remove
          </Button>
        ),
      },
    ],
    [me.data?.user.id, changeRole],
  );

  return (
    <div className="flex flex-col gap-5">
      <AddMemberCard
        onAdded={(m) => {
          if (m.initialPassword) setCreated({ email: m.email, password: m.initialPassword });
          else
            toast({
              title: `${m.email} was added as ${m.role}`,
              description: "They sign in with their existing password.",
            });
        }}
      />
      <section className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold">Members</h2>
        <ErrorText message={members.error?.message} />
        <DataTable
          label="Members"
          testId="members-table"
          data={members.data?.items}
          loading={members.isPending}
          columns={columns}
          getRowId={(m) => m.userId}
          columnChooser={false}
        />
        <dl className="mt-1 grid grid-cols-1 gap-x-6 gap-y-1 text-xs text-fg-muted md:grid-cols-2">
          {rolesHighFirst.map((r) => (
            <div key={r} className="flex gap-2">
              <dt className="w-14 shrink-0 font-medium text-fg">{r}</dt>
              <dd>{roleDescriptions[r]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <Dialog
        open={created !== null}
        onClose={() => setCreated(null)}
        title="Account created"
        description={`${created?.email ?? ""} is new to this studio, so an account was made for them.`}
        testId="initial-password-dialog"
        footer={
          <Button variant="primary" onClick={() => setCreated(null)}>
            I have sent it
          </Button>
        }
      >
        <div className="flex flex-col gap-3">
          <p className="text-sm text-fg-muted">
            Send them this first password over a private channel. They sign in with it and change it under Account.
          </p>
          {created ? <CopyField value={created.password} testId="initial-password" /> : null}
          <p className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-xs text-warning">
            It is shown only now; the studio keeps only a hash. If it is lost, an operator runs{" "}
            <code className="font-mono">npx atlas user reset-password --email {created?.email}</code>.
          </p>
        </div>
      </Dialog>

      <Dialog
        open={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        title="Remove member?"
        size="sm"
        footer={
          <>
            <Button onClick={() => setRemoving(null)}>Keep</Button>
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() => removing && remove.mutate(removing.userId)}
            >
              Remove
            </Button>
          </>
        }
      >
        <p className="text-sm text-fg-muted">
          {removing?.email} loses access to this project at once. Their account and what they made stay.
        </p>
        <ErrorText message={remove.error?.message} className="mt-2 text-sm text-danger" />
      </Dialog>
    </div>
  );
}

function AddMemberCard({ onAdded }: { onAdded: (m: z.infer<typeof addedMember>) => void }) {
  const project = useProject();
  const qc = useQueryClient();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const add = useMutation({
    mutationFn: (body: { email: string; role: Role; name?: string }) =>
      api(projectPath(project.id, "/members"), { method: "POST", body }, addedMember),
    onSuccess: (m) => {
      setEmail("");
      setName("");
      qc.invalidateQueries({ queryKey: qk.members(project.id) });
      qc.invalidateQueries({ queryKey: qk.stats(project.id) });
      onAdded(m);
    },
  });
  const err = (f: string) => (local?.field === f ? local.message : fieldError(add.error, f));
  return (
    <Card>
      <CardHeader
        title="Add a member"
        description="By email. Someone new to the studio gets an account, and you get their first password to pass on."
      />
      <CardBody>
        <form
          noValidate
          className="grid grid-cols-1 items-start gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1.4fr)_10rem_auto]"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = memberInput.safeParse({ email, role, name: name || undefined });
            if (!parsed.success) {
              const issue = parsed.error.issues[0];
              setLocal({ field: String(issue?.path[0] ?? "email"), message: issue?.message ?? "Check this field" });
              return;
            }
            setLocal(null);
            add.mutate(parsed.data);
          }}
        >
          <Field label="Email" error={err("email")}>
            {(p) => (
              <Input
                {...p}
                type="email"
                placeholder="ada@lab.org"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                data-testid="member-email"
              />
            )}
          </Field>
          <Field label="Name" hint="Optional, for new accounts" error={err("name")}>
            {(p) => <Input {...p} placeholder="Ada Lovelace" value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Role" hint={roleDescriptions[role].split(";")[0]} error={err("role")}>
            {(p) => (
              <Select
                {...p}
                value={role}
                onChange={(e) => setRole(e.target.value as Role)}
                className="w-full"
                data-testid="member-role"
              >
                {rolesHighFirst.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="flex flex-col gap-1">
            <span className="text-xs font-medium text-transparent select-none" aria-hidden="true">
              Add
            </span>
            <Button type="submit" variant="primary" loading={add.isPending} data-testid="member-add">
              Add member
            </Button>
          </div>
          <ErrorText
            message={formError(add.error, ["email", "name", "role"])}
            className="text-sm text-danger md:col-span-4"
          />
        </form>
      </CardBody>
    </Card>
  );
}
