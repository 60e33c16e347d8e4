import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  createImagesClient,
  InternalServerError,
  InvalidResponseError,
  NoImagesError,
  RateLimitError,
  RedirectError,
  type SudoImagesError,
} from "../../src/index.js";
import { startTestServer, type TestServer } from "../helpers/http-server.js";

/**
 * What `generate` makes of each answer a server may give: the server plays the status, headers
 * and body that the request's `x-answer` header describes, byte for byte.
 */
interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

const json = { "content-type": "application/json" };
const VALID = JSON.stringify({ created: 1, data: [{ url: "https://img.test/1.png" }] });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((seen, res) => {
    const answer = JSON.parse(String(seen.headers["x-answer"])) as Answer;
    res.writeHead(answer.status, answer.headers ?? {}).end(answer.body);
  });
});
afterAll(() => server.close());

const url = () => `POST ${server.url}/v1/images/generations`;
const call = (answer: Answer) =>
  createImagesClient({
    apiKey: "sk-answers",
    baseUrl: server.url,
    maxRetries: 0,
    headers: { "x-answer": JSON.stringify(answer) },
  })
    .generate({ prompt: "p", model: "m" })
    .then(
      (result) => result,
      (error: SudoImagesError) => error,
    );
const failure = async (answer: Answer) => {
  const outcome = await call(answer);
  if (!(outcome instanceof Error)) throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome;
};

describe("a 2xx body is JSON by its content type", () => {
  it.each([
    "application/json",
    "application/json; charset=utf-8",
    "Application/JSON",
    "application/vnd.sudo.v1+json",
    "application/problem+json",
  ])("%s is read", async (type) => {
    expect(await call({ status: 200, headers: { "content-type": type }, body: VALID })).toEqual(JSON.parse(VALID));
  });

  it("text/html is an InvalidResponseError that points at the base URL", async () => {
    const error = await failure({ status: 200, headers: { "content-type": "text/html" }, body: "<html>hi</html>" });
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe(
      'Expected a JSON body but got an HTML page, not the API\'s JSON: check that baseUrl is the API root, such as https://sudoapp.dev/api: "<html>hi</html>" (status 200)',
    );
  });

  it.each([
    ["text/application/json", "content type text/application/json"],
    ["application/jsonp", "content type application/jsonp"],
    ["application/+json", "content type application/+json"],
  ])("%s is an InvalidResponseError naming it", async (type, named) => {
    const error = await failure({ status: 200, headers: { "content-type": type }, body: VALID });
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe(`Expected a JSON body but got ${named}: ${JSON.stringify(VALID)} (status 200)`);
  });

  it("says when there is no content type", async () => {
    const error = await failure({ status: 200, body: "hello" });
    expect(error.message).toBe('Expected a JSON body but got no content type: "hello" (status 200)');
  });

  it("shows 80 characters of what came, on one line", async () => {
    const eighty = "x".repeat(80);
    const exact = await failure({ status: 200, headers: { "content-type": "text/plain" }, body: `  ${eighty}\n` });
    expect(exact.message).toBe(`Expected a JSON body but got content type text/plain: "${eighty}" (status 200)`);
    const long = await failure({
      status: 200,
      headers: { "content-type": "text/plain" },
      body: `a \n\t b${"y".repeat(90)}`,
    });
    expect(long.message).toBe(
      `Expected a JSON body but got content type text/plain: "a b${"y".repeat(77)}"… (status 200)`,
    );
  });

  it("tells an empty body from JSON that does not parse, keeping the parser's error as the cause", async () => {
    const empty = await failure({ status: 200, headers: { "content-type": "application/json" }, body: "" });
    expect(empty.message).toBe("Expected a JSON body but got an empty body (status 200)");
    const broken = await failure({ status: 200, headers: { "content-type": "application/json" }, body: '{"data":' });
    expect(broken.message).toMatch(/^Expected a JSON body but got JSON that does not parse \(.+\) \(status 200\)$/);
    expect(broken.cause).toBeInstanceOf(SyntaxError);
  });
});

describe("a redirect is refused", () => {
  it.each([300, 307, 399])("%i, saying where it pointed", async (status) => {
    const error = await failure({ status, headers: { location: "https://elsewhere.test/x" }, body: "" });
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toBe(
      `${url()} answered with a redirect (${status}) to https://elsewhere.test/x; refused (status ${status})`,
    );
  });

  it("but a 400 with a Location is the API error it is", async () => {
    const error = await failure({ status: 400, headers: { location: "https://elsewhere.test/x" }, body: "" });
    expect(error).toBeInstanceOf(ApiError);
  });
});

