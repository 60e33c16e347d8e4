import { randomUUID } from "node:crypto";
import type { ImageGenerationRequest } from "../models.js";
import {
  buildGeneration,
  drawingCache,
  drawnFormat,
  shutDownModel,
  subCallOf,
  undrawableSize,
} from "./mock-generation.js";
import type { MockImageFormat } from "./mock-image.js";
import type { MockReply } from "./mock-reply.js";
import type { MockApi, MockCall, MockPlugin, MockRefusal } from "./mock-server.js";
import { sudoSpec } from "./sudo-spec.js";

/** How many url-mode images stay downloadable (the oldest go first). */
const IMAGES_KEPT = 256;

/** Where a url-mode image is served, below the mock's root. */
const IMAGES_PATH = "/images/";

/**
 * The Sudo images API as the mock plays it: its spec, its generation drawing real images (a
 * plugin; `plugins` may replace it or add others), a bearer key on every call (a 401 with OpenAI's `invalid_api_key` when missing or wrong), errors as its
 * `ErrorResponse`, a shut-down model a 404 whatever the request holds, and the url-mode images it
 * drew, served at `/images/<id>`. One per server: the images and drawings are its own.
 */
export function sudoApi(plugins: Readonly<Record<string, MockPlugin>> = {}): MockApi {
  const images = new Map<string, { bytes: Buffer; type: string }>();
  const drawings = drawingCache();
  /** Keeps a url-mode image to serve and says where: only the latest stay, so a long-running mock stays bounded. */
  const publish = (root: string, image: Buffer, format: MockImageFormat) => {
    const id = `${randomUUID()}.${format === "jpeg" ? "jpg" : "png"}`;
    images.set(id, { bytes: image, type: `image/${format}` });
    if (images.size > IMAGES_KEPT) images.delete(images.keys().next().value as string);
    return `${root}${IMAGES_PATH}${id}`;
  };
  /** `POST /v1/images/generations`, valid and authorized: drawn, unless the size is beyond what the mock draws. */
  const generateImage: MockPlugin = async (call: MockCall) => {
    const request = call.body as ImageGenerationRequest;
    const undrawable = undrawableSize(request);
    if (undrawable) return sudoError(undrawable);
    const subCall = subCallOf(call.headers["idempotency-key"] as string | undefined);
    const generated = await buildGeneration(
      request,
      call.scenario,
      call.seed,
      subCall,
      drawings,
      (image, format) => publish(call.url, image, format),
      call.signal,
    );
    // A format the mock cannot draw (webp) comes as PNG, and a header says so.
    const asked = request.output_format?.toLowerCase();
    const drawn = drawnFormat(asked);
    const headers = asked && asked !== drawn && asked !== "jpg" ? { "x-mock-output-format": drawn } : undefined;
    return { status: 200, body: generated, headers };
  };
  return {
    spec: sudoSpec,
    plugins: { generateImage, ...plugins },
    credentialRefusal: () => ({
      status: 401,
      message: "Invalid or missing API key: send Authorization: Bearer <key>",
      type: "authentication_error",
      code: "invalid_api_key",
    }),
    errorBody: (refusal) => sudoError(refusal),
    refuseFirst: (operationId, body) => (operationId === "generateImage" ? shutDownModel(body) : undefined),
    outsideSpec(method, path) {
      if (method !== "GET" || !path.startsWith(IMAGES_PATH)) return undefined;
      const image = images.get(path.slice(IMAGES_PATH.length));
      if (image) return { status: 200, body: image.bytes, type: image.type };
      return sudoError({ status: 404, message: "No such image", type: "not_found" });
    },
  };
}

/** A refusal as the Sudo API words it: an `ErrorResponse`, with the field it is about when there is one. */
function sudoError({ status, message, type, param, code }: MockRefusal): MockReply {
  // Every field of an OpenAI-shaped error, null where there is none, as the real API sends them.
  return {
    status,
    body: { error: { message, type: type ?? "invalid_request_error", param: param ?? null, code: code ?? null } },
  };
}
