// A user's program, compiled against the packed and installed package (see tests/contract/package.test.ts).
import createClient from "openapi-fetch";
import {
  ApiError,
  createImagesClient,
  type ImageGeneration,
  type Normalized,
  RateLimitError,
  SudoImagesError,
} from "sudo-images";
import type { components, paths } from "sudo-images/generated";
import { assertMatchesSpec, startMockServer } from "sudo-images/testing";

type Raw = components["schemas"]["ImageGeneration"];
const typed: Normalized<Raw> extends ImageGeneration ? true : never = true;

const mock = await startMockServer({ apiKey: "sk-consumer" });
try {
  const client = createImagesClient({ apiKey: "sk-consumer", baseUrl: mock.url });
  const result: ImageGeneration = await client.generate({ prompt: "a heron", model: "flux-1.1-pro", size: "256x256" });
  // @ts-expect-error normalized results never hold null
  result.usage = null;
  delete result.usage;

  const plain = createClient<paths>({ baseUrl: mock.url, headers: { Authorization: "Bearer sk-consumer" } });
  const { data } = await plain.POST("/v1/images/generations", { body: { prompt: "a heron", model: "flux-1.1-pro" } });
  assertMatchesSpec("generateImage", 200, data);

  const failure = await createImagesClient({ apiKey: "wrong", baseUrl: mock.url, maxRetries: 0 })
    .generate({ prompt: "a heron", model: "m" })
    .catch((error: unknown) => error);
  const kinds = [failure instanceof ApiError, failure instanceof SudoImagesError, failure instanceof RateLimitError];
  console.log(JSON.stringify({ typed, urls: result.data.map((image) => image.url), raw: data?.data.length, kinds }));
} finally {
  await mock.close();
}
