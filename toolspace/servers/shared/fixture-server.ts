// Test code: a server of three tools that exercises the harness.
import { z } from "zod";
import { serveStdio, ToolError, tool } from "./serve";

let n = 0;
await serveStdio("fixture", "1", [
  tool({
    name: "add",
    description: "Adds",
    input: { a: z.number(), b: z.number() },
    run: ({ a, b }) => ({ sum: a + b }),
  }),
  tool({ name: "bump", description: "Counts", input: {}, run: () => ({ n: ++n }) }),
  tool({
    name: "fail",
    description: "Fails",
    input: {},
    run: () => {
      throw new ToolError("no such thing");
    },
  }),
]);
