import { routes, validators } from "../generated/index.js";
import { responseViolations } from "../runtime/responses.js";
import type { SpecViolation } from "../runtime/types.js";
import { describeViolations } from "../runtime/validation.js";

/** An operation of the spec, by its `operationId`. */
export type OperationId = keyof typeof routes;

/**
 * Checks a response body against what the spec says `operationId` answers with `status`, and
 * returns every problem (an empty list when it matches). A status the spec does not document is
 * itself a problem. Use it on your own server's answers or on recorded fixtures.
 *
 * @example
 * const problems = validateAgainstSpec("generateImage", 200, await response.json());
 * expect(problems).toEqual([]);
 */
export function validateAgainstSpec(operationId: OperationId, status: number, body: unknown): SpecViolation[] {
  const operation = Object.hasOwn(routes, operationId) ? routes[operationId] : undefined;
  if (operation === undefined) {
    return [
      {
        pointer: "",
        expected: `an operation of the spec (${Object.keys(routes).join(", ")})`,
        received: String(operationId),
      },
    ];
  }
  return responseViolations(operationId, operation.responses, status, body, validators);
}

/**
 * Like `validateAgainstSpec`, but throws an `Error` listing every problem, one line, each with its
 * JSON pointer: made for test assertions.
 *
 * @example
 * assertMatchesSpec("generateImage", 200, body);
 */
export function assertMatchesSpec(operationId: OperationId, status: number, body: unknown): void {
  const problems = validateAgainstSpec(operationId, status, body);
  if (problems.length > 0) {
    throw new Error(`${operationId} ${status} body does not match the spec: ${describeViolations(problems)}`);
  }
}
