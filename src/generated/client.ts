// Generated from openapi/sudo-images.yaml by `sudo-images codegen` (npm run generate in its repository).
// Do not edit: change the spec or the generator, then regenerate.

import { createSpecClient, type SpecClient, type SpecClientOptions } from "../api-client/index.js";
import { parameterTypes, routes, securitySchemes, shapes, validators } from "./metadata.js";
import type { paths } from "./schema.js";

/** The environment variable `createClient` reads the API key from when no `apiKey` is given. */
export const API_KEY_ENV = "SUDO_API_KEY";

/** The API root `createClient` sends to when no `baseUrl` is given: https://sudoapp.dev/api. */
export const DEFAULT_BASE_URL: string | undefined = "https://sudoapp.dev/api";

/**
 * An openapi-fetch client for this spec, typed by its `paths`: requests checked, the key placed
 * as each operation's security scheme says, answers validated and normalized.
 *
 * @example
 * const client = createClient(); // reads the key from API_KEY_ENV
 */
export function createClient(options: SpecClientOptions = {}): SpecClient<paths> {
  return createSpecClient<paths>(
    { routes, validators, parameterTypes, securitySchemes, shapes, apiKeyEnv: API_KEY_ENV, baseUrl: DEFAULT_BASE_URL },
    options,
  );
}
