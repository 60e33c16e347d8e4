import { templatePath } from "../runtime/find-route.js";
import { escapeToken } from "../runtime/json-pointer.js";
import type { JsonSchema, ParameterLocation } from "../runtime/types.js";
import { operationCredential } from "./mock-credentials.js";
import { sentBodySchema } from "./request-body.js";
import type { OperationRoute, SpecFolder } from "./spec-folder.js";
import { plannedCredentials, usableAlternative } from "./verify-credentials.js";
import { type PlannedRequest, planBodies } from "./verify-plan.js";
import type { NamedBody } from "./verify-rules.js";
import { isFormType } from "./wire-body.js";

/** What a request whose body is bytes or text (`application/octet-stream`, `text/plain`) sends. */
const RAW_SAMPLE = "sample body";

/** The parts of a request a plan varies, in the order they are varied. */
type Part = Exclude<ParameterLocation, "cookie"> | "body";
const PARTS: readonly Part[] = ["path", "query", "header", "body"];

/** One request's parts: parameter objects as typed values, the body as JSON. */
type Parts = Partial<Record<Exclude<Part, "body">, Record<string, unknown>>> & { body?: unknown };

/**
 * Every request worth sending to one operation of any spec: its body's examples, then the valid
 * and invalid objects `planBodies` makes for each part (path, query and header parameters, the
 * JSON body), one part varied at a time with the others at their required values. Path templates
 * are filled with values their schemas take, and required query and header parameters are set.
 * Not yet proven: the caller keeps only what the request validator confirms (`isProven`).
 */
export function planOperation(spec: SpecFolder, operationId: string, seed: number): PlannedRequest[] {
  const route = spec.routes[operationId] as OperationRoute;
  const plans = new Map<Part, ReturnType<typeof planBodies>>();
  for (const part of PARTS) {
    const name = schemaName(route, part);
    const schema = name === undefined ? undefined : ownEntry(spec.bodySchemas, name);
    if (name !== undefined && schema !== undefined)
      plans.set(
        part,
        planBodies(part === "header" ? withoutTransportHeaders(schema) : schema, seed, ownEntry(spec.validators, name)),
      );
  }
  const base: Parts = Object.fromEntries([...plans].map(([part, plan]) => [part, plan.base]));
  // A body of bytes or text has no schema to plan from: a sample is sent in its declared media type.
  if (route.request === undefined && route.requestType !== undefined && !isFormType(route.requestType))
    base.body = RAW_SAMPLE;
  const request = (kind: PlannedRequest["kind"], name: string, parts: Parts, breaks?: string): PlannedRequest => ({
    name: `${operationId}: ${name}`,
    kind,
    operationId,
    images: 0,
    ...wireParts(parts),
    ...(breaks === undefined ? {} : { breaks }),
  });
  const bodyName = schemaName(route, "body");
  const examples = bodyName === undefined ? [] : examplesOf(ownEntry(spec.bodySchemas, bodyName));
  const valid = examples.map((example, index) =>
    request("valid", `the spec's example ${index + 1}`, { ...base, body: example }),
  );
  const invalid: PlannedRequest[] = [];
  for (const [part, plan] of plans) {
    valid.push(...plan.valid.map(({ name, body }) => request("valid", `${part} ${name}`, { ...base, [part]: body })));
    invalid.push(
      ...plan.invalid
        .filter((broken) => part !== "path" || !broken.name.startsWith("missing "))
        .map((broken) => brokenRequest(part, broken)),
    );
  }
  if (valid.length === 0) valid.push(request("valid", "no parameters", base));
  return [...unique(valid), ...invalid];

  function brokenRequest(part: Part, { name, body, breaks }: NamedBody): PlannedRequest {
    return request("invalid", `${part} ${name}`, { ...base, [part]: body }, `/${part}/${escapeToken(breaks ?? "")}`);
  }
}

/**
 * For each path of these operations, one request with a method none of them declares (405, or
 * 404): the path filled as its first operation's valid requests fill it.
 */
export function undeclaredMethods(spec: SpecFolder, planned: readonly PlannedRequest[]): PlannedRequest[] {
  const byPath = new Map<string, PlannedRequest>();
  for (const request of planned) {
    const { path: template } = spec.routes[request.operationId] as OperationRoute;
    // Operations told apart by a `#fragment` only are on one path: a method none of them declares.
    const path = template === undefined ? undefined : templatePath(template);
    if (request.kind === "valid" && path !== undefined && !byPath.has(path)) byPath.set(path, request);
  }
  return [...byPath].flatMap(([path, sample]) => {
    const declared = new Set(
      Object.values(spec.routes)
        .filter((route) => route.path !== undefined && templatePath(route.path) === path)
        .map((route) => route.method.toLowerCase()),
    );
    const method = UNUSUAL_FIRST.find((name) => !declared.has(name));
    if (method === undefined) return [];
    const { operationId, params } = sample;
    const name = `${operationId}: a method ${path} does not define (${method.toUpperCase()})`;
    return [
      { name, kind: "method" as const, operationId, body: undefined, images: 0, method: method.toUpperCase(), params },
    ];
  });
}

