import type { SpecViolation, Validator } from "./types.js";
import { check } from "./validation.js";

/** What an operation answers, by status (`"200"`, `"4XX"`, `"default"`): the schema name of each body. */
export type Responses = Readonly<Record<string, string>>;

/**
 * The schema the spec gives the body of a `status` answer, looked up as OpenAPI says: the exact
 * code, then its range (`4XX`), then `default`. `undefined` when the spec does not document it.
 * Any table by status is looked up the same way (its required headers, its media types).
 *
 * @example
 * responseSchema({ "200": "ImageGeneration", default: "ErrorResponse" }, 503) // "ErrorResponse"
 */
export function responseSchema<Entry = string>(
  responses: Readonly<Record<string, Entry>>,
  status: number,
): Entry | undefined {
  const code = String(status);
  return responses[code] ?? responses[`${code[0]}XX`] ?? responses.default;
}

/**
 * Every way an answer breaks the spec: a status it does not document (one violation naming the
 * documented ones), or a body that does not match the status's schema. An empty list when it
 * conforms. A schema with no validator in `validators` is not checked.
 *
 * @example
 * responseViolations("generateImage", routes.generateImage.responses, 400, body, validators)
 * // [{ pointer: "/error/message", expected: "required property", received: "nothing" }]
 */
export function responseViolations(
  operationId: string,
  responses: Responses,
  status: number,
  body: unknown,
  validators: Readonly<Record<string, Validator>>,
): SpecViolation[] {
  const schema = responseSchema(responses, status);
  if (schema === undefined) {
    const documented = Object.keys(responses).join(", ");
    return [
      {
        pointer: "",
        expected: `a status the spec documents for ${operationId} (${documented})`,
        received: String(status),
      },
    ];
  }
  const validator = Object.hasOwn(validators, schema) ? validators[schema] : undefined;
  return validator === undefined ? [] : check(validator, body);
}
