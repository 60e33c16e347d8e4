import type { RawUniversalConfig } from "@redocly/openapi-core";

/**
 * Redocly's walkers look a key of the spec up in its type tree with `type.properties[key]`, a plain
 * object: a schema or property named `valueOf`, `toLocaleString` or `constructor` finds
 * `Object.prototype`'s member, which it then calls (an unhandled rejection, or a spec that will not
 * lint), and a map without such a key still "has" it. This plugin gives every type an own entry
 * for each of those names: a key the spec really has gets the type any other key would get; an
 * inherited value (the spec has no such key) gets no type, so nothing walks it.
 */

/** A Redocly plugin, as `createConfig` takes one. */
type Plugin = Exclude<NonNullable<Extract<RawUniversalConfig, { plugins?: unknown }>["plugins"]>[number], string>;
/** Redocly's type tree, as a plugin's `typeExtension` receives it. */
type NodeTypes = Parameters<NonNullable<NonNullable<Plugin["typeExtension"]>["oas3"]>>[0];

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** `types` with each type's `properties` holding an own entry for every name of `Object.prototype`. */
function withOwnKeys(types: NodeTypes): NodeTypes {
  const out: NodeTypes = {};
  for (const [name, type] of Object.entries(types)) {
    const properties = { ...type.properties };
    const others = type.additionalProperties;
    for (const key of PROTOTYPE_NAMES) {
      if (Object.hasOwn(properties, key)) continue;
      properties[key] = (value: unknown, found: string) => {
        if (value === (Object.prototype as Record<string, unknown>)[key]) return undefined;
        return typeof others === "function" ? others(value, found) : others;
      };
    }
    out[name] = { ...type, properties };
  }
  return out;
}

/**
 * The plugin, for `createConfig({ plugins: [ownKeysPlugin] })`: specs with schemas or properties
 * named as `Object.prototype`'s members lint and bundle like any other.
 */
export const ownKeysPlugin: Plugin = { id: "sudo-images-own-keys", typeExtension: { oas3: withOwnKeys } };
