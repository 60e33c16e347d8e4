import { cookiePairs } from "./cookie-header.js";
import { parameterValues, type RawValues } from "./parameter-values.js";
import type { ParameterLocation, SpecViolation, Validator, WireTypes } from "./types.js";
import { validateWith } from "./validation.js";

/** What `requestViolations` reads of an operation in a generated `routes` table. */
export interface RequestRoute {
  readonly method: string;
  /** Its path template, such as `/pets/{petId}`; none for a webhook. */
  readonly path?: string;
  /** The schema name of its JSON request body. */
  readonly request?: string;
  /** The schema name of each location's parameters object. */
  readonly parameters?: Readonly<Partial<Record<ParameterLocation, string>>>;
}

/** The parts of a generated folder a request is checked against: its `routes`, `validators` and `parameterTypes`. */
export interface RequestSpec {
  readonly routes: Readonly<Record<string, RequestRoute>>;
  readonly validators: Readonly<Record<string, Validator>>;
  readonly parameterTypes?: Readonly<Record<string, WireTypes>>;
}

/** A request as it arrives or leaves: wire text for parameters (the path's already decoded), a parsed body. */
export interface RequestParts {
  /** The path template's values, by parameter name. */
  readonly params?: RawValues;
  readonly query?: RawValues;
  /** Headers, any letter case; cookie parameters are read from the `cookie` header. */
  readonly headers?: RawValues;
  /** The JSON body, parsed; `undefined` when there is none (then it is not checked). */
  readonly body?: unknown;
}

const LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];

/**
 * Every way a request breaks what the spec takes for `operationId`: its path, query, header and
 * cookie parameters (read from wire text by their types) and its body, each violation pointed
 * into the request as `/path/id`, `/query/limit`, `/header/x-trace`, `/cookie/session` or
 * `/body/...`. None when it conforms. The mock (a 400), the client (checking what it sends) and
 * verify (proving a request it calls invalid is) all ask this. An unknown `operationId` is one
 * violation, never a throw.
 *
 * @example
 * requestViolations(spec, "getPet", { params: { id: "x" }, query: new URLSearchParams("limit=0") })
 * // [{ pointer: "/path/id", expected: "must be integer", received: '"x"' },
 * //  { pointer: "/query/limit", expected: "must be >= 1", received: "0" }]
 */
export function requestViolations(spec: RequestSpec, operationId: string, request: RequestParts = {}): SpecViolation[] {
  const route = Object.hasOwn(spec.routes, operationId) ? spec.routes[operationId] : undefined;
  if (route === undefined) {
    return [{ pointer: "", expected: "an operationId of the spec", received: JSON.stringify(String(operationId)) }];
  }
  const found: SpecViolation[] = [];
  for (const location of LOCATIONS) {
    const name = route.parameters?.[location];
    if (name === undefined) continue;
    const types = spec.parameterTypes && Object.hasOwn(spec.parameterTypes, name) ? spec.parameterTypes[name] : {};
    const values = parameterValues(rawValues(request, location), types, location);
    found.push(...within(location, validateWith(spec.validators, name, values)));
  }
  if (route.request !== undefined && request.body !== undefined) {
    found.push(...within("body", validateWith(spec.validators, route.request, request.body)));
  }
  return found;
}

function rawValues(request: RequestParts, location: ParameterLocation): RawValues {
  if (location === "path") return request.params ?? {};
  if (location === "query") return request.query ?? {};
  if (location === "header") return request.headers ?? {};
  return cookies(request.headers ?? {});
}

/** The `cookie` header's pairs (`a=1; b=2`), by name, as raw values. */
function cookies(headers: RawValues): RawValues {
  const { cookie: header } = parameterValues(headers, {}, "header");
  const lines = header === undefined ? [] : [header].flat().map(String);
  return {
    forEach(callback) {
      for (const [name, value] of cookiePairs(lines)) callback(value, name);
    },
  };
}

/** Violations of one part of a request, pointed from the request's root (`/query` + `/limit`). */
function within(part: string, violations: SpecViolation[]): SpecViolation[] {
  return violations.map((violation) => ({ ...violation, pointer: `/${part}${violation.pointer}` }));
}
