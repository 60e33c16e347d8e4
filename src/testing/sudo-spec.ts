import {
  answers,
  bodySchemas,
  parameterTypes,
  routes,
  securitySchemes,
  shapes,
  validators,
} from "../generated/index.js";
import type { SpecFolder } from "./spec-folder.js";

/**
 * The Sudo images spec's generated folder, as the testing kit reads it: the one place in
 * `testing/` that imports `generated/`, so every other part of the kit takes a spec as a
 * parameter and this is only its default.
 */
export const sudoSpec = {
  routes,
  validators,
  shapes,
  bodySchemas,
  answers,
  parameterTypes,
  securitySchemes,
} satisfies SpecFolder;
