"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError, api, projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { isActive } from "@/components/jobs/queries";
import {
  type FieldMapping,
  type ImportFormat,
  type ImportMode,
  PREVIEW_SAMPLE_BYTES,
  previewResult,
} from "@/lib/imports/schemas";
import { importStatus } from "@/lib/imports/status";
import { type JobView, jobView } from "@/lib/jobs/schemas";

/** A chosen file and its first 2 MB, read in the browser for the preview. */
export type Picked = { file: File; sample: string; truncated: boolean };

export async function pickFile(file: File): Promise<Picked> {
  const sample = await file.slice(0, PREVIEW_SAMPLE_BYTES).text();
  return { file, sample, truncated: file.size > PREVIEW_SAMPLE_BYTES };
}

export function usePreview(
  projectId: string,
  picked: Picked | null,
  format: ImportFormat | undefined,
  mapping: FieldMapping | null,
) {
  const f = picked?.file;
  return useQuery({
    queryKey: ["import-preview", projectId, f?.name, f?.size, f?.lastModified, format ?? null, mapping],
    queryFn: ({ signal }) =>
      api(
        projectPath(projectId, "/imports/preview"),
        {
          method: "POST",
          signal,
          body: {
            filename: f?.name,
            sample: picked?.sample,
            truncated: picked?.truncated,
            ...(format ? { format } : {}),
            ...(mapping ? { mapping } : {}),
          },
        },
        previewResult,
      ),
    enabled: !!picked,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    // a mapping change keeps the last preview on screen until the new one arrives
    placeholderData: keepPreviousData,
  });
}

/** Lives under the job's key, so the project's event stream refreshes it as the job moves. */
export function useImportStatus(projectId: string, jobId: string | null) {
  return useQuery({
    queryKey: [...qk.job(projectId, jobId ?? "none"), "import"],
    queryFn: ({ signal }) => api(projectPath(projectId, `/imports/${jobId}`), { signal }, importStatus),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data && !isActive(q.state.data.job.status) ? false : 2000),
  });
}

export type UploadProgress = { loaded: number; total: number };

/**
 * Sends the file itself as the body. XMLHttpRequest, because fetch reports no upload progress;
 * the browser streams the file from disk.
 */
export function uploadFile(
  projectId: string,
  picked: Picked,
  opts: { format?: ImportFormat; mode: ImportMode; mapping: FieldMapping | null },
  onProgress: (p: UploadProgress) => void,
): { done: Promise<JobView>; abort: () => void } {
  const q = new URLSearchParams({ filename: picked.file.name, mode: opts.mode });
  if (opts.format) q.set("format", opts.format);
  if (opts.mapping) q.set("mapping", JSON.stringify(opts.mapping));
  const xhr = new XMLHttpRequest();
  const done = new Promise<JobView>((resolve, reject) => {
    xhr.open("POST", projectPath(projectId, `/imports?${q}`));
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) =>
      onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : picked.file.size });
    xhr.onerror = () =>
      reject(new ApiError(0, "NETWORK", "The upload stopped: check that the studio is running and try again"));
    xhr.onabort = () => reject(new ApiError(0, "ABORTED", "The upload was cancelled"));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = jobView.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError(xhr.status, "BAD_RESPONSE", "The studio sent an unexpected answer to the upload"));
        return;
      }
      const err = (body as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          err?.code ?? `HTTP_${xhr.status}`,
          err?.message ?? `The upload failed with HTTP ${xhr.status}`,
          err?.field,
        ),
      );
    };
    xhr.send(picked.file);
  });
  return { done, abort: () => xhr.abort() };
}
