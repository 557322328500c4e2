// The episode's MCP servers: each is started (or connected) lazily on the first call to one of
// its tools, fresh for this episode, and closed when the episode ends, so no state leaks from one
// episode to the next and a server that crashed is started anew for the next episode. Nothing here
// throws during an episode: a server that cannot start, crashes or hangs answers a tool error.
import { existsSync } from "node:fs";
import path from "node:path";
import type { ServerConfig } from "../mcp/schemas";
import { connectServer, type ServerHandle } from "../mcp/server/connect-server";
import type { EpisodeServer } from "./types";

export type ToolOutcome = { ok: true; text: string } | { ok: false; text: string };

export type ToolHost = {
  call(
    server: string,
    tool: string,
    args: Record<string, unknown>,
    o: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<ToolOutcome>;
  /** starts the servers (if not yet) and waits for them; failures surface on the next call */
  warm(servers: readonly string[]): Promise<void>;
  /** the stdio server's process id once started (tests kill its group), else null */
  pid(server: string): number | null;
  close(): Promise<void>;
};

// biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder server configs are written with
export const EPISODE_DIR_VAR = "${EPISODE_DIR}";
const CONNECT_TIMEOUT_MS = 30_000;

/**
 * `${EPISODE_DIR}` in stdio args, env values and cwd becomes the episode's folder; an arg that
 * reads as a relative path (no leading "-", a "/" in it, no "://") and names something that exists
 * under the working directory becomes absolute, so a server config written for the studio's
 * folder works whatever cwd the server itself is given.
 */
export function resolveConnection(config: ServerConfig, episodeDir: string, cwd = process.cwd()): ServerConfig {
  if (config.transport !== "stdio") return config;
  const sub = (s: string) => s.split(EPISODE_DIR_VAR).join(episodeDir);
  const args = config.args.map((a) => {
    const v = sub(a);
    if (v.startsWith("-") || !v.includes("/") || v.includes("://") || path.isAbsolute(v)) return v;
    const abs = path.resolve(cwd, v);
    return existsSync(abs) ? abs : v;
  });
  const env = Object.fromEntries(Object.entries(config.env).map(([k, v]) => [k, sub(v)]));
  return { ...config, args, env, ...(config.cwd ? { cwd: sub(config.cwd) } : {}) };
}

export function createToolHost(servers: readonly EpisodeServer[], episodeDir: string): ToolHost {
  const byName = new Map(servers.map((s) => [s.name, s]));
  const handles = new Map<string, Promise<ServerHandle | string>>();
  const started = new Map<string, ServerHandle>();
  let closed = false;

  function handleOf(name: string): Promise<ServerHandle | string> {
    let h = handles.get(name);
    if (!h) {
      const s = byName.get(name);
      const conn = s?.connection;
      if (!s || !conn) h = Promise.resolve(`no server is named ${name} in this toolspace`);
      else if (conn.transport === "offline")
        h = Promise.resolve(`server not reachable: ${name} is an offline catalogue imported from a file`);
      else
        h = connectServer(resolveConnection(conn, episodeDir), { name, timeoutMs: CONNECT_TIMEOUT_MS }).then(
          async (handle) => {
            // the episode may have ended while the server started
            if (closed) await handle.close();
            else started.set(name, handle);
            return handle;
          },
          (e: Error) => `server ${name} could not start: ${e.message}`,
        );
      handles.set(name, h);
    }
    return h;
  }

  return {
    async call(server, tool, args, o) {
      if (closed) return { ok: false, text: "the episode has ended" };
      const handle = await handleOf(server);
      if (typeof handle === "string") return { ok: false, text: handle };
      const r = await handle.callTool(tool, args, { timeoutMs: o.timeoutMs, signal: o.signal });
      if (!r.ok) return { ok: false, text: r.error };
      return r.isError
        ? { ok: false, text: r.content || `${tool} failed without a message` }
        : { ok: true, text: r.content };
    },
    async warm(servers) {
      if (!closed) await Promise.all(servers.map(handleOf));
    },
    pid: (server) => started.get(server)?.pid ?? null,
    async close() {
      closed = true;
      const all = await Promise.all(handles.values());
      await Promise.all(all.map((h) => (typeof h === "string" ? undefined : h.close())));
    },
  };
}
