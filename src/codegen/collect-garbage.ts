import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | undefined;

/**
 * A full garbage collection, between the generator's phases. Each phase (lint and bundle, the
 * types, the validators) leaves hundreds of MB of garbage on a large spec, and V8 lets it pile up
 * under the next phase before it collects: GitHub's spec peaked near 900 MB of memory for a live
 * set under 400 MB. V8 offers `gc` only behind a flag, which a new context picks up; where that is
 * refused, this does nothing and the run is only larger.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    } catch {
      collect = () => {};
    }
  }
  collect();
}
