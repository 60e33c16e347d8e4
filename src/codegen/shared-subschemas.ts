import { escapeToken } from "../runtime/json-pointer.js";
import { dict, type Schema, withSubschemas } from "./schema-walk.js";

/**
 * A subschema whose JSON (its keywords and values, roughly) is shorter than this is cheaper
 * compiled in place than behind a call: a call and its error bookkeeping are a few hundred bytes
 * of generated code.
 */
const SMALLEST_SHARED = 60;

/** Keywords that tie a subschema to the resource it stands in: moved into a resource of its own, it would mean something else. */
const PINNING = ["$id", "$anchor", "$dynamicAnchor", "$dynamicRef", "$defs", "definitions"];

/** What a repeated subschema is compiled from, and where it stood. */
export interface SharedSubschemas {
  /** The resources as given, each repeated subschema in them replaced by a `$ref` to its shared resource. */
  resources: Record<string, Schema>;
  /** The shared subschemas by name (`"1"`, `"2"`, … in the order they are first met), each a resource of its own. */
  shared: Record<string, Schema>;
  /**
   * Every place in the spec a shared subschema stood, given the place of each resource: a finding
   * about it (Ajv's strict mode) was a finding at each of these before it was shared.
   */
  placesOf(shared: string, placeOf: (resource: string) => string | undefined): string[];
}

/** What `sharedSubschemas` needs to know of the resources it rewrites. */
export interface SharingOptions {
  /** The resource an absolute `$ref` names, if it names one of `resources` (followed to find what is compiled). */
  referenced(ref: string): string | undefined;
  /**
   * The places in a root resource whose issues the runtime tells apart by their `schemaPath`
   * (a conditional rule's `then`, a worded `pattern`): nothing at, above or below them is
   * shared, and no shared subschema holds a place with one of these pointers.
   */
  kept(root: string): readonly string[];
  /** The `$id` of a shared subschema, by its name. */
  id(shared: string): string;
}

/**
 * The resources that `roots` reach, with every subschema that is written the same (key for key,
 * in the same order) at two places or more, and big enough to matter, compiled once: each place
 * becomes `{ $ref }` to one shared resource. Stripe's form bodies repeat `address`, `metadata` and
 * `anyOf [value, ""]` trees, and each of GitHub's webhooks carries the same `pull_request` object
 * inline; Ajv compiled each copy again. What a validator reports does not change: an issue's
 * `instancePath` is the data's; its `schemaPath` inside a shared subschema starts at that
 * subschema, which is why the places the runtime reads by `schemaPath` (`kept`) are never shared,
 * nor anything under `propertyNames` (whose issues carry the refused name), nor a `{type: "null"}`
 * branch (read by its path as a union's noise). A subschema with an `$id`, an anchor, `$defs` or a
 * relative `$ref` stays where it is.
 */
export function sharedSubschemas(
  resources: Readonly<Record<string, Schema>>,
  roots: readonly string[],
  options: SharingOptions,
): SharedSubschemas {
  const reached = reachedFrom(resources, roots, options.referenced);
  const forms = new Forms();
  for (const name of reached) forms.root(forms.of(resources[name] as Schema));
  const keptPlaces = new Set(roots.flatMap((root) => options.kept(root)));
  const sharing = forms.repeated((id) => keptPlaces.size === 0 || !holdsAny(forms.node(id), [...keptPlaces]));

  const out = Object.assign(dict<Schema>(), resources);
  const shared = dict<Schema>();
  const nameOf = new Map<number, string>();
  const occurrences = new Map<string, { in: Owner; at: string }[]>();
  const rewrite = (node: Schema, at: string, owner: Owner, kept: readonly string[], inNames: boolean): Schema => {
    const id = forms.idOf(node);
    if (at !== "#" && !inNames && id !== undefined && sharing.has(id) && !touches(at, kept)) {
      let name = nameOf.get(id);
      if (name === undefined) {
        name = String(nameOf.size + 1);
        nameOf.set(id, name);
        occurrences.set(name, []);
        shared[name] = { ...rewrite(node, "#", { shared: name }, [], false), $id: options.id(name) };
      }
      occurrences.get(name)?.push({ in: owner, at });
      return { $ref: options.id(name) };
    }
    return withSubschemas(node, (sub, keyword, key) =>
      rewrite(sub, pointer(at, keyword, key), owner, kept, inNames || keyword === "propertyNames"),
    );
  };
  for (const name of reached) {
    out[name] = rewrite(resources[name] as Schema, "#", { resource: name }, options.kept(name), false);
  }
  const placesOf = (name: string, placeOf: (resource: string) => string | undefined): string[] =>
    (occurrences.get(name) ?? []).flatMap(({ in: owner, at }) => {
      const above = "resource" in owner ? [placeOf(owner.resource)] : placesOf(owner.shared, placeOf);
      return above.flatMap((place) => (place === undefined ? [] : [`${place}${at.slice(1)}`]));
    });
  return { resources: out, shared, placesOf };
}

/** Where a shared subschema stood: in one of the given resources, or in another shared subschema. */
type Owner = { resource: string } | { shared: string };

