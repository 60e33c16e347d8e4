const { routes, validators, parameterTypes } = await import("/work/wt/client/dist/generated/index.js");
const { requestViolations } = await import("/work/wt/client/dist/runtime/index.js");
const REQUEST = { prompt: "a lighthouse at dusk", model: "gpt-image-2", n: 4 };
const spec = { routes, validators, parameterTypes };
function t(name, f, n = 20000) { for (let i = 0; i < 2000; i++) f(); const a = performance.now(); for (let i = 0; i < n; i++) f(); console.log(name, ((performance.now() - a) / n * 1000).toFixed(2), "µs"); }
t("validator", () => validators.ImageGenerationRequest(REQUEST));
t("requestViolations", () => requestViolations(spec, "generateImage", { params: {}, query: new URLSearchParams(""), headers: new Headers({ a: "b" }), body: REQUEST }));
t("new URL", () => new URL("http://127.0.0.1:1234/v1/images/generations").searchParams);
const req = () => new Request("http://127.0.0.1:1/v1/images/generations", { method: "POST", body: JSON.stringify(REQUEST), headers: { "content-type": "application/json" } });
t("new Request", req, 5000);
let p = 0; const ab = async () => { await req().arrayBuffer(); };
const a = performance.now(); for (let i = 0; i < 5000; i++) await ab(); console.log("Request+arrayBuffer", ((performance.now() - a) / 5000 * 1000).toFixed(2), "µs");
t("fromEntries headers", () => Object.fromEntries(new Headers({ a: "b", "content-type": "x", authorization: "y" })), 20000);
