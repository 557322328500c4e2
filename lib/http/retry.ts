// What every client of a model endpoint (judges, policies) does between attempts: exponential
// backoff with jitter, honouring Retry-After, and short readable error text.

/** first backoff `baseMs`, doubling each attempt, capped at 8 s, with jitter in [0.5, 1] of it */
export const backoffMs = (attempt: number, baseMs: number) =>
  Math.min(8000, baseMs * 2 ** attempt) * (0.5 + Math.random() / 2);

/** Retry-After in seconds, capped at 30 s; null when absent or a date (which endpoints rarely send). */
export function retryAfterMs(h: string | null): number | null {
  if (!h) return null;
  const s = Number(h);
  return Number.isFinite(s) && s >= 0 ? Math.min(30_000, s * 1000) : null;
}

export const snippet = (s: string, max = 300) => (s.length > max ? `${s.slice(0, max)}…` : s);

/** fetch hides the reason (ECONNREFUSED, ENOTFOUND) in `cause`. */
export function causeOf(err: Error): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? err.message;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