describe("the size cap on a body sent in chunks", () => {
  const capped = (answer: Answer, maxResponseBytes: number) =>
    createImagesClient({
      apiKey: "sk-answers",
      baseUrl: server.url,
      maxRetries: 0,
      maxResponseBytes,
      headers: { "x-answer": JSON.stringify(answer) },
    }).generate({ prompt: "p", model: "m" });

  it("reads a body of exactly maxResponseBytes and refuses one byte more", async () => {
    const size = Buffer.byteLength(VALID);
    await expect(capped({ status: 200, headers: json, body: VALID }, size)).resolves.toEqual(JSON.parse(VALID));
    await expect(capped({ status: 200, headers: json, body: VALID }, size - 1)).rejects.toThrow(
      `Response body of more than ${size - 1} bytes is over the ${size - 1}-byte limit (status 200)`,
    );
  });

  it("reads a declared Content-Length of exactly maxResponseBytes, and refuses it with one byte less of room", async () => {
    const size = Buffer.byteLength(VALID);
    const declared = { ...json, "content-length": String(size) };
    await expect(capped({ status: 200, headers: declared, body: VALID }, size)).resolves.toEqual(JSON.parse(VALID));
    await expect(capped({ status: 200, headers: declared, body: VALID }, size - 1)).rejects.toThrow(
      InvalidResponseError,
    );
  });

  it("counts decoded bytes only where there is an encoding, and says so", async () => {
    const identity = { ...json, "content-encoding": " Identity " };
    await expect(capped({ status: 200, headers: identity, body: VALID }, 10)).rejects.toThrow(
      "Response body of more than 10 bytes is over the 10-byte limit (status 200)",
    );
  });

  it("takes a 204, which has no body at all, as an empty body", async () => {
    const error = await failure({ status: 204, headers: json, body: "" });
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe("Expected a JSON body but got an empty body (status 204)");
  });
});

describe("a non-2xx body is read leniently", () => {
  const prefix = () => `${url()} failed with status`;

  it("takes the server's error.message from an ErrorResponse", async () => {
    const body = JSON.stringify({ error: { message: "Prompt too long", type: "invalid_request_error" } });
    const error = (await failure({ status: 400, headers: json, body })) as ApiError;
    expect(error.message).toBe(`${prefix()} 400: Prompt too long`);
    expect(error.body).toEqual(JSON.parse(body));
    expect(error.violations).toEqual([]);
  });

  it("takes a JSON string as the message", async () => {
    const error = (await failure({ status: 400, headers: json, body: '"just words"' })) as ApiError;
    expect(error.message).toBe(`${prefix()} 400: just words`);
    expect(error.body).toBe('"just words"');
  });

  it.each([
    ["null", "null"],
    ["a number", "5"],
    ["an array", "[1,2]"],
  ])("falls back to the status text for %s", async (_what, body) => {
    const error = (await failure({ status: 429, headers: json, body })) as ApiError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe(`${prefix()} 429 Too Many Requests`);
    expect(error.body).toBe(body);
  });

  it("falls back to the status text for an object whose error.message is not a string", async () => {
    const body = JSON.stringify({ error: { message: 42 } });
    const error = (await failure({ status: 500, headers: json, body })) as ApiError;
    expect(error.message).toBe(`${prefix()} 500 Internal Server Error`);
    const bare = (await failure({ status: 500, headers: json, body: '{"detail":"x"}' })) as ApiError;
    expect(bare.message).toBe(`${prefix()} 500 Internal Server Error`);
  });

  it("treats a blank body as no body", async () => {
    const error = (await failure({ status: 503, headers: json, body: " \n " })) as ApiError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe(`${prefix()} 503 Service Unavailable`);
    expect(error.body).toBeUndefined();
  });

  it("parses JSON sent with another content type when it looks like JSON", async () => {
    const body = ` \n{"error":{"message":"Mislabelled","type":"t"}}`;
    const error = (await failure({ status: 400, headers: { "content-type": "text/plain" }, body })) as ApiError;
    expect(error.message).toBe(`${prefix()} 400: Mislabelled`);
    const quoted = (await failure({ status: 400, body: '"quoted"' })) as ApiError;
    expect(quoted.message).toBe(`${prefix()} 400: quoted`);
  });

  it("keeps text as text: an HTML page, or JSON-labelled text that does not parse", async () => {
    const page = (await failure({
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<h1>Bad Gateway</h1>",
    })) as ApiError;
    expect(page.message).toBe(
      `${prefix()} 502: an HTML page, not the API's JSON: check that baseUrl is the API root, such as https://sudoapp.dev/api`,
    );
    expect(page.body).toBe("<h1>Bad Gateway</h1>");
    const words = (await failure({
      status: 400,
      headers: { "content-type": "text/plain" },
      body: "x{not json",
    })) as ApiError;
    expect(words.message).toBe(`${prefix()} 400: x{not json`);
    const broken = (await failure({ status: 400, headers: json, body: "{oops" })) as ApiError;
    expect(broken.message).toBe(`${prefix()} 400: {oops`);
    expect(broken.body).toBe("{oops");
  });

  it("holds the body to the spec and reports the mismatch on the error", async () => {
    const error = (await failure({ status: 400, headers: json, body: '{"error":{"type":"t"}}' })) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.violations).toEqual([
      { pointer: "/error/message", expected: "required property", received: "nothing" },
    ]);
    const text = (await failure({ status: 400, headers: { "content-type": "text/plain" }, body: "plain" })) as ApiError;
    expect(text.violations).toEqual([{ pointer: "", expected: "must be object", received: '"plain"' }]);
  });
});

