// Bundled by esbuild for the browser test: the client in a real page, against the mock server.
import { createImagesClient } from "../../src/index.js";

declare global {
  interface Window {
    result?: { refused: string; width: number; height: number; revised?: string | undefined } | { error: string };
  }
}

async function run() {
  const api = new URLSearchParams(location.search).get("api") ?? "";
  let refused = "";
  try {
    createImagesClient({ apiKey: "sk-browser", baseUrl: api });
  } catch (error) {
    refused = (error as Error).message;
  }
  const client = createImagesClient({ apiKey: "sk-browser", baseUrl: api, dangerouslyAllowBrowser: true });
  const result = await client.generate({
    prompt: "a fox in a browser",
    model: "flux-1.1-pro",
    size: "256x256",
    response_format: "b64_json",
  });
  const image = document.createElement("img");
  image.src = `data:image/png;base64,${result.data[0]?.b64_json}`;
  document.body.append(image);
  await image.decode();
  return { refused, width: image.naturalWidth, height: image.naturalHeight, revised: result.data[0]?.revised_prompt };
}

run().then(
  (result) => {
    window.result = result;
  },
  (error: Error) => {
    window.result = { error: `${error.name}: ${error.message}` };
  },
);
