"use client";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { isActive, useCancelJob } from "@/components/jobs/queries";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { formatBytes, formatNumber } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Select } from "@/components/ui/select";
import { SkeletonBlock } from "@/components/ui/skeleton";
import {
  type FieldMapping,
  formatLabels,
  type ImportFormat,
  type ImportMode,
  importFormats,
} from "@/lib/imports/schemas";
import type { ImportStatus } from "@/lib/imports/status";
import { DropZone } from "./drop-zone";
import { ImportProgress } from "./import-progress";
import { MappingTable } from "./mapping-table";
import { type Picked, pickFile, type UploadProgress, uploadFile, useImportStatus, usePreview } from "./queries";
import { PreviewRecords, RecordErrors } from "./record-list";

const MB = 1024 * 1024;

const modes: { value: ImportMode; label: string; hint: string }[] = [
  { value: "all-or-nothing", label: "All or nothing", hint: "one invalid record and nothing is imported" },
  { value: "valid-only", label: "Valid records only", hint: "invalid records are skipped and listed" },
];

/**
 * Import a trajectory file: drop or pick it, check the preview of its first 2 MB and the field
 * mapping, choose the mode, then watch the upload and the import job until they end.
 */
export function ImportDialog({
  projectId,
  open,
  onClose,
  onFinished,
}: {
  projectId: string;
  open: boolean;
  onClose: () => void;
  onFinished?: (status: ImportStatus) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="xl"
      title="Import trajectories"
      description="From a file; each record is checked before anything is written."
      testId="import-dialog"
    >
      {open ? <ImportFlow projectId={projectId} onClose={onClose} onFinished={onFinished} /> : null}
    </Dialog>
  );
}

