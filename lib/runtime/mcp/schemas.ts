import { z } from "zod";

// Environment variable names as a POSIX shell accepts them: a bad key would otherwise be passed to spawn
// and fail with an error that names no field.
const envName = /^[A-Za-z_][A-Za-z0-9_]*$/;
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

// zod reports a bad record key only as "Invalid key in record"; checking keys here keeps the fix in the message.
function namedRecord(key: RegExp, keyMessage: string, valueMessage: string) {
  return z
    .record(z.string(), z.string({ error: valueMessage }))
    .superRefine((rec, ctx) => {
      for (const k of Object.keys(rec)) {
        if (!key.test(k)) ctx.addIssue({ code: "custom", path: [k], message: keyMessage });
      }
    })
    .default({});
}

export const stdioServerConfig = z.object({
  transport: z.literal("stdio"),
  command: z
    .string({ error: "command is required: the program to start, e.g. node" })
    .trim()
    .min(1, "command must not be empty: give the program to start, e.g. node"),
  args: z.array(z.string({ error: "args must be a list of strings" })).default([]),
  env: namedRecord(
    envName,
    "env keys must be variable names (letters, digits, _; not starting with a digit)",
    "env values must be strings",
  ),
  cwd: z.string().min(1, "cwd must not be empty: leave it out to use the studio's working directory").optional(),
});

export const httpServerConfig = z.object({
  transport: z.literal("http"),
  url: z
    .string({ error: "url is required: the server's Streamable HTTP endpoint, e.g. http://localhost:3001/mcp" })
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === "http:" || u.protocol === "https:";
      } catch {
        return false;
      }
    }, "url must be an http(s) URL, e.g. http://localhost:3001/mcp"),
  headers: namedRecord(headerName, "headers keys must be HTTP header names", "header values must be strings"),
});

export const serverConfig = z.discriminatedUnion("transport", [stdioServerConfig, httpServerConfig], {
  error: 'transport must be "stdio" (command, args, env, cwd) or "http" (url, headers)',
});

export type StdioServerConfig = z.infer<typeof stdioServerConfig>;
export type HttpServerConfig = z.infer<typeof httpServerConfig>;
export type ServerConfig = z.infer<typeof serverConfig>;
export type ServerConfigInput = z.input<typeof serverConfig>;

export const toolDefinition = z.object({
  name: z.string(),
  description: z.string(),
  inputSchema: z.record(z.string(), z.unknown()),
});
export type ToolDefinition = z.infer<typeof toolDefinition>;

export const toolCallResult = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), content: z.string(), isError: z.boolean(), ms: z.number() }),
  z.object({ ok: z.literal(false), error: z.string(), isError: z.literal(true), ms: z.number() }),
]);
export type ToolCallResult = z.infer<typeof toolCallResult>;

export const serverHealth = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), tools: z.number(), connectMs: z.number(), listMs: z.number() }),
  z.object({ ok: z.literal(false), error: z.string(), ms: z.number() }),
]);
export type ServerHealth = z.infer<typeof serverHealth>;

/** Issues as "field: message" lines, so a form or a 4xx can name what to fix. */
export function configIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "config"}: ${i.message}`);
}

/**
 * The config of an mcp_servers row, whose transport lives in its own column. An offline server was
 * imported from a catalogue and has nothing to connect to.
 */
export function serverConfigOfRow(row: {
  transport: "stdio" | "http" | "offline";
  config: unknown;
}): { ok: true; config: ServerConfig } | { ok: false; issues: string[] } {
  if (row.transport === "offline") {
    return {
      ok: false,
      issues: ["transport: this server is offline (imported from a catalogue); give it a command or a url"],
    };
  }
  const r = serverConfig.safeParse({ ...(row.config as object), transport: row.transport });
  return r.success ? { ok: true, config: r.data } : { ok: false, issues: configIssues(r.error) };
}
