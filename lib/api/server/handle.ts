// Wraps a route handler: resolve the caller, authorize against the contract's access,
// parse params, query and body with zod, parse the response, and map errors.
import type { z } from "zod";
import { getDb } from "@/db/client";
import { authorize, type Grant, signInError } from "@/lib/access/server/authorize";
import { resolveCaller } from "@/lib/access/server/resolve-caller";
import { AppError } from "@/lib/errors";
import { type Contract, DEFAULT_BODY_LIMIT } from "../contract";
import { readJsonBody } from "./read-body";
import { errorResponse, json } from "./respond";

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type Out<C extends Contract> = C["response"] extends z.ZodType ? z.input<C["response"]> | Response : Response;

export type HandlerArgs<C extends Contract> = {
  req: Request;
  params: Infer<C["params"]>;
  query: Infer<C["query"]>;
  body: Infer<C["body"]>;
  grant: Grant | null;
  db: ReturnType<typeof getDb>["db"];
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function handle<C extends Contract>(contract: C, fn: (args: HandlerArgs<C>) => Promise<Out<C>>) {
  return async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      const { db } = getDb();
      const rawParams = (await ctx?.params) ?? {};
      const caller = contract.access.kind === "public" ? null : await resolveCaller({ db, headers: req.headers });
      if (contract.access.kind !== "public" && !caller) throw signInError();
      const params = contract.params ? parseOr404(contract.params, rawParams) : undefined;
      const projectId = (params as { projectId?: string } | undefined)?.projectId;
      const grant = await authorize({ db, access: contract.access, caller, projectId });
      const query = contract.query
        ? contract.query.parse(Object.fromEntries(new URL(req.url).searchParams))
        : undefined;
      let body: unknown;
      if (contract.body) {
        const raw = await readJsonBody(req, contract.bodyLimit ?? DEFAULT_BODY_LIMIT);
        body = contract.body.parse(raw ?? {});
      }
      const out = await fn({ req, params, query, body, grant, db } as HandlerArgs<C>);
      if (out instanceof Response) return out;
      const schema = contract.response as z.ZodType;
      return json(schema.parse(out), contract.status ?? 200);
    } catch (err) {
      return errorResponse(err, contract.query && new URL(req.url).search ? "query" : "body");
    }
  };
}

/** A malformed id in the path cannot name anything in the project: 404, naming the parameter. */
function parseOr404(schema: z.ZodObject, raw: Record<string, unknown>) {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const field = String(r.error.issues[0].path[0] ?? "path");
  throw new AppError("NOT_FOUND", `No ${field} '${String(raw[field])}' here: ${r.error.issues[0].message}`, field);
}
