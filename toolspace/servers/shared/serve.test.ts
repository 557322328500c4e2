import { expect, it } from "vitest";
import { startServer } from "./test-client";

it("serves tools over stdio: JSON answers, state across calls, thrown and invalid-argument errors as isError", async () => {
  const s = await startServer("toolspace/servers/shared/fixture-server.ts");
  expect((await s.call("add", { a: 2, b: 3 })).json).toEqual({ sum: 5 });
  await s.call("bump");
  expect((await s.call("bump")).json).toEqual({ n: 2 });
  expect(await s.call("fail")).toMatchObject({ isError: true, text: "no such thing" });
  expect((await s.call("add", { a: "x" })).isError).toBe(true);
  const tools = await s.client.listTools();
  expect(tools.tools.map((t) => t.name)).toEqual(["add", "bump", "fail"]);
  await s.close();
});
