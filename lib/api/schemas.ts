import { z } from "zod";

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const uuidParam = (name: string) => z.string().uuid(`${name} must be a UUID`);
export const projectParams = z.object({ projectId: uuidParam("projectId") });
