import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type Request as BackendRequest, OpenAPIBackend } from "openapi-backend";

const root = path.resolve(import.meta.dirname, "../..");

/** A server that openapi-backend drives from the spec alone, on 127.0.0.1. */
export interface BackendServer {
  url: string;
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown };
const failure = (status: number, message: string, type: string): Answer => ({
  status,
  body: { error: { message, type } },
});

/**
 * A third implementation of the spec, beside our mock and Prism's: openapi-backend (its own
 * router, its own Ajv request validation, its own mock bodies from the response schemas), with
 * only the glue an app would write. It takes the bearer `key`, answers an invalid request with 400,
 * an unknown route with 404, a method the path does not define with 405, and a valid one with the
 * example body openapi-backend makes from the 200 response's schema.
 */
export async function startBackendServer(key: string): Promise<BackendServer> {
  const api = new OpenAPIBackend({
    definition: path.join(root, "openapi/sudo-images.yaml"),
    // Quick skips its check of the definition, which knows OpenAPI 3.0 only and refuses 3.1's keywords.
    quick: true,
    handlers: {
      unauthorizedHandler: () => failure(401, "Invalid or missing API key", "authentication_error"),
      validationFail: (context) =>
        failure(400, `Invalid request: ${context.validation.errors?.[0]?.message ?? "?"}`, "invalid_request_error"),
      notFound: () => failure(404, "No such route", "not_found"),
      methodNotAllowed: () => failure(405, "Method not allowed", "invalid_request_error"),
      notImplemented: (context) => {
        const { status, mock } = context.api.mockResponseForOperation(context.operation.operationId as string);
        return { status, body: mock };
      },
    },
  });
  api.registerSecurityHandler("bearerAuth", (context) => context.request.headers.authorization === `Bearer ${key}`);
  await api.init();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    const request: BackendRequest = {
      method: req.method ?? "GET",
      path: new URL(req.url ?? "/", "http://backend").pathname,
      headers: req.headers as BackendRequest["headers"],
      body: parsed(text),
    };
    const answer = (await api.handleRequest(request)) as Answer;
    res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function parsed(text: string): unknown {
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}
