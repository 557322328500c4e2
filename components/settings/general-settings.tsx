"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { api, fieldError, formError, projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { useProject } from "@/components/projects/project-context";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-button";
import { ErrorText } from "@/components/ui/error-text";
import { Field, Input, Textarea } from "@/components/ui/input";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { projectInput, projectView } from "@/lib/projects/schemas";

export function GeneralSettings() {
  const project = useProject();
  const qc = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const details = useQuery({
    queryKey: qk.project(project.id),
    queryFn: () => api(projectPath(project.id), {}, projectView),
  });
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  useEffect(() => {
    if (details.data) {
      setName(details.data.name);
      setDescription(details.data.description);
    }
  }, [details.data]);
  const save = useMutation({
    mutationFn: (body: { name: string; description?: string }) =>
      api(projectPath(project.id), { method: "PATCH", body }, projectView),
    onSuccess: (p) => {
      qc.setQueryData(qk.project(project.id), p);
      qc.invalidateQueries({ queryKey: qk.me });
      qc.invalidateQueries({ queryKey: qk.projects });
      toast({ title: "Project saved" });
      router.refresh(); // the sidebar and breadcrumbs take the name from the server
    },
    onError: (e) => toast({ tone: "error", title: "Could not save the project", description: e.message }),
  });
  const dirty = details.data && (name !== details.data.name || description !== details.data.description);
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <Card>
        <CardHeader title="General" description="The project's name appears in the project switcher and breadcrumbs." />
        <CardBody>
          {details.isPending ? (
            <SkeletonBlock lines={3} />
          ) : (
            <form
              noValidate
              className="flex flex-col gap-4"
              onSubmit={(e) => {
                e.preventDefault();
                const parsed = projectInput.safeParse({ name, description });
                if (!parsed.success) {
                  setNameError(parsed.error.issues[0]?.message ?? "Check the name");
                  return;
                }
                setNameError(null);
                save.mutate(parsed.data);
              }}
            >
              <Field label="Project name" error={nameError ?? fieldError(save.error, "name")}>
                {(p) => (
                  <Input
                    {...p}
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    data-testid="project-rename-input"
                  />
                )}
              </Field>
              <Field label="Description" hint="Optional" error={fieldError(save.error, "description")}>
                {(p) => (
                  <Textarea {...p} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
                )}
              </Field>
              <ErrorText message={formError(save.error, ["name", "description"])} />
              <div className="flex items-center gap-2">
                <Button
                  type="submit"
                  variant="primary"
                  loading={save.isPending}
                  disabled={!dirty}
                  data-testid="project-save"
                >
                  Save
                </Button>
                {dirty ? (
                  <Button
                    variant="ghost"
                    onClick={() => {
                      setName(details.data?.name ?? "");
                      setDescription(details.data?.description ?? "");
                    }}
                  >
                    Discard changes
                  </Button>
                ) : null}
              </div>
            </form>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Project id" description="For the API (/api/v1/projects/{id}/...) and the CLI (--project)." />
        <CardBody>
          <CopyField value={project.id} />
        </CardBody>
      </Card>
    </div>
  );
}
