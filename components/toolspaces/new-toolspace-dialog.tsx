"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, api, projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Field, Input } from "@/components/ui/input";
import { toolspaceView } from "@/lib/toolspaces/schemas";

/** An empty toolspace; servers are added to it one by one. */
export function NewToolspaceDialog({
  projectId,
  onClose,
  onCreated,
}: {
  projectId: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const save = useMutation({
    mutationFn: () =>
      api(projectPath(projectId, "/toolspaces"), { method: "POST", body: { name, description } }, toolspaceView),
    onSuccess: (t) => {
      qc.invalidateQueries({ queryKey: qk.toolspaces(projectId) });
      onCreated(t.id);
      onClose();
    },
  });
  const fieldError = (f: string) =>
    save.error instanceof ApiError && save.error.field === f ? save.error.message.replace(/^[\w.]+: /, "") : null;
  return (
    <Dialog
      open
      onClose={onClose}
      title="New toolspace"
      description="A named set of MCP servers that runs use. Add servers to it once it exists."
      testId="new-toolspace-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="primary"
            onClick={() => save.mutate()}
            disabled={save.isPending}
            data-testid="toolspace-save"
          >
            Create
          </Button>
        </>
      }
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label="Name" error={fieldError("name")}>
          {(p) => (
            <Input
              {...p}
              value={name}
              placeholder="office tools"
              onChange={(e) => setName(e.target.value)}
              data-testid="toolspace-name"
            />
          )}
        </Field>
        <Field label="Description (optional)" error={fieldError("description")}>
          {(p) => <Input {...p} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <ErrorText
          message={save.error && !(save.error instanceof ApiError && save.error.field) ? save.error.message : null}
        />
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
