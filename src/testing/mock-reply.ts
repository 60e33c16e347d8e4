import { isJsonType } from "../http/response-body.js";
import { escapeToken, pointerKeys, valueAt } from "../runtime/json-pointer.js";
import { responseSchema } from "../runtime/responses.js";
import type { DocumentedAnswer, SpecViolation, Validator } from "../runtime/types.js";
import { check } from "../runtime/validation.js";
import { filledBody, onlyRequired, withNulls } from "./mock-body.js";
import type { SpecFolder } from "./spec-folder.js";

/** What the mock sends: a status, a body (JSON unless `type` says otherwise; none when absent) and headers. */
export interface MockReply {
  status: number;
  body?: unknown;
  /** The media type of `body`. @default "application/json" */
  type?: string | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
}

/** Why the mock refuses a request: a status, a message, and for an API with error types (Sudo's), its type and field. */
export interface MockRefusal {
  status: number;
  message: string;
  type?: string | undefined;
  param?: string | undefined;
  /** The machine-readable code the real API sends for this failure (`model_not_found`), when it sends one. */
  code?: string | undefined;
}

/** How the mock shapes a generated answer: every field, every nullable field `null`, or only the required ones. */
export type BodyScenario = "normal" | "nulls" | "minimal";

/** How `operationAnswer` picks and shapes an answer. */
export interface AnswerChoice {
  seed: number;
  scenario: BodyScenario;
  /** The name of the spec's example to answer with, when the answer has one by that name. */
  example?: string | undefined;
}

/**
 * The answer to a valid request for `operationId`: the first 2xx the spec documents (an exact
 * code, else `2XX` as 200, else `default` as 200), with its media type and every header it must
 * carry; its body the example named `choice.example`, else the answer's first example the schema
 * takes, else one generated from the schema (shaped by the scenario), which the validator accepts.
 */
export function operationAnswer(spec: SpecFolder, operationId: string, choice: AnswerChoice): MockReply {
  const route = spec.routes[operationId];
  const answers = (spec.answers && Object.hasOwn(spec.answers, operationId) ? spec.answers[operationId] : {}) ?? {};
  const documented = [...new Set([...Object.keys(route?.responses ?? {}), ...Object.keys(answers)])];
  const key =
    documented.filter((status) => /^2\d\d$/.test(status)).sort()[0] ??
    documented.find((status) => /^2XX$/i.test(status)) ??
    documented.find((status) => status === "default");
  const status = key === undefined || !/^\d+$/.test(key) ? 200 : Number(key);
  const answer: DocumentedAnswer = (key !== undefined && Object.hasOwn(answers, key) ? answers[key] : {}) ?? {};
  const headers = requiredHeaders(spec, operationId, status);
  const schema = key === undefined ? undefined : route?.responses[key];
  const examples = answer.examples ?? {};
  const named = choice.example !== undefined && Object.hasOwn(examples, choice.example) ? choice.example : undefined;
  // The first example the schema takes: a spec's example can break its own schema (ReadMe's JSON
  // written as a string), and the mock never answers what the validator refuses unless asked by name.
  const validator =
    schema !== undefined && Object.hasOwn(spec.validators, schema) ? spec.validators[schema] : undefined;
  const fitting = Object.keys(examples).find((name) => !validator || check(validator, examples[name]).length === 0);
  const example = named ?? fitting;
  if (example !== undefined) return { status, body: examples[example], type: answer.type, headers };
  if (schema === undefined) return { status, body: unschemedBody(answer.type), type: answer.type, headers };
  return { status, body: shaped(spec, schema, choice), type: answer.type, headers };
}

/** A body of schema `name` filled from its schema, then shaped by the scenario. */
function shaped(spec: SpecFolder, name: string, { seed, scenario }: AnswerChoice): unknown {
  const filled = fittingBody(spec, name, seed);
  if (scenario === "nulls") return withNulls(spec, filled, name, new Set());
  if (scenario === "minimal") return onlyRequired(spec, filled, name, new Set());
  return filled;
}

/** How many `oneOf`/`anyOf` branch choices a generated body tries before it is sent as it is. */
const BRANCH_TRIES = 4;

/**
 * A generated body of schema `name` that its validator takes: each `oneOf` at its first branch,
 * else at the next (ReadMe's `oneOf` of two identical strings and an object takes only the object),
 * else the first less the optional fields no value can meet.
 */
function fittingBody(spec: SpecFolder, name: string, seed: number): unknown {
  const validator = Object.hasOwn(spec.validators, name) ? spec.validators[name] : undefined;
  const first = filledBody(spec, name, seed);
  if (validator === undefined || check(validator, first).length === 0) return first;
  for (let branch = 1; branch < BRANCH_TRIES; branch++) {
    const next = filledBody(spec, name, seed, branch);
    if (check(validator, next).length === 0) return next;
  }
  return withoutUnmetFields(validator, first);
}

/** How many fields `withoutUnmetFields` tries leaving out before the body is sent as it is. */
const LEAVE_OUT_TRIES = 16;

/**
 * `body` less each optional field (or array item) at which it breaks its schema, while leaving one
 * out breaks no rule it met: a `oneOf` whose branches no value tells apart is met only by its
 * absence (ListenNotes' playlist item `data` and search results, objects that require nothing;
 * ReadMe's `oneOf` of one schema twice). A required field (or an item `minItems` needs) left out is
 * a new violation, so it stays.
 */
