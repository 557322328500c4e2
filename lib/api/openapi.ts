// The OpenAPI 3.1 document, generated from the route contracts with zod's JSON Schema output.
import { z } from "zod";
import { type Contract, DEFAULT_BODY_LIMIT } from "./contract";
import { allContracts } from "./contracts";
import { errorBody } from "./schemas";

const schemaOf = (s: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" });

function parameters(c: Contract) {
  const out: object[] = [];
  for (const [where, schema] of [
    ["path", c.params],
    ["query", c.query],
  ] as const) {
    if (!schema) continue;
    for (const [name, s] of Object.entries(schema.shape)) {
      out.push({
        name,
        in: where,
        required: where === "path" || !(s as z.ZodType).safeParse(undefined).success,
        schema: schemaOf(s as z.ZodType, "input"),
      });
    }
  }
  return out;
}

const accessText = (c: Contract) => {
  const a = c.access;
  if (a.kind === "public") return "Public.";
  if (a.kind === "user") return "Signed-in users (session cookie).";
  if (a.kind === "key") return `API keys with scope \`${a.scope}\`, on the key's own project.`;
  return [
    a.role ? `members with role ${a.role} or higher` : null,
    a.scope ? `API keys of the project with scope \`${a.scope}\`` : null,
  ]
    .filter(Boolean)
    .join("; ");
};

export function buildOpenApi() {
  const paths: Record<string, Record<string, object>> = {};
  for (const c of allContracts) {
    const errors = { description: "Error", content: { "application/json": { schema: schemaOf(errorBody, "output") } } };
    const success =
      typeof c.response === "string"
        ? { description: "OK", content: { [c.response]: {} } }
        : { description: "OK", content: { "application/json": { schema: schemaOf(c.response, "output") } } };
    paths[c.path] ??= {};
    paths[c.path][c.method.toLowerCase()] = {
      summary: c.summary,
      description: `Access: ${accessText(c)}${c.body || c.rawBody ? ` Body limit: ${c.bodyLimit ?? DEFAULT_BODY_LIMIT} bytes.` : ""}`,
      tags: [c.tag],
      parameters: parameters(c),
      ...(c.access.kind === "public" ? { security: [] } : {}),
      ...(c.body
        ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(c.body, "input") } } } }
        : {}),
      ...(c.rawBody ? { requestBody: { required: true, content: { [c.rawBody]: {} } } } : {}),
      responses: { [String(c.status ?? 200)]: success, "4XX": errors },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Atlas Studio API", version: "1" },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A project API key: Authorization: Bearer atlas_..." },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
    },
    security: [{ apiKey: [] }, { session: [] }],
    paths,
  };
}