/**
 * For each secured operation, and each scheme of its usable alternative (`usableAlternative`),
 * a request with no credential for that scheme and one with a wrong one (401 or 403), the rest of
 * the request the operation's first valid one, so a server has nothing else to refuse.
 */
export function credentialChecks(spec: SpecFolder, planned: readonly PlannedRequest[]): PlannedRequest[] {
  const firstValid = new Map<string, PlannedRequest>();
  for (const request of planned)
    if (request.kind === "valid" && !firstValid.has(request.operationId)) firstValid.set(request.operationId, request);
  return [...firstValid.values()].flatMap((valid) =>
    usableAlternative(spec, valid.operationId).flatMap((scheme) =>
      (["none", "wrong"] as const)
        .map((key) => ({
          ...valid,
          name: `${valid.operationId}: ${key === "none" ? "no" : "a wrong"} ${scheme} credential`,
          kind: "auth" as const,
          key,
          scheme,
        }))
        .filter((request) => isRefused(spec, request)),
    ),
  );
}

/** A key for proofs: what a request carries is compared with what the spec asks, whatever the key. */
export const PROOF_KEY = "k-proof";

/**
 * Whether a server that follows the spec must refuse this credential check, proven before it is
 * sent by the mock's own rule (`operationCredential`): taking one scheme's key away can leave
 * another alternative met (`[[oauth2, apiKey], [oauth2_alternate]]`: the bearer token still
 * stands for the second), and then the request is no refusal to ask for.
 */
function isRefused(spec: SpecFolder, request: PlannedRequest): boolean {
  const { headers, query, cookies } = plannedCredentials(spec, request, PROOF_KEY);
  return operationCredential(spec, request.operationId, { headers, query, cookies }, PROOF_KEY) !== "right";
}

/** Headers the transport writes itself (fetch sets them or refuses them): a plan never sets nor breaks them. */
const TRANSPORT_HEADERS = new Set(["content-length", "host", "transfer-encoding", "connection"]);

/**
 * A header parameters schema without the headers the transport owns (Vercel's uploads declare
 * `content-length`): a request that needs one is then never proven, rather than sent broken.
 */
function withoutTransportHeaders(schema: JsonSchema): JsonSchema {
  const owned = (key: string) => TRANSPORT_HEADERS.has(key.toLowerCase());
  const properties = Object.entries((schema.properties ?? {}) as Record<string, unknown>);
  if (!properties.some(([key]) => owned(key))) return schema;
  return {
    ...schema,
    properties: Object.fromEntries(properties.filter(([key]) => !owned(key))),
    required: ((schema.required as string[] | undefined) ?? []).filter((key) => !owned(key)),
  };
}

/** Methods tried as undeclared, the ones least likely to change anything first (fetch refuses to send TRACE). */
const UNUSUAL_FIRST = ["patch", "put", "delete", "post", "get"];

function schemaName(route: OperationRoute, part: Part): string | undefined {
  return part === "body" ? sentBodySchema(route) : route.parameters?.[part];
}

function ownEntry<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** A body schema's own `examples` (the spec's examples of the request body). */
function examplesOf(schema: JsonSchema | undefined): unknown[] {
  return Array.isArray(schema?.examples) ? schema.examples : [];
}

/** A request's parts as they go on the wire: parameters as text, the body as it is. */
function wireParts(parts: Parts): Pick<PlannedRequest, "params" | "query" | "headers" | "body"> {
  return {
    params: parts.path && (textOf(parts.path, ",") as Record<string, string>),
    query: parts.query && textOf(parts.query, undefined),
    headers: parts.header && (textOf(parts.header, ",") as Record<string, string>),
    body: parts.body,
  };
}

/**
 * Typed parameter values as wire text, as OpenAPI's default styles write them: a list repeats the
 * name in a query (`form`, exploded) and is comma-joined elsewhere (`simple`); an object is JSON.
 */
function textOf(values: Record<string, unknown>, join: string | undefined): Record<string, string | string[]> {
  const text = (value: unknown) =>
    typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      if (!Array.isArray(value)) return [key, text(value)];
      return [key, join === undefined ? value.map(text) : value.map(text).join(join)];
    }),
  );
}

/** The requests, each sent once: one that sets the same values as one before it is left out. */
function unique(requests: PlannedRequest[]): PlannedRequest[] {
  const seen = new Set<string>();
  return requests.filter(({ params, query, headers, body }) => {
    const key = JSON.stringify([params, query, headers, body]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
