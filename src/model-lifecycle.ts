import { closestName } from "./closest-name.js";
import { SudoImagesError } from "./errors.js";
import { lifecycleOf, lifecycles, type TitledLifecycle } from "./runtime/rule-list.js";
import type { Validator } from "./runtime/types.js";

/**
 * What the spec says of a request's model that its sender should hear: the model is deprecated or
 * shut down (its date and replacement, from the spec's `x-lifecycle`), or its name is a near miss
 * of a model the spec knows (`dalle-3`). The request is sent all the same (a gateway may still
 * serve the model; the server decides), and the client passes this to `onWarning`, once per model.
 *
 * @example
 * createImagesClient({ onWarning: (warning) => { if (warning instanceof ModelWarning) log(warning.suggestion); } });
 */
export class ModelWarning extends SudoImagesError {
  override name = "ModelWarning";
  /** The model the request named. */
  readonly model: string;
  /** The model to use instead: the spec's replacement, or the known name the model nearly is. */
  readonly suggestion: string | undefined;
  /** The warning without its "sent anyway": what an error of the same call adds to its own message. */
  readonly note: string;

  constructor(model: string, note: string, suggestion: string | undefined) {
    super(`${note} (sent anyway: the server decides)`, { attempts: 0 });
    this.model = model;
    this.note = note;
    this.suggestion = suggestion;
  }
}

/**
 * The warning the spec gives for a request's model, if any: a retired model's status, date and
 * replacement, or the known model an unknown name nearly is. A live model, or one the spec neither
 * knows nor nearly names, has none. Decided by the status the spec records, never by the clock.
 *
 * @example
 * modelWarning(validate_ImageGenerationRequest, { prompt: "p", model: "dall-e-3" })?.message
 * // "dall-e-3 was shut down on 2026-05-12; use gpt-image-2 instead (sent anyway: the server decides)"
 */
export function modelWarning(validator: Validator | undefined, request: unknown): ModelWarning | undefined {
  const found = modelNote(validator, request);
  return found === undefined ? undefined : new ModelWarning(found.model, found.note, found.suggestion);
}

/** A model warning's fields, as plain data: every call looks for one, and an error is made only to be given. */
interface ModelNote {
  readonly model: string;
  readonly note: string;
  readonly suggestion: string | undefined;
}

function modelNote(validator: Validator | undefined, request: unknown): ModelNote | undefined {
  const model = (request as { model?: unknown } | null)?.model;
  if (typeof model !== "string") return undefined;
  const lifecycle = lifecycleOf(validator, request);
  if (lifecycle !== undefined) return lifecycle.status === "live" ? undefined : retired(model, lifecycle);
  const meant = lowerCased(validator, request, model) ?? closestName(model, knownModels(validator));
  return meant === undefined
    ? undefined
    : { model, note: `model ${model} is not one the spec knows: did you mean ${meant}?`, suggestion: meant };
}

/** Per client, the models it has warned of: each is said once, however many calls send it. */
const warned = new WeakMap<object, Set<string>>();

/**
 * Passes the request's model warning to `warn` the first time `client` sends that model, and
 * returns its note (for every error of the call to repeat), or `undefined` when there is none.
 */
export function noteModel(
  client: object,
  warn: (warning: SudoImagesError) => void,
  validator: Validator | undefined,
  request: unknown,
): string | undefined {
  const found = modelNote(validator, request);
  if (found === undefined) return undefined;
  const seen = warned.get(client) ?? new Set<string>();
  warned.set(client, seen);
  if (!seen.has(found.model)) {
    seen.add(found.model);
    warn(new ModelWarning(found.model, found.note, found.suggestion));
  }
  return found.note;
}

/** `dall-e-3 was shut down on 2026-05-12; use gpt-image-2 instead`. */
function retired(model: string, { status, since, replacement }: TitledLifecycle): ModelNote {
  const state =
    status === "shut-down"
      ? `was shut down${since ? ` on ${since}` : ""}`
      : `is deprecated${since ? ` since ${since}` : ""}`;
  return {
    model,
    note: `${model} ${state}${replacement ? `; use ${replacement} instead` : ""}`,
    suggestion: replacement,
  };
}

/**
 * The model in lower case when the spec knows that name and not the one written: rules match a
 * model as written, so `GPT-IMAGE-2` gets none of gpt-image-2's (and the API matches it so too).
 */
function lowerCased(validator: Validator | undefined, request: unknown, model: string): string | undefined {
  const lower = model.toLowerCase();
  if (lower === model) return undefined;
  return lifecycleOf(validator, { ...(request as object), model: lower }) === undefined ? undefined : lower;
}

/** The models the spec's lifecycles name: those their conditions list, and their replacements. */
function knownModels(validator: Validator | undefined): string[] {
  const names = lifecycles(validator).flatMap(({ when, replacement }) => [
    ...(when.model && "const" in when.model ? [when.model.const] : []),
    ...(when.model?.enum ?? []),
    ...(replacement === undefined ? [] : [replacement]),
  ]);
  return [...new Set(names.filter((name): name is string => typeof name === "string"))];
}
