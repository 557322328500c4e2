import { type ChildProcess, spawn } from "node:child_process";
import { getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ReadBuffer, serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { StdioServerConfig } from "../schemas";

export type ProcessExit = { code: number | null; signal: NodeJS.Signals | null };

const stderrKeep = 4096;

/**
 * The SDK's StdioClientTransport hides the exit code and kills only the direct child, so a server
 * started through a wrapper (npx, sh -c, uv run) leaves its real process behind. This one starts
 * the server in its own process group, kills the whole group on close, and keeps the exit status
 * and the end of stderr so a crash can be reported to the agent in words.
 */
export class GroupStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  exit: ProcessExit | null = null;
  private child: ChildProcess | null = null;
  private readonly buffer = new ReadBuffer();
  private stderr = "";
  private exited: Promise<void> | null = null;

  constructor(private readonly config: StdioServerConfig) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** The last non-empty stderr line, for error messages. */
  get lastStderrLine(): string {
    const lines = this.stderr.split("\n").filter((l) => l.trim());
    return (lines.at(-1) ?? "").trim().slice(0, 300);
  }

  start(): Promise<void> {
    if (this.child) throw new Error("transport already started");
    return new Promise((resolve, reject) => {
      const child = spawn(this.config.command, this.config.args, {
        env: { ...getDefaultEnvironment(), ...this.config.env } as NodeJS.ProcessEnv,
        cwd: this.config.cwd,
        stdio: ["pipe", "pipe", "pipe"] as const,
        detached: true,
        shell: false,
      });
      this.child = child;
      this.exited = new Promise((done) => child.once("close", () => done()));
      child.once("error", (error) => {
        reject(error);
        this.onerror?.(error);
      });
      child.once("spawn", () => resolve());
      child.once("exit", (code, signal) => {
        this.exit = { code, signal };
      });
      child.once("close", () => this.onclose?.());
      child.stdout?.on("data", (chunk: Buffer) => {
        this.buffer.append(chunk);
        for (;;) {
          let message: JSONRPCMessage | null;
          try {
            message = this.buffer.readMessage();
          } catch (error) {
            this.onerror?.(error as Error);
            continue;
          }
          if (!message) break;
          this.onmessage?.(message);
        }
      });
      child.stderr?.on("data", (chunk: Buffer) => {
        this.stderr = (this.stderr + chunk.toString("utf8")).slice(-stderrKeep);
      });
      // A write to a dead server must surface as a failed call, not as an unhandled stream error.
      child.stdin?.on("error", (error) => this.onerror?.(error));
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || this.exit || stdin.destroyed) return Promise.reject(new Error("server process is not running"));
    return new Promise((resolve, reject) => {
      stdin.write(serializeMessage(message), (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Closes stdin, then SIGTERM, then SIGKILL to the whole group; resolves once the process is gone. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child || !this.exited) return;
    const gone = this.exited;
    const wait = (ms: number) =>
      Promise.race([gone.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
    if (!this.exit) {
      child.stdin?.end();
      if (!(await wait(500))) {
        this.killGroup("SIGTERM");
        if (!(await wait(1500))) {
          this.killGroup("SIGKILL");
          await wait(2000);
        }
      }
    }
    // The leader may have exited on its own while children it started in the group live on.
    this.killGroup("SIGKILL");
    this.buffer.clear();
  }

  private killGroup(signal: NodeJS.Signals) {
    const pid = this.child?.pid;
    if (!pid) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: the group is already gone
    }
  }
}
