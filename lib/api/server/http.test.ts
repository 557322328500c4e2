import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "./read-body";
import { errorResponse } from "./respond";

const req = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://x/api/v1/y", { method: "POST", body, headers });

describe("readJsonBody", () => {
  it("parses JSON within the limit", async () => {
    expect(await readJsonBody(req('{"a":1}'), 100)).toEqual({ a: 1 });
  });

  it("refuses a body past the limit with PAYLOAD_TOO_LARGE, even without a content-length", async () => {
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode("x".repeat(50)));
        c.close();
      },
    });
    const r = new Request("http://x", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    await expect(readJsonBody(r, 100)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", field: "body" });
  });

  it("names malformed JSON and the wrong content type", async () => {
    await expect(readJsonBody(req("{oops"), 100)).rejects.toMatchObject({ code: "VALIDATION", field: "body" });
    await expect(
      readJsonBody(req("a=1", { "content-type": "application/x-www-form-urlencoded" }), 100),
    ).rejects.toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
  });
});

describe("errorResponse", () => {
  it("maps domain errors to their status with code, message and field", async () => {
    const r = errorResponse(new AppError("NOT_FOUND", "The job was not found", "jobId"));
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: { code: "NOT_FOUND", message: "The job was not found", field: "jobId" } });
  });

  it("names the field of a zod error", async () => {
    const err = z.object({ name: z.string().min(1, "Give a name") }).safeParse({ name: "" }).error!;
    const r = errorResponse(err);
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ error: { code: "VALIDATION", message: "name: Give a name", field: "name" } });
  });

  it("hides internal errors behind a 500 without their message", async () => {
    const original = console.error;
    console.error = () => {};
    const r = errorResponse(new Error("password=hunter2"));
    console.error = original;
    expect(r.status).toBe(500);
    expect(JSON.stringify(await r.json())).not.toContain("hunter2");
  });
});