function withoutUnmetFields(validator: Validator, body: unknown): unknown {
  let current = body;
  let faults = check(validator, current);
  let tries = 0;
  for (let index = 0; index < faults.length && tries < LEAVE_OUT_TRIES; index++) {
    const candidate = withoutField(current, (faults[index] as SpecViolation).pointer);
    if (candidate === undefined) continue;
    tries++;
    const after = check(validator, candidate);
    const before = new Set(faults.map(faultKey));
    if (after.length >= faults.length || !after.every((fault) => before.has(faultKey(fault)))) continue;
    current = candidate;
    faults = after;
    index = -1;
  }
  return current;
}

const faultKey = (fault: SpecViolation) => `${fault.pointer}\0${fault.expected}`;

/** A copy of `body` without the field or array item `pointer` names; `undefined` when it names none. */
function withoutField(body: unknown, pointer: string): unknown {
  const keys = pointerKeys(pointer);
  const last = keys.pop();
  if (last === undefined) return undefined;
  const copy = structuredClone(body);
  const parent = keys.length === 0 ? copy : valueAt(copy, `/${keys.map(escapeToken).join("/")}`);
  if (typeof parent !== "object" || parent === null || !Object.hasOwn(parent, last)) return undefined;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete (parent as Record<string, unknown>)[last];
  return copy;
}

/**
 * A value for each header an answer of `operationId` with `status` must carry (its exact code,
 * its range, else `default`): `0` reads as a number and as a string alike.
 */
function requiredHeaders(spec: SpecFolder, operationId: string | undefined, status: number): Record<string, string> {
  const route = operationId === undefined ? undefined : spec.routes[operationId];
  const names = responseSchema(route?.headers ?? {}, status) ?? [];
  return Object.fromEntries(names.map((name) => [name, "0"]));
}

/**
 * `reply` with every header the spec says an answer of its status must carry that it lacks: an
 * answer of any status, a plugin's or a refusal, carries them.
 */
export function withRequiredHeaders(spec: SpecFolder, operationId: string, reply: MockReply): MockReply {
  const headers = { ...requiredHeaders(spec, operationId, reply.status), ...reply.headers };
  return Object.keys(headers).length === 0 ? reply : { ...reply, headers };
}

/**
 * A body for an answer whose media type has no schema the validators read: text for `text/*`,
 * a few bytes for any other media type but JSON; none without a media type.
 */
function unschemedBody(type: string | undefined): unknown {
  if (type === undefined || isJsonType(type)) return undefined;
  return /^text\//i.test(type) ? "mock text" : Buffer.from("mock bytes");
}

/**
 * The status the mock refuses an invalid request to `operationId` with, as the spec documents
 * refusals: 400 (or `4XX`, or `default`), else 422, else, when a path parameter is at fault, 404
 * (no resource has such a name); HTTP's 400 when the spec documents none of them.
 */
export function refusalStatus(spec: SpecFolder, operationId: string, pathAtFault: boolean): number {
  const documented: Readonly<Record<string, unknown>> =
    spec.answers?.[operationId] ?? spec.routes[operationId]?.responses ?? {};
  if (responseSchema(documented, 400) !== undefined) return 400;
  if (Object.hasOwn(documented, "422")) return 422;
  return pathAtFault && Object.hasOwn(documented, "404") ? 404 : 400;
}

/** Words that name an error's human-readable text in the error bodies specs describe. */
const MESSAGE_KEYS = ["message", "detail", "title", "error", "description", "error_description"];

/**
 * An error answer of `operationId` for `refusal`: a body of the schema the spec documents for its
 * status (its first string field named like a message set to the refusal's message, when the
 * schema takes it there), else the generic `{ message, type, param, code }` (null where the
 * refusal has none); the message as text where the spec documents a media type that is not JSON.
 * What a client of that spec can read.
 */
export function errorReply(spec: SpecFolder, operationId: string | undefined, refusal: MockRefusal): MockReply {
  const { status, message } = refusal;
  const route = operationId === undefined ? undefined : spec.routes[operationId];
  const documented = operationId === undefined ? undefined : spec.answers?.[operationId];
  const type = documented && responseSchema(documented, status)?.type;
  // An error the spec documents as text (an HTML page, XML) goes as that type, its message the text.
  if (type !== undefined && !isJsonType(type)) return { status, body: message, type };
  const name = route && responseSchema(route.responses, status);
  if (name === undefined) {
    const { type = null, param = null, code = null } = refusal;
    return { status, body: { message, type, param, code } };
  }
  const filled = fittingBody(spec, name, 0);
  const said = withMessage(filled, message, 0);
  const validator = Object.hasOwn(spec.validators, name) ? spec.validators[name] : undefined;
  const fits = validator === undefined || check(validator, said).length === 0;
  return { status, body: fits ? said : filled };
}

/** `value` with its first message-like string field (breadth first, three levels down) set to `message`. */
function withMessage(value: unknown, message: string, depth: number): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value) || depth > 2) return value;
  const entries = Object.entries(value);
  const direct = MESSAGE_KEYS.find((key) => entries.some(([name, field]) => name === key && typeof field === "string"));
  if (direct !== undefined)
    return Object.fromEntries(entries.map(([name, field]) => [name, name === direct ? message : field]));
  for (const [index, [, field]] of entries.entries()) {
    const changed = withMessage(field, message, depth + 1);
    if (changed !== field)
      return Object.fromEntries(entries.map((entry, at) => (at === index ? [entry[0], changed] : entry)));
  }
  return value;
}

/** The bytes a reply sends, by its media type: JSON as JSON, a string as itself, nothing as nothing. */
export function replyText(reply: MockReply): { text: string; type: string | undefined } {
  const type = reply.type ?? "application/json";
  if (reply.body === undefined) return { text: "", type: reply.type };
  if (isJsonType(type) || typeof reply.body !== "string") return { text: JSON.stringify(reply.body), type };
  return { text: reply.body, type };
}