/** `#/properties/a` and `items` → `#/properties/a/items`; a property name is escaped as a pointer token. */
function pointer(at: string, keyword: string, key: string | number | undefined): string {
  return key === undefined ? `${at}/${keyword}` : `${at}/${keyword}/${escapeToken(String(key))}`;
}

/** Whether the subschema at `at` is one of `places`, holds one, or is inside one. */
function touches(at: string, places: readonly string[]): boolean {
  return places.some((place) => place === at || place.startsWith(`${at}/`) || at.startsWith(`${place}/`));
}

/** Whether any subschema of `schema`, by its pointer from `schema` (`#/properties/a`), is at or inside one of `places`. */
function holdsAny(schema: Schema, places: readonly string[]): boolean {
  const visit = (node: Schema, at: string): boolean => {
    if (touches(at, places) && at !== "#") return true;
    let found = false;
    withSubschemas(node, (sub, keyword, key) => {
      found ||= visit(sub, pointer(at, keyword, key));
      return sub;
    });
    return found;
  };
  return visit(schema, "#");
}

/** The names of the resources `roots` reach through `$ref`s, roots first. */
function reachedFrom(
  resources: Readonly<Record<string, Schema>>,
  roots: readonly string[],
  referenced: (ref: string) => string | undefined,
): string[] {
  const reached = new Set<string>();
  const reach = (name: string | undefined) => {
    if (name === undefined || reached.has(name) || !Object.hasOwn(resources, name)) return;
    reached.add(name);
    const refs = (node: Schema): Schema => {
      if (typeof node.$ref === "string") reach(referenced(node.$ref));
      return withSubschemas(node, refs);
    };
    refs(resources[name] as Schema);
  };
  for (const root of roots) reach(root);
  return [...reached];
}

/**
 * Every subschema of the resources read, each distinct form (its keywords in order, each subschema
 * by its form's number) numbered once, children before parents, with how often each appears.
 */
class Forms {
  private readonly ids = new Map<Schema, number>();
  private readonly byText = new Map<string, number>();
  /** By form number: one subschema written so, its size, whether it may move, and its subschemas' forms (one per place). */
  private readonly nodes: Schema[] = [];
  private readonly sizes: number[] = [];
  private readonly movable: boolean[] = [];
  private readonly pinned: boolean[] = [];
  private readonly children: number[][] = [];
  private readonly roots: number[] = [];

  /** The form number of `node`, numbering it and its subschemas first if they are new. */
  of(node: Schema): number {
    const known = this.ids.get(node);
    if (known !== undefined) return known;
    const children: number[] = [];
    let pinned = PINNING.some((keyword) => Object.hasOwn(node, keyword)) || relativeRef(node.$ref);
    let size = 0;
    const form = withSubschemas(node, (sub, keyword) => {
      const child = this.of(sub);
      // Nothing under `propertyNames` is shared, so its places do not count.
      if (keyword !== "propertyNames") children.push(child);
      pinned ||= this.pinned[child] as boolean;
      size += this.sizes[child] as number;
      return child;
    });
    const text = JSON.stringify(form);
    let id = this.byText.get(text);
    if (id === undefined) {
      id = this.nodes.length;
      this.byText.set(text, id);
      this.nodes.push(node);
      this.sizes.push(size + text.length);
      this.pinned.push(pinned);
      this.movable.push(!pinned && node.type !== "null");
      this.children.push(children);
    }
    this.ids.set(node, id);
    return id;
  }

  /** Counts `id` as a resource of its own (it stays in place; what it holds is compiled once). */
  root(id: number): void {
    this.roots.push(id);
  }

  idOf(node: Schema): number | undefined {
    return this.ids.get(node);
  }

  node(id: number): Schema {
    return this.nodes[id] as Schema;
  }

  /**
   * The forms worth sharing: big enough, movable, `allowed`, and compiled at two places or more
   * once the forms that hold them are shared (a form inside a shared one is compiled once for it,
   * however often that one is used). Parents are numbered after their children, so counting down
   * the numbers sees every parent's count before its children's.
   */
  repeated(allowed: (id: number) => boolean): Set<number> {
    const compiled = new Array<number>(this.nodes.length).fill(0);
    const asRoot = new Array<number>(this.nodes.length).fill(0);
    for (const id of this.roots) asRoot[id] = (asRoot[id] as number) + 1;
    const sharing = new Set<number>();
    for (let id = this.nodes.length - 1; id >= 0; id--) {
      const inPlace = compiled[id] as number;
      const share = inPlace >= 2 && (this.sizes[id] as number) >= SMALLEST_SHARED && this.movable[id] && allowed(id);
      if (share) sharing.add(id);
      const copies = (asRoot[id] as number) + (share ? 1 : inPlace);
      for (const child of this.children[id] as number[]) compiled[child] = (compiled[child] as number) + copies;
    }
    return sharing;
  }
}

/** Whether a `$ref` is relative (it names a place inside the resource it stands in), which a move would change. */
function relativeRef(ref: unknown): boolean {
  return typeof ref === "string" && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref);
}
