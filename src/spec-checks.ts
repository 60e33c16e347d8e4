import type { SpecChecks } from "./client.js";
import { type ErrorContext, RequestValidationError, ResponseValidationError, type SudoImagesError } from "./errors.js";
import { asked, fanOut, purchase, subCallKey } from "./fan-out.js";
import { validate_ImageGeneration, validate_ImageGenerationRequest, validators } from "./generated/metadata.js";
import { noteModel } from "./model-lifecycle.js";
import {
  type CheckSettings,
  type ImagesClientOptions,
  OPERATION,
  OPERATION_ID,
  resolveCheckCall,
  resolveCheckSettings,
  type ValidationMode,
} from "./options.js";
import { responseViolations } from "./runtime/responses.js";
import type { SpecViolation } from "./runtime/types.js";
import { check } from "./runtime/validation.js";

/**
 * Every check the spec makes of a generate call, for a client with `options`, as `sudo-images`
 * wires them into the generate path: the whole request held to the spec and planned once (as it
 * is, or fanned out into sub-calls when it asks for more images than one may give) and bought as
 * one purchase, its model's lifecycle noted (once per client); each 2xx answer held to the spec
 * and to the request's `n`; each error body held to the spec, leniently (`ApiError.violations`).
 * Their options (`validateRequests`, `validateResponses`, `onWarning`, `maxImagesPerCall`) are
 * checked here, once.
 */
export function specChecks(options: ImagesClientOptions): SpecChecks {
  const settings = resolveCheckSettings(options);
  return {
    buy(body, call, callOptions, send) {
      const { maxImagesPerCall, onImages } = resolveCheckCall(settings, callOptions);
      // A retired or misspelt model is sent (the server decides), warned of once, and named by any error.
      const note = noteModel(settings, settings.warn, validate_ImageGenerationRequest, body);
      const plan = purchase(validate_ImageGenerationRequest, body, maxImagesPerCall);
      if (settings.validateRequests !== "off" && plan.violations.length > 0) {
        const failure = new RequestValidationError("ImageGenerationRequest", plan.violations);
        report(settings, settings.validateRequests, failure);
      }
      const single = plan.sizes.length === 1;
      const sendPart = (count: number, index: number) =>
        send(single ? body : { ...body, n: count }, {
          idempotencyKey: single ? call.idempotencyKey : subCallKey(call.idempotencyKey, index),
          note,
        });
      return fanOut(plan, sendPart, { signal: call.signal, onImages, warn: settings.warn });
    },
    answer: (body, sent, context) => checkAnswer(settings, body, sent, context),
    errorViolations:
      settings.validateResponses === "off"
        ? undefined
        : (status, body) => responseViolations(OPERATION_ID, OPERATION.responses, status, body, validators),
  };
}

/**
 * A 2xx body held to the spec, and to the `n` of the request sent: a `ResponseValidationError`
 * (thrown, or passed to `onWarning`) made whole, with the attempts the call took and the answer's
 * request id.
 */
function checkAnswer(settings: CheckSettings, body: unknown, sent: unknown, context: ErrorContext): void {
  if (settings.validateResponses === "off") return;
  const problems = [...check(validate_ImageGeneration, body), ...tooMany(body, asked(sent))];
  if (problems.length > 0) {
    report(settings, settings.validateResponses, new ResponseValidationError("ImageGeneration", problems, context));
  }
}

/**
 * More images than were asked for is a broken contract, not a bonus: a server that sends 5,000
 * would have them all downloaded and saved.
 */
function tooMany(body: unknown, wanted: number): SpecViolation[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length <= wanted) return [];
  return [
    {
      pointer: "/data",
      expected: `at most ${wanted} image(s), as many as the request's n`,
      received: `${data.length} images`,
    },
  ];
}

/** A spec violation, as `mode` says: thrown (`"strict"`) or reported and let through (`"warn"`). */
function report(settings: CheckSettings, mode: ValidationMode, failure: SudoImagesError): void {
  if (mode === "strict") throw failure;
  settings.warn(failure);
}