function ImportFlow({
  projectId,
  onClose,
  onFinished,
}: {
  projectId: string;
  onClose: () => void;
  onFinished?: (status: ImportStatus) => void;
}) {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [format, setFormat] = useState<ImportFormat | undefined>();
  const [mapping, setMapping] = useState<FieldMapping | null>(null);
  const [mode, setMode] = useState<ImportMode>("all-or-nothing");
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const abort = useRef<(() => void) | null>(null);
  const preview = usePreview(projectId, picked, format, mapping);
  const status = useImportStatus(projectId, jobId);
  const cancel = useCancelJob(projectId);
  const finished = status.data && !isActive(status.data.job.status) ? status.data : null;
  const reported = useRef<string | null>(null);

  useEffect(() => () => abort.current?.(), []);
  useEffect(() => {
    if (!finished || reported.current === finished.job.id) return;
    reported.current = finished.job.id;
    onFinished?.(finished);
  }, [finished, onFinished]);

  const choose = async (file: File) => {
    setUploadError(null);
    setFormat(undefined);
    setMapping(null);
    setPicked(await pickFile(file));
  };
  const reset = () => {
    setPicked(null);
    setJobId(null);
    setUpload(null);
    setUploadError(null);
    setMapping(null);
    setFormat(undefined);
  };
  const start = async () => {
    if (!picked || !preview.data) return;
    setUploadError(null);
    setUpload({ loaded: 0, total: picked.file.size });
    const u = uploadFile(
      projectId,
      picked,
      { format: preview.data.format, mode, mapping: preview.data.mapping },
      setUpload,
    );
    abort.current = u.abort;
    try {
      const job = await u.done;
      setJobId(job.id);
    } catch (e) {
      setUploadError((e as Error).message);
    } finally {
      abort.current = null;
      setUpload(null);
    }
  };

  if (jobId)
    return (
      <div className="flex flex-col gap-4">
        <ImportProgress status={status.data} projectId={projectId} />
        <ErrorText message={status.error?.message} />
        <Footer>
          {status.data && isActive(status.data.job.status) ? (
            <Button variant="ghost" loading={cancel.isPending} onClick={() => cancel.mutate(jobId)}>
              Cancel import
            </Button>
          ) : (
            <Button onClick={reset} data-testid="import-another">
              Import another file
            </Button>
          )}
          <Button variant="primary" onClick={onClose}>
            {finished ? "Done" : "Close (it keeps running)"}
          </Button>
        </Footer>
      </div>
    );

  if (!picked)
    return (
      <div className="flex flex-col gap-3">
        <DropZone onFile={choose} />
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-fg-subtle">
          <dt>From a terminal</dt>
          <dd>
            <code className="text-fg-muted">npx atlas import FILE --project {projectId}</code>
          </dd>
          <dt>From a program</dt>
          <dd>
            <code className="text-fg-muted">POST /api/v1/trajectories</code> with an API key that has the ingest scope
          </dd>
        </dl>
      </div>
    );

  const p = preview.data;
  const uploading = upload !== null;
  const invalidInSample = p?.counts.invalid ?? 0;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-3 rounded-md border border-line bg-panel px-3 py-2">
        <div className="min-w-0">
          <div className="truncate text-sm font-medium text-fg" data-testid="import-filename">
            {picked.file.name}
          </div>
          <div className="text-xs text-fg-subtle">
            {formatBytes(picked.file.size)}
            {picked.truncated ? " · the preview reads the first 2 MB" : ""}
          </div>
        </div>
        <Button size="sm" variant="ghost" onClick={reset} disabled={uploading}>
          Choose another file
        </Button>
      </div>

      {preview.isPending ? <SkeletonBlock lines={4} /> : null}
      {preview.error ? (
        <ErrorText
          message={preview.error.message}
          className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger"
        />
      ) : null}

      {p ? (
        <>
          <section className="flex flex-col gap-1.5" aria-label="Format">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-xs font-medium text-fg-muted">Format</span>
              <Select
                aria-label="Format"
                data-testid="import-format"
                value={format ?? p.format}
                disabled={uploading}
                className="h-7 text-xs"
                onChange={(e) => {
                  setFormat(e.target.value as ImportFormat);
                  setMapping(null);
                }}
              >
                {importFormats.map((f) => (
                  <option key={f} value={f}>
                    {formatLabels[f]}
                  </option>
                ))}
              </Select>
              {!format ? <Badge tone="info">detected</Badge> : null}
              <span className="text-xs text-fg-subtle" data-testid="import-sample-counts">
                {p.complete
                  ? `${formatNumber(p.counts.records)} records: `
                  : `The first ${formatNumber(p.counts.records)} records checked: `}
                {formatNumber(p.counts.valid)} valid
                {invalidInSample ? `, ${formatNumber(invalidInSample)} invalid` : ""}
              </span>
            </div>
            {p.notes.map((n) => (
              <p key={n} className="text-xs text-fg-subtle">
                {n}
              </p>
            ))}
          </section>

          {p.mapping ? (
            <section className="flex flex-col gap-1.5" aria-label="Field mapping">
              <h3 className="text-xs font-medium text-fg-muted">Field mapping</h3>
              <MappingTable
                fields={p.fields}
                mapping={p.mapping}
                suggested={p.suggestedMapping}
                disabled={uploading}
                onChange={setMapping}
              />
            </section>
          ) : null}

          {p.records.length ? (
            <section className="flex flex-col gap-1.5" aria-label="Preview">
              <h3 className="text-xs font-medium text-fg-muted">
                First records as they will be imported{preview.isFetching ? " (updating…)" : ""}
              </h3>
              <PreviewRecords records={p.records} format={p.format} />
            </section>
          ) : null}
          <RecordErrors errors={p.errors} format={p.format} total={invalidInSample} />

          <fieldset className="flex flex-col gap-1" disabled={uploading}>
            <legend className="mb-1 text-xs font-medium text-fg-muted">When a record is invalid</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-1">
              {modes.map((m) => (
                <label key={m.value} className="flex cursor-pointer items-baseline gap-2 text-sm">
                  <input
                    type="radio"
                    name="import-mode"
                    value={m.value}
                    data-testid={`import-mode-${m.value}`}
                    checked={mode === m.value}
                    onChange={() => setMode(m.value)}
                    className="accent-[var(--accent)]"
                  />
                  <span className="text-fg">{m.label}</span>
                  <span className="text-xs text-fg-subtle">{m.hint}</span>
                </label>
              ))}
            </div>
            {invalidInSample && mode === "all-or-nothing" ? (
              <p className="text-xs text-warning">
                The preview already has invalid records: all-or-nothing will refuse this file. Fix them, or import the
                valid records only.
              </p>
            ) : null}
          </fieldset>
        </>
      ) : null}

      {upload ? (
        <ProgressBar
          done={Math.round((upload.loaded / MB) * 10) / 10}
          total={Math.round((upload.total / MB) * 10) / 10}
          unit="MB uploaded"
          testId="import-upload"
        />
      ) : null}
      <ErrorText message={uploadError} />

      <Footer>
        <Button variant="ghost" onClick={uploading ? () => abort.current?.() : onClose}>
          {uploading ? "Stop the upload" : "Cancel"}
        </Button>
        <Button
          variant="primary"
          data-testid="import-start"
          loading={uploading}
          disabled={!p || preview.isFetching}
          onClick={start}
        >
          {!p?.complete
            ? "Import the file"
            : mode === "valid-only"
              ? `Import ${formatNumber(p.counts.valid)} valid records`
              : `Import ${formatNumber(p.counts.records)} records`}
        </Button>
      </Footer>
    </div>
  );
}

/** The actions stay in view at the dialog's bottom edge however long the preview is. */
function Footer({ children }: { children: ReactNode }) {
  return (
    <div className="sticky -bottom-4 z-10 -mx-5 -mb-4 flex justify-end gap-2 rounded-b-lg border-t border-line bg-panel px-5 py-3">
      {children}
    </div>
  );
}
