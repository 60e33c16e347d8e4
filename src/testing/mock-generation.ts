import { subCallKey } from "../fan-out.js";
import type { ImageGenerationRequest } from "../models.js";
import { lifecycleOf } from "../runtime/rule-list.js";
import { check } from "../runtime/validation.js";
import { filledBody, onlyRequired, withNulls } from "./mock-body.js";
import { type MockImageFormat, renderMockImage } from "./mock-image.js";
import type { MockRefusal } from "./mock-server.js";
import { sudoSpec } from "./sudo-spec.js";

/**
 * How the images come back: as asked, else as URLs, unless the spec's rules for the request's
 * model refuse `response_format: "url"` (the gpt-image models), whose images always come as base64,
 * as the real API's do. Asking the validator keeps the model list in the spec alone.
 */
function carrierOf(request: ImageGenerationRequest): "url" | "b64_json" {
  if (request.response_format) return request.response_format;
  return check(sudoSpec.validators.ImageGenerationRequest, { ...request, response_format: "url" }).length === 0
    ? "url"
    : "b64_json";
}

/**
 * The API's answer to a model the spec marks shut down (`x-lifecycle`): a 404 in the words and
 * with the code the real API uses for a model it no longer serves (OpenAI: `{"message": "The model
 * … does not exist or you do not have access to it.", "type": "invalid_request_error", "code":
 * "model_not_found"}`, as openai/openai-agents-python#458 shows it). Decided by the status the spec
 * records, never by the clock; a deprecated model is still served.
 */
export function shutDownModel(body: unknown): MockRefusal | undefined {
  const lifecycle = lifecycleOf(sudoSpec.validators.ImageGenerationRequest, body);
  if (lifecycle?.status !== "shut-down") return undefined;
  const { model } = body as { model: string };
  return {
    status: 404,
    message: `The model \`${model}\` does not exist or you do not have access to it.`,
    type: "invalid_request_error",
    param: "model",
    code: "model_not_found",
  };
}

/**
 * The largest side the mock draws: the largest any live model takes (gpt-image-2: 3840) with room.
 * The field takes any `WxH` (a model the spec does not know may take any), so without a bound one
 * request for `30000x30000` would have the mock allocate gigabytes.
 */
export const MOCK_MAX_SIDE = 4096;

/** A valid request whose size is beyond what the mock draws: a 400 saying so, never an allocation. */
export function undrawableSize(body: unknown): MockRefusal | undefined {
  const [width, height] = dimensions((body as { size?: string | null }).size);
  if (width <= MOCK_MAX_SIDE && height <= MOCK_MAX_SIDE) return undefined;
  return {
    status: 400,
    message: `The mock draws images up to ${MOCK_MAX_SIDE} pixels a side, not ${width}x${height}`,
    type: "invalid_request_error",
    param: "size",
  };
}

/**
 * The response body for a valid request in a non-error scenario, built from the spec's own
 * schemas: `"normal"` sets every field (those the mock knows, such as `size`, `usage` and the
 * images, from the request; any other, such as one added to the spec, from a schema-valid
 * sample), `"nulls"` sets every nullable field to `null` and `"minimal"` keeps the required ones;
 * each image keeps the field that carries it. Each sub-call of a fan-out (`subCall`, see
 * `subCallOf`) draws its own images; the same request, sub-call and seed draw the same bytes.
 * Once `signal` aborts (the client went away), no further image is drawn: it rejects with its reason.
 */
