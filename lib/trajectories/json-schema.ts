// The JSON Schema of the canonical format, generated from the zod schemas so that the two
// cannot drift; docs/trajectory.schema.json is this output (a unit test compares them).
import { z } from "zod";
import { TRAJECTORY_FORMAT, trajectoryRecord } from "./format";

export function trajectoryJsonSchema() {
  const schema = z.toJSONSchema(trajectoryRecord, { io: "input", target: "draft-2020-12" });
  return {
    ...schema,
    $id: "https://atlas.studio/schemas/trajectory/v1.json",
    title: `Atlas Studio trajectory (${TRAJECTORY_FORMAT})`,
    description:
      "One agent episode: OpenAI chat messages as steps, each with the tools loaded and unloaded at that step and the context tokens (system prompt, tool schemas, history, tool outputs) the model saw. See docs/trajectory-format.md.",
  };
}

export const trajectoryJsonSchemaText = () => `${JSON.stringify(trajectoryJsonSchema(), null, 2)}\n`;
