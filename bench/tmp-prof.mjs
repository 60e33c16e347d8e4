import { startBenchServer } from "/work/wt/client/bench/server.ts";
import createClient from "openapi-fetch";
const { createSpecClient } = await import("/work/wt/client/dist/api-client/index.js");
const { routes, validators, parameterTypes, securitySchemes, shapes } = await import("/work/wt/client/dist/generated/index.js");
const s = await startBenchServer();
const REQUEST = { prompt: "a lighthouse at dusk", model: "gpt-image-2", n: 4 };
const spec = { routes, validators, parameterTypes, securitySchemes, shapes, apiKeyEnv: "SUDO_API_KEY" };
const variants = {
  "openapi-fetch": createClient({ baseUrl: s.url, headers: { authorization: "Bearer k", "x-shape": "small" } }),
  full: createSpecClient(spec, { apiKey: "k", baseUrl: s.url, headers: { "x-shape": "small" } }),
  noReq: createSpecClient(spec, { apiKey: "k", baseUrl: s.url, headers: { "x-shape": "small" }, validateRequests: "off" }),
  noChecks: createSpecClient(spec, { apiKey: "k", baseUrl: s.url, headers: { "x-shape": "small" }, validateRequests: "off", validateResponses: "off" }),
};
async function time(client, n) {
  const t = [];
  for (let i = 0; i < n; i++) { const a = performance.now(); await client.POST("/v1/images/generations", { body: REQUEST }); t.push(performance.now() - a); }
  t.sort((a, b) => a - b); return t[Math.floor(n / 2)] * 1000;
}
for (const c of Object.values(variants)) await time(c, 300);
for (let r = 0; r < 3; r++) for (const [name, c] of Object.entries(variants)) console.log(r, name, (await time(c, 1500)).toFixed(0));
await s.close();
