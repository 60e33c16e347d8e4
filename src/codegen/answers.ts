import { isJsonType } from "../http/response-body.js";
import { escapeToken } from "../runtime/json-pointer.js";
import type { DocumentedAnswer } from "../runtime/types.js";
import { dict, followed, isSchema, type Schema } from "./schema-walk.js";
import { METHODS, operationKey } from "./select-operations.js";
import type { OpenApiDocument } from "./spec-source.js";
import type { Warn } from "./warn.js";

/**
 * The largest example kept, as JSON text: an example is served whole by a mock, and a spec that
 * carries a megabyte one (or a hostile one) would put it in every generated folder's code.
 */
const MAX_EXAMPLE_CHARS = 256 * 1024;

/**
 * Every documented answer of every operation, by operation and status (`"200"`, `"4XX"`,
 * `"default"`): what a mock serves. The media type is the JSON one when the answer has one (the
 * one whose body is validated), else the first listed; examples are the media type's `examples`
 * by name (local `$ref`s followed, `externalValue` left out) and its `example` as `"example"`.
 */
export function operationAnswers(
  document: OpenApiDocument,
  warn: Warn,
): Record<string, Record<string, DocumentedAnswer>> {
  const answers = dict<Record<string, DocumentedAnswer>>();
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Schema>)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!isSchema(operation)) continue;
      const here = `#/paths/${escapeToken(path)}/${method}/responses`;
      const byStatus = dict<DocumentedAnswer>();
      for (const [status, response] of Object.entries(isSchema(operation.responses) ? operation.responses : {})) {
        byStatus[status] = answerOf(document, followed(document, response), `${here}/${escapeToken(status)}`, warn);
      }
      answers[operationKey(operation, method, path)] = byStatus;
    }
  }
  return answers;
}

function answerOf(document: OpenApiDocument, response: unknown, place: string, warn: Warn): DocumentedAnswer {
  const content = isSchema(response) && isSchema(response.content) ? response.content : {};
  const types = Object.keys(content);
  const type = types.find(isJsonType) ?? types[0];
  if (type === undefined) return {};
  const media = content[type];
  const examples = dict<unknown>();
  const named = isSchema(media) && isSchema(media.examples) ? media.examples : {};
  for (const [name, example] of Object.entries(named)) {
    const resolved = followed(document, example);
    if (isSchema(resolved) && Object.hasOwn(resolved, "value")) examples[name] = resolved.value;
  }
  if (isSchema(media) && media.example !== undefined && !Object.hasOwn(examples, "example"))
    examples.example = media.example;
  for (const [name, value] of Object.entries(examples)) {
    const size = JSON.stringify(value)?.length ?? 0;
    if (size <= MAX_EXAMPLE_CHARS) continue;
    warn(
      `${place}/content/${escapeToken(type)}`,
      `example ${JSON.stringify(name)} is ${size} characters of JSON, over ${MAX_EXAMPLE_CHARS}: left out, a mock generates that answer instead`,
    );
    delete examples[name];
  }
  return Object.keys(examples).length === 0 ? { type } : { type, examples };
}
