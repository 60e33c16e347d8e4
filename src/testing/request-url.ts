import { templatePath } from "../runtime/find-route.js";
import type { PlannedRequest } from "./verify-plan.js";

/**
 * The URL of a planned request: `root`, the path template with each `{name}` replaced by its
 * value, percent-encoded (a value never adds a segment), and the query (a list repeats its name);
 * the template's `#fragment`, if any, left out.
 *
 * @example
 * plannedUrl("http://127.0.0.1:8080", "/pets/{id}", { params: { id: "a/b" }, query: { tag: ["x", "y"] } })
 * // "http://127.0.0.1:8080/pets/a%2Fb?tag=x&tag=y"
 */
export function plannedUrl(root: string, template: string, planned: Pick<PlannedRequest, "params" | "query">): string {
  return `${root}${filledPath(templatePath(template), planned.params ?? {})}${queryOf(planned.query)}`;
}

function filledPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]*)\}/g, (written, name: string) =>
    Object.hasOwn(params, name) ? encodeURIComponent(params[name] as string) : written,
  );
}

function queryOf(query: PlannedRequest["query"]): string {
  if (query === undefined) return "";
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    for (const each of typeof value === "string" ? [value] : value) search.append(name, each);
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}
