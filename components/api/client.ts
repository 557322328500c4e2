// The browser's way to /api/v1: JSON in and out, and one error type that carries the API's
// code, message and the field that caused it (forms put that message next to the field).
import type { z } from "zod";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Options = { method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE"; body?: unknown; signal?: AbortSignal };

export async function api<T>(path: string, opts: Options = {}, schema?: z.ZodType<T>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? "GET",
      headers: opts.body !== undefined ? { "content-type": "application/json" } : undefined,
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "NETWORK", "The studio could not be reached: check that it is running and try again");
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? `The request failed with HTTP ${res.status}`,
      err?.field,
    );
  }
  if (!schema) return json as T;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // the server answered something this page does not understand; say so rather than render garbage
    console.error("Unexpected API response", path, parsed.error);
    throw new ApiError(res.status, "BAD_RESPONSE", `The studio sent an unexpected answer for ${path}`);
  }
  return parsed.data;
}

/** The message for a field, when the error is about that field. */
export const fieldError = (error: unknown, field: string) =>
  error instanceof ApiError && error.field === field ? error.message : null;

/** The message for errors that no field shows. */
export const formError = (error: unknown, fields: string[]) =>
  error && !(error instanceof ApiError && error.field && fields.includes(error.field))
    ? (error as Error).message
    : null;

export const projectPath = (projectId: string, rest = "") => `/api/v1/projects/${projectId}${rest}`;
