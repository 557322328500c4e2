// The base URL of an OpenAI-compatible endpoint (policies and model judges). Safe for the browser.
import { z } from "zod";

export const endpointBaseUrl = z
  .string({ error: "baseUrl is required: the endpoint's base URL, e.g. http://localhost:8000/v1" })
  .trim()
  .min(1, "give the endpoint's base URL, e.g. http://localhost:8000/v1")
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "the base URL must be an http(s) URL, e.g. http://localhost:8000/v1 (the part before /chat/completions)");
