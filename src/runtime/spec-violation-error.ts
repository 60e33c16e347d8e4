import type { SpecViolation } from "./types.js";
import { describeViolations } from "./validation.js";

/**
 * What `parse(schemaName, value)` throws when `value` breaks the body schema: every violation, and
 * a one-line message naming the schema and the first of them.
 *
 * @example
 * try { parse("getMe_200", body) } catch (error) { if (error instanceof SpecViolationError) error.violations }
 */
export class SpecViolationError extends Error {
  override name = "SpecViolationError";
  /** The body schema the value was parsed as. */
  readonly schemaName: string;
  /** Every place the value breaks it, each with its JSON pointer. */
  readonly violations: readonly SpecViolation[];

  constructor(schemaName: string, violations: readonly SpecViolation[]) {
    super(`${JSON.stringify(schemaName)} does not match the spec: ${describeViolations(violations)}`);
    this.schemaName = schemaName;
    this.violations = violations;
  }
}
