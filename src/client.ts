import createClient, { type Client } from "openapi-fetch";
import { bearerAuth } from "./auth.js";
import { readEnv } from "./environment.js";
import {
  ApiError,
  ConnectionError,
  RequestValidationError,
  ResponseValidationError,
  SudoImagesError,
} from "./errors.js";
import type { components, paths } from "./generated/schema.js";
import { type Normalized, normalize } from "./normalize.js";
import { parseJsonBody } from "./response-body.js";
import { validate } from "./validation.js";

/** The default API root; `/v1/images/generations` is appended to it. */
export const DEFAULT_BASE_URL = "https://sudoapp.dev/api";

type Schemas = components["schemas"];

/** A request as you write it: fields the spec lets be `null` may also be `null` or left out. */
export type ImageGenerationRequest = Schemas["ImageGenerationRequest"];
/** The result of `generate`: no `null` anywhere, absent instead. */
export type ImageGeneration = Normalized<Schemas["ImageGeneration"]>;
/** One generated image: `url` or `b64_json`, and `revised_prompt` when the model rewrote the prompt. */
export type ImageData = Normalized<Schemas["ImageData"]>;
/** Token usage (OpenAI models only). */
export type ImageUsage = Normalized<Schemas["ImageUsage"]>;

/** Options of `createImagesClient`. */
export interface ImagesClientOptions {
  /** The Sudo API key. @default process.env.SUDO_API_KEY */
  apiKey?: string | undefined;
  /** The API root. @default process.env.SUDO_BASE_URL, else "https://sudoapp.dev/api" */
  baseUrl?: string | undefined;
  /** A fetch to send requests with, such as one with a proxy agent. @default globalThis.fetch */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /**
   * What to do with a 2xx body that breaks the spec: throw a `ResponseValidationError`
   * (`"strict"`), report it through `onWarning` and return it normalized (`"warn"`), or not check.
   * @default "strict"
   */
  validateResponses?: "strict" | "warn" | "off" | undefined;
  /** Receives `"warn"`-mode violations. @default console.warn */
  onWarning?: ((error: SudoImagesError) => void) | undefined;
}

/** Options of one `generate` call. */
export interface GenerateOptions {
  /** Cancels the call. */
  signal?: AbortSignal | undefined;
}

/** What `createImagesClient` returns. */
export interface ImagesClient {
  /**
   * Generates images. Resolves to the spec-valid, normalized result; rejects with a
   * `SudoImagesError` subclass that says what failed.
   */
  generate(request: ImageGenerationRequest, options?: GenerateOptions): Promise<ImageGeneration>;
  /** The underlying openapi-fetch client, with auth applied, for anything `generate` does not cover. */
  raw: Client<paths>;
}

const OPERATION_PATH = "/v1/images/generations";

/**
 * Creates a client for the Sudo images API.
 *
 * @example
 * const client = createImagesClient(); // reads SUDO_API_KEY
 * const { data } = await client.generate({ prompt: "a lighthouse at dusk", model: "gpt-image-1" });
 * console.log(data[0]?.url);
 */
export function createImagesClient(options: ImagesClientOptions = {}): ImagesClient {
  const baseUrl = options.baseUrl ?? readEnv("SUDO_BASE_URL") ?? DEFAULT_BASE_URL;
  const raw = createClient<paths>({
    baseUrl,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  raw.use(bearerAuth(() => options.apiKey ?? readEnv("SUDO_API_KEY")));
  const mode = options.validateResponses ?? "strict";
  const warn = options.onWarning ?? ((error) => console.warn(error.message));

  async function generate(request: ImageGenerationRequest, callOptions: GenerateOptions = {}) {
    const body = normalize("ImageGenerationRequest", request);
    const violations = validate("ImageGenerationRequest", body);
    if (violations.length > 0) throw new RequestValidationError("ImageGenerationRequest", violations);
    const url = `${baseUrl.replace(/\/+$/, "")}${OPERATION_PATH}`;
    const { data, error, response } = await raw
      .POST(OPERATION_PATH, { body: body as ImageGenerationRequest, signal: callOptions.signal, parseAs: "text" })
      .catch((cause: unknown) => {
        throw cause instanceof SudoImagesError || callOptions.signal?.aborted
          ? cause
          : new ConnectionError("POST", url, { cause });
      });
    if (!response.ok) {
      throw ApiError.from({ status: response.status, method: "POST", url, headers: response.headers, body: error });
    }
    // parseAs "text" hands back the body as a string; openapi-fetch's types do not follow parseAs.
    const parsed = parseJsonBody((data as unknown as string | undefined) ?? "", response);
    if (mode !== "off") {
      const problems = validate("ImageGeneration", parsed);
      if (problems.length > 0) {
        const violation = new ResponseValidationError("ImageGeneration", problems);
        if (mode === "strict") throw violation;
        warn(violation);
      }
    }
    return normalize("ImageGeneration", parsed as Schemas["ImageGeneration"]);
  }

  return { generate, raw };
}
