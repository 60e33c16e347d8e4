import { responseViolations } from "../runtime/responses.js";
import type { SpecViolation } from "../runtime/types.js";
import { describeViolations } from "../runtime/validation.js";
import type { SpecFolder } from "./spec-folder.js";
import { sudoSpec } from "./sudo-spec.js";

/** An operation of the spec (the Sudo images spec unless another is named), by its `operationId`. */
export type OperationId<Spec extends SpecFolder = typeof sudoSpec> = keyof Spec["routes"] & string;

/**
 * Checks a response body against what the spec says `operationId` answers with `status`, and
 * returns every problem (an empty list when it matches). A status the spec does not document is
 * itself a problem. Use it on your own server's answers or on recorded fixtures; `spec` is a
 * generated folder, the Sudo images spec by default.
 *
 * @example
 * const problems = validateAgainstSpec("generateImage", 200, await response.json());
 * expect(problems).toEqual([]);
 * validateAgainstSpec("getPet", 200, pet, petsSpec);
 */
export function validateAgainstSpec<Spec extends SpecFolder = typeof sudoSpec>(
  operationId: OperationId<Spec>,
  status: number,
  body: unknown,
  spec: Spec = sudoSpec as unknown as Spec,
): SpecViolation[] {
  const { routes, validators } = spec;
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
export function assertMatchesSpec<Spec extends SpecFolder = typeof sudoSpec>(
  operationId: OperationId<Spec>,
  status: number,
  body: unknown,
  spec: Spec = sudoSpec as unknown as Spec,
): void {
  const problems = validateAgainstSpec(operationId, status, body, spec);
  if (problems.length > 0) {
    throw new Error(`${operationId} ${status} body does not match the spec: ${describeViolations(problems)}`);
  }
}
