/** What `findRoute` reads of a route: its method and its path template, such as `/pets/{id}`. */
export interface RouteTemplate {
  readonly method: string;
  /** Its path template; none for a 3.1 webhook (`webhook` names it), which no request reaches. */
  readonly path?: string;
}

/**
 * Where a request goes: the operation and its path parameters (decoded); or, when paths match
 * but none declares the method, the methods they do declare (upper case, for an `Allow` header);
 * or a path that no route could take as sent (`refused`: an encoded `/`, a dot segment, a bad
 * escape, an overlong segment), which is a 400 rather than a 404.
 */
export type FoundRoute =
  | { readonly operationId: string; readonly params: Readonly<Record<string, string>> }
  | { readonly allowed: readonly string[] }
  | { readonly refused: string };

/**
 * A path template as a request's path: without the `#fragment` a spec adds to tell operations on
 * one path apart (Box's `/files/{id}#get_content`, Sudo's `/v1/responses#stream`), which no
 * request carries (a URL's fragment is never sent, and a query after it would be lost with it).
 *
 * @example
 * templatePath("/files/{id}#get_content") // "/files/{id}"
 */
export function templatePath(template: string): string {
  const fragment = template.indexOf("#");
  return fragment < 0 ? template : template.slice(0, fragment);
}

/** The longest path segment a request may send: a template's parameter is an id, never a document. */
export const MAX_SEGMENT_CHARS = 2048;

/** The methods OpenAPI's Path Item declares, in its order (the order `Allow` lists them). */
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * The route a request takes, by its method and raw (still percent-encoded) pathname, among
 * `routes` (a generated folder's `routes`): `undefined` when no path template matches. A literal
 * segment wins over a template's parameter at the first place they differ (`/pets/mine` before
 * `/pets/{id}`), as OpenAPI says; among the paths that match, the most literal one declaring the
 * method answers. Spec text is only compared, never compiled into a pattern, so a template full of
 * regular-expression characters matches itself and nothing else.
 *
 * @example
 * findRoute(routes, "GET", "/pets/42") // { operationId: "getPet", params: { id: "42" } }
 * findRoute(routes, "PUT", "/pets/42") // { allowed: ["GET", "DELETE"] }
 */
export function findRoute(
  routes: Readonly<Record<string, RouteTemplate>>,
  method: string,
  pathname: string,
): FoundRoute | undefined {
  const segments = decodedSegments(pathname);
  if (typeof segments === "string") return { refused: segments };
  const matches: { operationId: string; method: string; params: Record<string, string>; rank: string }[] = [];
  for (const [operationId, route] of Object.entries(compiled(routes))) {
    const params = route.match(segments);
    if (params) matches.push({ operationId, method: route.method, params, rank: route.rank });
  }
  if (matches.length === 0) return undefined;
  // A rank is one letter a segment, "a" literal before "b" template: sorting orders literal-first.
  matches.sort((one, other) => (one.rank < other.rank ? -1 : one.rank > other.rank ? 1 : 0));
  const wanted = method.toLowerCase();
  const taken = matches.find((match) => match.method === wanted);
  if (taken) return { operationId: taken.operationId, params: taken.params };
  const allowed = new Set(matches.map((match) => match.method));
  return { allowed: METHODS.filter((name) => allowed.has(name)).map((name) => name.toUpperCase()) };
}

/**
 * The pathname's segments, each percent-decoded, or why the path cannot be routed. A segment
 * that decodes to `/`, or is `.` or `..`, would name another path than the one sent: refused
 * rather than resolved, so no two spellings reach the same route.
 */
function decodedSegments(pathname: string): string[] | string {
  const raw = pathname.split("/").slice(1);
  const segments: string[] = [];
  for (const segment of raw) {
    if (segment.length > MAX_SEGMENT_CHARS) return `a path segment over ${MAX_SEGMENT_CHARS} characters`;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "a path segment with a malformed %-escape";
    }
    if (decoded.includes("/")) return "a path segment holding an encoded /";
    if (decoded === "." || decoded === "..") return "a . or .. path segment";
    segments.push(decoded);
  }
  return segments;
}

/** One route, ready to match: its method, its rank and a matcher of decoded segments. */
interface CompiledRoute {
  readonly method: string;
  readonly rank: string;
  match(segments: readonly string[]): Record<string, string> | undefined;
}

const cache = new WeakMap<object, Readonly<Record<string, CompiledRoute>>>();

/** The routes compiled once per table (a spec of a thousand operations is matched per request). */
function compiled(routes: Readonly<Record<string, RouteTemplate>>): Readonly<Record<string, CompiledRoute>> {
  let table = cache.get(routes);
  if (table === undefined) {
    const entries = Object.entries(routes).flatMap(([operationId, route]) =>
      // A generated folder's 3.1 webhooks (requests the API sends) have no path: none is routed to.
      // Two operations on one method and path, told apart by their fragments only, share a route:
      // the first in the spec answers, as the stable sort in `findRoute` keeps it first.
      typeof route.path === "string" ? [[operationId, compile(templatePath(route.path), route.method)] as const] : [],
    );
    // Built with defineProperty semantics: an operationId such as `__proto__` stays an own entry.
    table = Object.fromEntries(entries);
    cache.set(routes, table);
  }
  return table;
}

function compile(path: string, method: string): CompiledRoute {
  const templates = path.split("/").slice(1).map(segmentTemplate);
  return {
    method: method.toLowerCase(),
    rank: templates.map((template) => (template.length === 1 ? "a" : "b")).join(""),
    match(segments) {
      if (segments.length !== templates.length) return undefined;
      const params: Record<string, string> = Object.create(null);
      for (const [index, template] of templates.entries()) {
        if (!matchSegment(template, segments[index] as string, params)) return undefined;
      }
      return { ...params };
    },
  };
}

/**
 * A template segment as alternating parts: literal text at even places, parameter names at odd
 * ones (`{name}.{ext}` is `["", "name", ".", "ext", ""]`); a literal segment is one part.
 */
function segmentTemplate(segment: string): string[] {
  const parts: string[] = [];
  let rest = segment;
  for (;;) {
    const open = rest.indexOf("{");
    const close = open < 0 ? -1 : rest.indexOf("}", open);
    if (close < 0) {
      parts.push(rest);
      return parts;
    }
    parts.push(rest.slice(0, open), rest.slice(open + 1, close));
    rest = rest.slice(close + 1);
  }
}

/**
 * Whether a decoded segment fits a template segment, setting the parameters it holds: each
 * parameter takes at least one character, up to the first place the literal after it follows
 * (the last one takes the rest).
 */
function matchSegment(parts: readonly string[], segment: string, params: Record<string, string>): boolean {
  const first = parts[0] as string;
  if (parts.length === 1) return segment === first;
  if (!segment.startsWith(first)) return false;
  let position = first.length;
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index] as string;
    const after = parts[index + 1] as string;
    const last = index + 2 >= parts.length;
    const end = last
      ? after === "" || segment.endsWith(after)
        ? segment.length - after.length
        : -1
      : after === ""
        ? position + 1
        : segment.indexOf(after, position + 1);
    if (end <= position) return false;
    params[name] = segment.slice(position, end);
    position = end + after.length;
  }
  return position === segment.length;
}