export async function buildGeneration(
  request: ImageGenerationRequest,
  scenario: "normal" | "nulls" | "minimal",
  seed: number,
  subCall: string,
  drawings: Drawings,
  publish: (image: Buffer, format: MockImageFormat) => string,
  signal?: AbortSignal,
): Promise<unknown> {
  const [width, height] = dimensions(request.size);
  const format = drawnFormat(request.output_format);
  const carrier = carrierOf(request);
  const filled = filledBody(sudoSpec, "ImageGeneration") as Record<string, unknown>;
  const {
    url: _url,
    b64_json: _b64,
    ...item
  } = ((filled.data as unknown[] | undefined)?.[0] ?? {}) as Record<string, unknown>;
  const data: Record<string, unknown>[] = [];
  for (let index = 0; index < (request.n ?? 1); index++) {
    const bytes = await drawings.get(
      width,
      height,
      `${request.prompt}|seed=${seed}|${subCall && `call=${subCall}|`}${index}`,
      format,
      `MOCK ${width}X${height} SEED ${seed}`,
      signal,
    );
    const image = carrier === "b64_json" ? bytes.toString("base64") : publish(bytes, format);
    data.push({ ...item, [carrier]: image, revised_prompt: `${request.prompt}, as drawn by the sudo-images mock` });
  }
  const textTokens = request.prompt.split(/\s+/).filter(Boolean).length;
  const outputTokens = data.length * Math.ceil((width * height) / 4096);
  const normal = {
    ...filled,
    created: Math.floor(Date.now() / 1000),
    background: request.background ?? "opaque",
    output_format: format,
    quality: request.quality ?? "auto",
    size: `${width}x${height}`,
    usage: {
      input_tokens: textTokens,
      output_tokens: outputTokens,
      total_tokens: textTokens + outputTokens,
      input_tokens_details: { image_tokens: 0, text_tokens: textTokens },
    },
    data,
  };
  const keep = new Set([carrier]);
  const body =
    scenario === "nulls"
      ? withNulls(sudoSpec, normal, "ImageGeneration", keep)
      : scenario === "minimal"
        ? onlyRequired(sudoSpec, normal, "ImageGeneration", keep)
        : normal;
  return body;
}

/**
 * Which sub-call of a fan-out a request is, from its `Idempotency-Key` (the client's `subCallKey`:
 * the call's key and `-N`), so that sub-calls asking for the same thing draw different images;
 * `""` for a call of its own (a random UUID key ends in twelve hex digits, never in `-N`).
 */
export function subCallOf(idempotencyKey: string | undefined): string {
  const match = /^(.+)-(\d{1,4})$/.exec(idempotencyKey ?? "");
  if (match === null) return "";
  const index = match[2] as string;
  return subCallKey(match[1] as string, Number(index) - 1) === idempotencyKey ? index : "";
}

/** Drawn images by size and key, so a test suite asking for the same picture again gets it at once. */
export interface Drawings {
  /** The image, drawn unless kept; rejects with `signal`'s reason, drawing nothing, once it has aborted. */
  get(
    width: number,
    height: number,
    key: string,
    format: MockImageFormat,
    label: string,
    signal?: AbortSignal,
  ): Promise<Buffer>;
}

const DRAWINGS_KEPT = 64;

/**
 * A cache of drawn images (the last 64). Drawing a 1792×1024 PNG takes ~190 ms of the event loop;
 * each one waits for the next turn of the loop first, so a server drawing ten of them still
 * answers other requests between them.
 */
export function drawingCache(): Drawings {
  const kept = new Map<string, Buffer>();
  return {
    async get(width, height, key, format, label, signal) {
      const id = `${width}x${height}|${format}|${key}`;
      const cached = kept.get(id);
      if (cached) return cached;
      await new Promise((resolve) => setImmediate(resolve));
      // Checked after the wait, where a hang-up (or the mock closing) is seen: ten 4096² drawings
      // nobody will receive would hold the loop, and a stopping mock, for seconds more.
      signal?.throwIfAborted();
      const png = renderMockImage(width, height, key, format, label);
      kept.set(id, png);
      if (kept.size > DRAWINGS_KEPT) kept.delete(kept.keys().next().value as string);
      return png;
    },
  };
}

/** The format the mock draws for an `output_format`: PNG and JPEG as asked; anything else as PNG. */
export function drawnFormat(outputFormat: string | null | undefined): MockImageFormat {
  const asked = outputFormat?.toLowerCase();
  return asked === "jpeg" || asked === "jpg" ? "jpeg" : "png";
}

function dimensions(size: string | null | undefined): [number, number] {
  const match = /^(\d+)x(\d+)$/.exec(size ?? "");
  return match ? [Number(match[1]), Number(match[2])] : [1024, 1024];
}
