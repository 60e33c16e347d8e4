import { literal, propertyKey } from "./code-text.js";
import type { BodyType } from "./json-schema.js";

/**
 * `BodyTypes` for a generated `index.ts`: each body schema's name (what `validate`, `normalize`
 * and `parse` take) → its type in `schema.ts`. A body that is a component is that component's
 * type; an inline one is its media type's schema under `paths` (or `webhooks`), reached the way
 * openapi-typescript writes it. Every name and path is a string literal (`code-text`).
 *
 * @example
 * bodyTypesText({ getMe_200: { path: "/users/me", method: "get", body: { status: "200" }, mediaType: "application/json" } })
 * // 'export interface BodyTypes {\n  "getMe_200": paths["/users/me"]["get"]["responses"]["200"]["content"]["application/json"];\n}'
 */
export function bodyTypesText(bodyTypes: Readonly<Record<string, BodyType>>): string {
  const lines = Object.entries(bodyTypes)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, where]) => `  ${propertyKey(name)}: ${typeText(where)};`);
  return `/** Each body schema's type, by the name \`validate\`, \`normalize\` and \`parse\` take it by. */
export interface BodyTypes {
${lines.join("\n")}
}`;
}

/**
 * The types of `schema.ts` that `bodyTypesText` names: `components`, `paths` if an operation's body
 * is inline, `webhooks` if a webhook's is.
 */
export function typesNamed(bodyTypes: Readonly<Record<string, BodyType>>): string[] {
  const places = Object.values(bodyTypes);
  return [
    "components",
    ...(places.some((where) => "path" in where) ? ["paths"] : []),
    ...(places.some((where) => "webhook" in where) ? ["webhooks"] : []),
  ];
}

function typeText(where: BodyType): string {
  if ("component" in where) return `components["schemas"][${literal(where.component)}]`;
  const item = "webhook" in where ? `webhooks[${literal(where.webhook)}]` : `paths[${literal(where.path)}]`;
  const operation = `${item}[${literal(where.method)}]`;
  const body =
    where.body === "requestBody"
      ? `NonNullable<${operation}["requestBody"]>`
      : `${operation}["responses"][${literal(where.body.status)}]`;
  return `${body}["content"][${literal(where.mediaType)}]`;
}
