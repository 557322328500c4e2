// Test support: an episode spec against a scripted policy at `policyUrl`, in a fresh folder of its
// own (pushed to `dirs` for the test to remove), with the default limits overridden by `limits`.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_EPISODE_LIMITS, type EpisodeServer, type EpisodeSpec } from "./types";

export async function scriptedSpec(
  policyUrl: string,
  servers: EpisodeServer[],
  dirs: string[],
  limits: Partial<EpisodeSpec["limits"]> = {},
): Promise<EpisodeSpec> {
  const episodeDir = await mkdtemp(path.join(tmpdir(), "atlas-episode-test-"));
  dirs.push(episodeDir);
  return {
    task: { id: "T", prompt: "add things" },
    policy: {
      name: "scripted",
      baseUrl: policyUrl,
      model: "scripted",
      temperature: 0,
      maxTokens: 100,
      contextWindow: 32_000,
      tokenizer: "o200k_base",
      timeoutMs: 5_000,
    },
    strategy: "eager",
    servers,
    limits: { ...DEFAULT_EPISODE_LIMITS, ...limits },
    episodeDir,
  };
}
