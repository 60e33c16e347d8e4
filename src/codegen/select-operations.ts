import { pointerKeys, valueAt } from "../runtime/json-pointer.js";
import { dict, isSchema, type Schema } from "./schema-walk.js";
import { type OpenApiDocument, SpecError } from "./spec-source.js";

export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The key of an operation in the generated tables: its `operationId`, else `"<method> <path>"`. */
export function operationKey(operation: Schema, method: string, path: string): string {
  return typeof operation.operationId === "string" ? operation.operationId : `${method} ${path}`;
}

/**
 * The document cut down to the operations named by `operationId` (a path's or a 3.1 webhook's) and
 * the components they reach through `$ref`s, so a 3 MB spec can yield one endpoint's types and
 * validators. Security schemes (named, not referenced) are kept whole. An id the spec lacks is a
 * `SpecError`.
 *
 * @example
 * selectOperations(openai, ["createImage"]).paths // { "/images/generations": { post: {...} } }
 */
export function selectOperations(document: OpenApiDocument, ids: readonly string[]): OpenApiDocument {
  const wanted = new Set(ids);
  const paths = kept(document.paths, ids, wanted);
  const webhooks = kept(document.webhooks, ids, wanted);
  if (wanted.size > 0) {
    throw new SpecError(`the spec has no operation with operationId ${[...wanted].join(", ")}`);
  }
  const { webhooks: _webhooks, ...rest } = document;
  const selected = Object.keys(webhooks).length > 0 ? { ...rest, paths, webhooks } : { ...rest, paths };
  return { ...selected, components: reachedComponents(document, { paths, webhooks }) };
}

/** The path items of `items` (`paths` or `webhooks`) cut to the operations `ids` names; each found is deleted from `wanted`. */
function kept(items: unknown, ids: readonly string[], wanted: Set<string>): Record<string, Schema> {
  const cut = dict<Schema>();
  for (const [key, item] of Object.entries(isSchema(items) ? items : {})) {
    if (!isSchema(item)) continue;
    const operations = Object.entries(item).filter(([method, operation]) => {
      const id = METHODS.includes(method) && isSchema(operation) ? operation.operationId : undefined;
      return typeof id === "string" && ids.includes(id) && (wanted.delete(id) || true);
    });
    if (operations.length === 0) continue;
    const shared = Object.entries(item).filter(([method]) => !METHODS.includes(method));
    cut[key] = Object.fromEntries([...shared, ...operations]);
  }
  return cut;
}

/** The components that `root` reaches through local `$ref`s, followed transitively. */
function reachedComponents(document: OpenApiDocument, root: unknown): Schema {
  const components = isSchema(document.components) ? document.components : {};
  const reached = dict<Schema>();
  const queue: unknown[] = [root];
  while (queue.length > 0) {
    for (const ref of localRefs(queue.pop())) {
      const [section, name] = pointerKeys(ref.slice(1)).slice(1);
      if (section === undefined || name === undefined || reached[section]?.[name] !== undefined) continue;
      const target = valueAt(document, ref.slice(1));
      reached[section] = { ...reached[section], [name]: target };
      queue.push(target);
    }
  }
  return isSchema(components.securitySchemes) ? { ...reached, securitySchemes: components.securitySchemes } : reached;
}

/** Every `#/components/...` reference anywhere inside `node`. */
function localRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) localRefs(item, found);
  else if (isSchema(node)) {
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/components/")) found.push(node.$ref);
    for (const value of Object.values(node)) localRefs(value, found);
  }
  return found;
}
