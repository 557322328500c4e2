import { z } from "zod";
import { AppError, httpStatus } from "@/lib/errors";
import type { ErrorBody } from "../schemas";

export const json = (body: unknown, status = 200, headers?: HeadersInit) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

function fromZod(err: z.ZodError, where: string): AppError {
  const issue = err.issues[0];
  const field = issue.path.length ? issue.path.join(".") : where;
  return new AppError("VALIDATION", `${field}: ${issue.message}`, field);
}

/** Maps any thrown value to `{ error: { code, message, field? } }` with its status. */
export function errorResponse(err: unknown, where = "body"): Response {
  const e = err instanceof z.ZodError ? fromZod(err, where) : err;
  if (e instanceof AppError) {
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
    return json(body, httpStatus[e.code]);
  }
  console.error(err);
  return json({ error: { code: "INTERNAL", message: "Something went wrong on the server; see its log" } }, 500);
}
