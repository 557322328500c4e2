type ContentPart = {
  type: string;
  text?: string;
  mimeType?: string;
  data?: string;
  uri?: string;
  name?: string;
  resource?: { uri?: string; mimeType?: string; text?: string; blob?: string };
};

function bytesOfBase64(data: string | undefined): number {
  if (!data) return 0;
  const pad = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - pad;
}

/**
 * One string for the model: text parts as they are, other parts described in a line, because the agent
 * context holds text and a base64 image would only spend tokens.
 */
export function contentText(content: unknown, structured?: unknown): string {
  const parts = Array.isArray(content) ? (content as ContentPart[]) : [];
  const out = parts.map((p) => {
    switch (p.type) {
      case "text":
        return p.text ?? "";
      case "image":
      case "audio":
        return `[${p.type}: ${p.mimeType ?? "unknown type"}, ${bytesOfBase64(p.data)} bytes]`;
      case "resource":
        if (typeof p.resource?.text === "string") return p.resource.text;
        return `[resource: ${p.resource?.uri ?? "?"} (${p.resource?.mimeType ?? "unknown type"}, ${bytesOfBase64(p.resource?.blob)} bytes)]`;
      case "resource_link":
        return `[resource link: ${p.uri ?? "?"}${p.name ? ` ${p.name}` : ""}]`;
      default:
        return `[${p.type} content]`;
    }
  });
  if (out.length === 0 && structured !== undefined) return JSON.stringify(structured);
  return out.join("\n");
}