describe("a status HTTP does not define", () => {
  it.each([600, 999])("%i is an InvalidResponseError, sent once and not retried", async (status) => {
    const before = server.requests.length;
    const answer = { status, headers: json, body: VALID };
    const error = await createImagesClient({
      apiKey: "sk-answers",
      baseUrl: server.url,
      maxRetries: 2,
      retry: { baseDelayMs: 1 },
      headers: { "x-answer": JSON.stringify(answer) },
    })
      .generate({ prompt: "p", model: "m" })
      .then(
        () => expect.fail("expected a failure"),
        (caught: SudoImagesError) => caught,
      );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe(`${url()} answered with a status HTTP does not define (status ${status})`);
    expect(server.requests.length - before).toBe(1);
  });

  it("599, the last status HTTP defines, is the API's own server error", async () => {
    const error = await failure({ status: 599, headers: json, body: VALID });
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as ApiError).status).toBe(599);
  });
});

describe("more images than asked for", () => {
  it("is a contract violation, not a bonus", async () => {
    const body = JSON.stringify({ data: Array.from({ length: 3 }, (_, i) => ({ url: `https://img.test/${i}.png` })) });
    const error = await failure({ status: 200, headers: json, body });
    expect(error.message).toContain("/data: at most 1 image(s), as many as the request's n, got 3 images");
  });

  it("is let through with validateResponses: off, as every other check of the answer is", async () => {
    const body = JSON.stringify({ data: Array.from({ length: 3 }, (_, i) => ({ url: `https://img.test/${i}.png` })) });
    const result = await createImagesClient({
      apiKey: "sk-answers",
      baseUrl: server.url,
      maxRetries: 0,
      validateResponses: "off",
      headers: { "x-answer": JSON.stringify({ status: 200, headers: json, body }) },
    }).generate({ prompt: "p", model: "m" });
    expect(result.data).toHaveLength(3);
  });
});

describe("headers over fetch's size limit", () => {
  it("are an InvalidResponseError, sent once and not retried", async () => {
    const big = await startTestServer((_seen, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-big": "a".repeat(100_000) }).end(VALID);
    });
    try {
      const client = createImagesClient({
        apiKey: "sk-answers",
        baseUrl: big.url,
        maxRetries: 2,
        retry: { baseDelayMs: 1 },
      });
      const error = await client.generate({ prompt: "p", model: "m" }).catch((caught: SudoImagesError) => caught);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toBe(
        `POST ${big.url}/v1/images/generations answered with headers over fetch's size limit`,
      );
      expect(big.requests).toHaveLength(1);
      // Made whole: the attempt it ended and undici's own error beneath it.
      expect((error as SudoImagesError).attempts).toBe(1);
      expect(((error as Error).cause as { cause?: { code?: string } }).cause?.code).toBe("UND_ERR_HEADERS_OVERFLOW");
    } finally {
      await big.close();
    }
  });
});

describe("what a success says besides its body", () => {
  it("generateWithResponse gives the request id, the headers and the attempt count with the result", async () => {
    const answer = {
      status: 200,
      headers: { ...json, "x-request-id": "req_ok_1", "x-ratelimit-remaining-requests": "41" },
      body: VALID,
    };
    const client = createImagesClient({
      apiKey: "sk-answers",
      baseUrl: server.url,
      headers: { "x-answer": JSON.stringify(answer) },
    });
    const { data, requestId, headers, attempts } = await client.generateWithResponse({ prompt: "p", model: "m" });
    expect(data).toEqual(await client.generate({ prompt: "p", model: "m" }));
    expect(requestId).toBe("req_ok_1");
    expect(headers.get("x-ratelimit-remaining-requests")).toBe("41");
    expect(attempts).toBe(1);
  });

  it("an answer with no image is a NoImagesError, not an empty success", async () => {
    const error = await failure({
      status: 200,
      headers: { ...json, "x-request-id": "req_empty" },
      body: '{"data":[]}',
    });
    expect(error).toBeInstanceOf(NoImagesError);
    expect(error.message).toBe(`${url()} answered with no image (data is empty) (request id req_empty)`);
    expect(error.requestId).toBe("req_empty");
    expect(error.attempts).toBe(1);
  });
});
