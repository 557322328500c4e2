// GET /api/v1/projects/{projectId}/events - server-sent events for live job progress and logs
import { jobs } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { subscribe } from "@/lib/jobs/server/event-hub";

export const dynamic = "force-dynamic";
export const GET = handle(jobs.projectEvents, async ({ req, params }) => {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribe(params.projectId, (e) =>
        send(`event: ${e.kind}\ndata: ${JSON.stringify(e)}\n\n`),
      );
      const heartbeat = setInterval(() => send(": ping\n\n"), 15_000);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      req.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      });
      send("retry: 2000\n: connected\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
    },
  });
});
