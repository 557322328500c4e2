// The bundled offline toolspace as an episode sees it, without a database: each server's start
// command with the episode folder left as ${EPISODE_DIR}, and its tools from the committed snapshot.
import { bundledServers } from "@/toolspace/servers";
import { bundledSnapshot } from "@/toolspace/servers/snapshot";
import { EPISODE_DIR_VAR } from "./tool-host";
import type { EpisodeServer } from "./types";

/** The named bundled servers (all when left out), in registry order. */
export function bundledEpisodeServers(names?: readonly string[]): EpisodeServer[] {
  const wanted = names ? new Set(names) : null;
  for (const n of wanted ?? [])
    if (!bundledServers.some((s) => s.name === n)) throw new Error(`no bundled server is named ${n}`);
  return bundledServers
    .filter((s) => !wanted || wanted.has(s.name))
    .map((s) => ({
      name: s.name,
      description: s.description,
      connection: s.config(EPISODE_DIR_VAR),
      tools: bundledSnapshot.find((c) => c.server === s.name)?.tools ?? [],
    }));
}
