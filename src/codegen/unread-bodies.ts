import type { Warn } from "./warn.js";

/** The media types named in the warning; the rest are counted as `N more`, so the line stays one line. */
const NAMED_TYPES = 6;

/** A media type as written when it reads as one; anything else (spec text) as a JSON string, inert on a terminal. */
const PLAIN_MEDIA_TYPE = /^[\w.+*/-]{1,80}$/;

/**
 * The bodies no validator reads (`application/octet-stream`, `text/plain`, XML, images, …): counted
 * as the schema set is collected, and said in one warning line, so what is left unchecked is
 * known without a line per body. A body shared by many operations (`components/requestBodies`)
 * counts once.
 */
export class UnreadBodies {
  readonly #byType = new Map<string, number>();
  readonly #places = new Set<string>();
  #first: string | undefined;

  /** The body at `place` (its `content`) has only `mediaTypes`, none of which a validator reads. */
  add(mediaTypes: readonly string[], place: string): void {
    if (this.#places.has(place)) return;
    this.#places.add(place);
    this.#first ??= place;
    for (const type of mediaTypes) this.#byType.set(type, (this.#byType.get(type) ?? 0) + 1);
  }

  /**
   * One warning, at the first such body: `left unchecked: 5 bodies of other media types
   * (application/octet-stream x3, text/plain x2), the first`; nothing when there are none.
   */
  report(warn: Warn): void {
    if (this.#first === undefined) return;
    const counts = [...this.#byType].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    const named = counts.slice(0, NAMED_TYPES).map(([type, count]) => `${shown(type)} x${count}`);
    const more = counts.length - NAMED_TYPES;
    const total = counts.reduce((sum, [, count]) => sum + count, 0);
    const list = more > 0 ? `${named.join(", ")} and ${more} more` : named.join(", ");
    warn(
      this.#first,
      `left unchecked: ${total} ${total === 1 ? "body" : "bodies"} of other media types (${list}), the first`,
    );
  }
}

function shown(mediaType: string): string {
  return PLAIN_MEDIA_TYPE.test(mediaType) ? mediaType : JSON.stringify(mediaType.slice(0, 80));
}
