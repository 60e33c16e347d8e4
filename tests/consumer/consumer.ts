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
import { createImagesClient as createLiteClient, type ImagesClientOptions as LiteOptions } from "sudo-images/lite";
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

  const lite = await createLiteClient({ apiKey: "sk-consumer", baseUrl: mock.url }).generate({
    prompt: "a heron",
    model: "flux-1.1-pro",
    size: "256x256",
  });
  // @ts-expect-error the lite entry makes no spec checks, so takes no option for them
  ({ validateRequests: "off" }) satisfies LiteOptions;

  const failure = await createImagesClient({ apiKey: "wrong", baseUrl: mock.url, maxRetries: 0 })
    .generate({ prompt: "a heron", model: "m" })
    .catch((error: unknown) => error);
  const kinds = [failure instanceof ApiError, failure instanceof SudoImagesError, failure instanceof RateLimitError];
  const urls = result.data.map((image) => image.url);
  console.log(JSON.stringify({ typed, urls, raw: data?.data.length, kinds, lite: lite.data.length }));
} finally {
  await mock.close();
}
