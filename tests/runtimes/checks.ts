/**
 * The same small consumer for every runtime (Bun, Deno, workerd): it imports the installed package
 * as users do and returns what each check saw, as JSON-friendly values the Node test compares.
 */
import {
  BadRequestError,
  createImagesClient,
  detectImageType,
  imageBytes,
  isSudoImagesError,
  RateLimitError,
  TimeoutError,
} from "sudo-images";
import { createImagesClient as createLiteClient, BadRequestError as LiteBadRequestError } from "sudo-images/lite";

/** The mock servers the Node test started, by scenario. */
export interface Servers {
  normal: string;
  nulls: string;
  badRequest: string;
  rateLimited: string;
  slow: string;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

/** What a runtime saw of an API error: its class, the cross-realm guard, status, message, request id. */
function apiFailure(error: unknown, rightClass: boolean, message: string): unknown[] {
  const api = error as BadRequestError;
  return [
    rightClass,
    isSudoImagesError(error),
    api.status,
    api.message.includes(message),
    typeof api.requestId === "string",
  ];
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "resolved",
    (error: unknown) => error,
  );
}

export async function runChecks(servers: Servers): Promise<Record<string, unknown>> {
  const client = (baseUrl: string, timeoutMs?: number) =>
    createImagesClient({ apiKey: "sk-runtime", baseUrl, maxRetries: 0, ...(timeoutMs ? { timeoutMs } : {}) });
  const request = { prompt: "a heron", model: "flux-1.1-pro", size: "256x256" } as const;
  const results: Record<string, unknown> = {};

  const b64 = await client(servers.normal).generate({ ...request, response_format: "b64_json" });
  const b64Bytes = await imageBytes(b64.data[0] ?? {});
  results.b64 = `${detectImageType(b64Bytes).extension} ${pngSize(b64Bytes)}`;

  const url = await client(servers.normal).generate({ ...request, response_format: "url" });
  const urlBytes = await imageBytes(url.data[0] ?? {});
  results.url = `${detectImageType(urlBytes).extension} ${pngSize(urlBytes)}`;

  const nulls = await client(servers.nulls).generate(request);
  results.nulls = Object.keys(nulls).sort().join(",");

  const bad = await failure(client(servers.badRequest).generate(request));
  results.badRequest = apiFailure(bad, bad instanceof BadRequestError, "the prompt is not allowed");
  const limited = await failure(client(servers.rateLimited).generate(request));
  results.rateLimited = apiFailure(limited, limited instanceof RateLimitError, "slow down");

  // The lite entry, for edge bundles: the same answer, and the same error classes as the core entry's.
  const lite = createLiteClient({ apiKey: "sk-runtime", baseUrl: servers.normal, maxRetries: 0 });
  const liteBytes = await imageBytes((await lite.generate({ ...request, response_format: "b64_json" })).data[0] ?? {});
  results.lite = `${detectImageType(liteBytes).extension} ${pngSize(liteBytes)}`;
  const liteBad = await failure(
    createLiteClient({ apiKey: "sk-runtime", baseUrl: servers.badRequest, maxRetries: 0 }).generate(request),
  );
  results.liteBadRequest = apiFailure(
    liteBad,
    liteBad instanceof LiteBadRequestError && liteBad instanceof BadRequestError,
    "the prompt is not allowed",
  );

  const timedOut = await failure(client(servers.slow, 100).generate(request));
  results.timeout = timedOut instanceof TimeoutError;

  const controller = new AbortController();
  const pending = failure(client(servers.slow).generate(request, { signal: controller.signal }));
  controller.abort();
  const aborted = await pending;
  results.abort = (aborted as Error)?.name === "AbortError";

  results.keyGuard = (() => {
    try {
      createImagesClient({ apiKey: "sk-runtime", baseUrl: servers.normal });
      return "no refusal";
    } catch (error) {
      return (error as Error).name;
    }
  })();
  return results;
}
