"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, fieldError, formError } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Field, Input, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { type ProjectView, projectInput } from "@/lib/projects/schemas";

export function CreateProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New project"
      description="A project holds toolspaces, tasks, rubrics, trajectories and runs. You become its admin."
      testId="create-project-dialog"
    >
      <CreateProjectForm onDone={onClose} onCancel={onClose} />
    </Dialog>
  );
}

function CreateProjectForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const qc = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const create = useMutation({
    mutationFn: (input: { name: string; description?: string }) =>
      api<ProjectView>("/api/v1/projects", { method: "POST", body: input }),
    onSuccess: (p) => {
      qc.invalidateQueries({ queryKey: qk.me });
      qc.invalidateQueries({ queryKey: qk.projects });
      toast({ title: `Project “${p.name}” created`, description: "You are its admin." });
      onDone();
      router.push(`/projects/${p.id}`);
    },
  });
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = projectInput.safeParse({ name, description: description || undefined });
        if (!parsed.success) {
          setLocalError(parsed.error.issues[0]?.message ?? "Check the name");
          return;
        }
        setLocalError(null);
        create.mutate(parsed.data);
      }}
    >
      <Field label="Name" error={localError ?? fieldError(create.error, "name")}>
        {(p) => (
          <Input
            {...p}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. ITL agent, 4B, MCP-Bench"
            data-testid="project-name-input"
          />
        )}
      </Field>
      <Field
        label="Description"
        hint="Optional: what this project is for"
        error={fieldError(create.error, "description")}
      >
        {(p) => <Textarea {...p} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <ErrorText message={formError(create.error, ["name", "description"])} />
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" loading={create.isPending} data-testid="create-project-submit">
          Create project
        </Button>
      </div>
    </form>
  );
}
