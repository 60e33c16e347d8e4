// The five clients measured, each as the factory of a function that makes one generation call
// and resolves to the parsed result. Plain JavaScript, so a child process runs it with bare node.
// n: 4, as many images as the largest answer holds: more than asked is a contract violation to sudo-images.
const REQUEST = { prompt: "a lighthouse at dusk", model: "gpt-image-1", n: 4 };
const KEY = "sk-bench";

/** @type {Record<string, { entry: string, create: (baseUrl: string, shape: string) => Promise<() => Promise<unknown>> }>} */
export const CLIENTS = {
  fetch: {
    entry: "data:text/javascript,export default 0",
    async create(baseUrl, shape) {
      const url = `${baseUrl}/v1/images/generations`;
      const headers = { "content-type": "application/json", authorization: `Bearer ${KEY}`, "x-shape": shape };
      return async () => {
        const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(REQUEST) });
        return JSON.parse(await response.text());
      };
    },
  },
  "openapi-fetch": {
    entry: "openapi-fetch",
    async create(baseUrl, shape) {
      const { default: createClient } = await import("openapi-fetch");
      const client = createClient({ baseUrl, headers: { authorization: `Bearer ${KEY}`, "x-shape": shape } });
      return async () => (await client.POST("/v1/images/generations", { body: REQUEST })).data;
    },
  },
  "sudo-images/client": {
    entry: "../dist/api-client/index.js",
    async create(baseUrl, shape) {
      const { createSpecClient } = await import("../dist/api-client/index.js");
      const { routes, validators, parameterTypes, securitySchemes, shapes } = await import(
        "../dist/generated/index.js"
      );
      // What the folder's generated client.ts does, with the defaults users get: checks, normalization, retries on.
      const spec = { routes, validators, parameterTypes, securitySchemes, shapes, apiKeyEnv: "SUDO_API_KEY" };
      const client = createSpecClient(spec, { apiKey: KEY, baseUrl, headers: { "x-shape": shape } });
      return async () => (await client.POST("/v1/images/generations", { body: REQUEST })).data;
    },
  },
  openai: {
    entry: "openai",
    async create(baseUrl, shape) {
      const { default: OpenAI } = await import("openai");
      const client = new OpenAI({
        apiKey: KEY,
        baseURL: `${baseUrl}/v1`,
        maxRetries: 0,
        defaultHeaders: { "x-shape": shape },
      });
      return () => client.images.generate(REQUEST);
    },
  },
  "sudo-images": {
    entry: "../dist/index.js",
    async create(baseUrl, shape) {
      const { createImagesClient } = await import("../dist/index.js");
      // Defaults as users get them: strict validation, normalization, retries and timeouts on.
      const client = createImagesClient({ apiKey: KEY, baseUrl, headers: { "x-shape": shape } });
      return () => client.generate(REQUEST);
    },
  },
};
