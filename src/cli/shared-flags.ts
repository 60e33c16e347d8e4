/**
 * The flags `generate` and `verify` both take, for parseArgs: where the API is, the key, the mock,
 * the output shape, help. Each command adds its own to these, and reads no other command's.
 */
export const SHARED_OPTIONS = {
  json: { type: "boolean", default: false },
  "base-url": { type: "string" },
  "api-key": { type: "string" },
  mock: { type: "boolean", default: false },
  "allow-insecure-http": { type: "boolean", default: false },
  "image-hosts": { type: "string" },
  timeout: { type: "string" },
  debug: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", short: "v", default: false },
} as const;
