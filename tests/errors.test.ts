import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  ImageError,
  InternalServerError,
  InvalidResponseError,
  isSudoImagesError,
  MissingApiKeyError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  RequestValidationError,
  ResponseValidationError,
  SpecValidationError,
  SudoImagesError,
  TimeoutError,
  UnprocessableEntityError,
} from "../src/index.js";

const details = (status: number, extra: Partial<Parameters<typeof ApiError.from>[0]> = {}) => ({
  status,
  method: "POST",
  url: "https://api.test/v1/images/generations",
  headers: new Headers(),
  body: undefined,
  ...extra,
});

const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });
const violation = { pointer: "/n", expected: "must be <= 10", received: "11" };

describe("every error says what it is", () => {
  it.each([
    [() => new SudoImagesError("m"), "SudoImagesError"],
    [() => new ConfigurationError("m"), "ConfigurationError"],
    [() => new MissingApiKeyError("m"), "MissingApiKeyError"],
    [() => new ApiError(details(418)), "ApiError"],
    [() => ApiError.from(details(400)), "BadRequestError"],
    [() => ApiError.from(details(401)), "AuthenticationError"],
    [() => ApiError.from(details(403)), "PermissionDeniedError"],
    [() => ApiError.from(details(404)), "NotFoundError"],
    [() => ApiError.from(details(409)), "ConflictError"],
    [() => ApiError.from(details(422)), "UnprocessableEntityError"],
    [() => ApiError.from(details(429)), "RateLimitError"],
    [() => ApiError.from(details(500)), "InternalServerError"],
    [() => new ConnectionError("POST", "u", { cause: new Error("x") }), "ConnectionError"],
    [() => new TimeoutError("m"), "TimeoutError"],
    [() => new InvalidResponseError("m", response(200)), "InvalidResponseError"],
    [() => new RedirectError("POST u", response(302)), "RedirectError"],
    [() => new ImageError("m"), "ImageError"],
    [() => new SpecValidationError("Body", "S", [violation]), "SpecValidationError"],
    [() => new ResponseValidationError("S", [violation]), "ResponseValidationError"],
    [() => new RequestValidationError("S", [violation]), "RequestValidationError"],
  ])("#%# is named %s", (make, name) => {
    // Made inside the test, so a constructor that throws fails this test rather than the file.
    const error = make();
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
    expect(isSudoImagesError(error)).toBe(true);
  });
});

describe("ApiError.from picks the class by status", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [599, InternalServerError],
  ])("%i is a %o", (status, ErrorClass) => {
    expect(ApiError.from(details(status))).toBeInstanceOf(ErrorClass);
  });

  it.each([418, 499, 302])("%i is a plain ApiError", (status) => {
    const error = ApiError.from(details(status));
    expect(error.constructor).toBe(ApiError);
  });
});

describe("isSudoImagesError", () => {
  it("knows an error of another copy of the package by its registered mark", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("sudo-images.error")]: true });
    expect(isSudoImagesError(foreign)).toBe(true);
  });

  it.each([
    ["a plain Error", new Error("x")],
    ["null", null],
    ["undefined", undefined],
    ["a string", "SudoImagesError"],
    ["an object marked false", { [Symbol.for("sudo-images.error")]: false }],
    ["an object marked truthy but not true", { [Symbol.for("sudo-images.error")]: 1 }],
    ["an object under another mark", { [Symbol.for("other.error")]: true }],
  ])("says no to %s", (_what, value) => {
    expect(isSudoImagesError(value)).toBe(false);
  });
});

describe("ApiError's message", () => {
  it("is method, URL, status, the server's message and the request id", () => {
    const error = ApiError.from(
      details(400, {
        body: { error: { message: "Bad size", type: "invalid_request_error", code: "bad", param: "size" } },
        headers: new Headers({ "x-request-id": "req_1" }),
      }),
    );
    expect(error.message).toBe(
      "POST https://api.test/v1/images/generations failed with status 400: Bad size (request id req_1)",
    );
    expect([error.type, error.code, error.param, error.requestId]).toEqual([
      "invalid_request_error",
      "bad",
      "size",
      "req_1",
    ]);
  });

  it("falls back to the status text, then to the status alone", () => {
    expect(ApiError.from(details(503, { statusText: "Service Unavailable" })).message).toBe(
      "POST https://api.test/v1/images/generations failed with status 503 Service Unavailable",
    );
    expect(ApiError.from(details(503)).message).toBe(
      "POST https://api.test/v1/images/generations failed with status 503",
    );
  });

  it("prefers the message it is given over the body's", () => {
    const error = ApiError.from(details(400, { message: "given", body: { error: { message: "in body", type: "t" } } }));
    expect(error.message).toMatch(/status 400: given$/);
  });

  it("reads the body's error fields one by one, keeping only strings", () => {
    const error = ApiError.from(
      details(400, { body: { error: { message: 5, type: "t", code: 7, param: null } } as never, statusText: "Bad" }),
    );
    expect([error.type, error.code, error.param]).toEqual(["t", undefined, undefined]);
    expect(error.message).toMatch(/status 400 Bad$/);
  });

  it.each([
    ["a text body", "<html>oops</html>"],
    ["an error that is a string", { error: "nope" }],
    ["an error that is null", { error: null }],
  ])("reads nothing from %s", (_what, body) => {
    const error = ApiError.from(details(500, { body: body as never }));
    expect([error.type, error.code, error.param]).toEqual([undefined, undefined, undefined]);
  });

  it("keeps the violations it is given, and none otherwise", () => {
    expect(ApiError.from(details(400, { violations: [violation] })).violations).toEqual([violation]);
    expect(ApiError.from(details(400)).violations).toEqual([]);
  });
});

describe("every message is one bounded line", () => {
  it("folds white space and trims", () => {
    expect(new SudoImagesError("  one\n\ttwo  \r\n three ").message).toBe("one two three");
  });

  it("keeps 500 characters whole and cuts a longer message to 500 with an ellipsis", () => {
    expect(new SudoImagesError("a".repeat(500)).message).toBe("a".repeat(500));
    const cut = new SudoImagesError("b".repeat(501)).message;
    expect(cut).toBe(`${"b".repeat(499)}…`);
  });

  it("is empty for a blank message", () => {
    expect(new SudoImagesError(" \n ").message).toBe("");
  });

  it("cuts the server's part of an ApiError at 300 characters", () => {
    const error = ApiError.from(details(400, { message: "m".repeat(400) }));
    expect(error.message).toBe(
      `POST https://api.test/v1/images/generations failed with status 400: ${"m".repeat(299)}…`,
    );
  });
});

describe("the other errors' messages", () => {
  it("ConnectionError names the request, when, and the network's reason with its cause", () => {
    const cause = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    expect(new ConnectionError("POST", "http://h/x", { cause }).message).toBe(
      "POST http://h/x failed: connection error: fetch failed: connect ECONNREFUSED 127.0.0.1:9",
    );
    expect(
      new ConnectionError("POST", "http://h/x", { cause: new Error("reset") }, " while reading the body").message,
    ).toBe("POST http://h/x failed while reading the body: connection error: reset");
    expect(new ConnectionError("POST", "http://h/x", { cause: "socket hang up" }).message).toBe(
      "POST http://h/x failed: connection error: socket hang up",
    );
  });

  it("InvalidResponseError adds the status and the request id", () => {
    expect(new InvalidResponseError("Not JSON", response(200)).message).toBe("Not JSON (status 200)");
    const withId = new InvalidResponseError("Not JSON", response(200, { "x-request-id": "req_9" }));
    expect(withId.message).toBe("Not JSON (status 200, request id req_9)");
    expect(withId.requestId).toBe("req_9");
  });

  it("RedirectError says where, or that the runtime hid it", () => {
    const shown = new RedirectError("POST u", response(307, { location: "https://elsewhere.test/" }));
    expect(shown.message).toBe(
      "POST u answered with a redirect (307) to https://elsewhere.test/; refused (status 307)",
    );
    expect(shown.location).toBe("https://elsewhere.test/");
    const hidden = new RedirectError("POST u", response(302));
    expect(hidden.message).toBe("POST u answered with a redirect (302) to a hidden location; refused (status 302)");
    expect(hidden.location).toBeUndefined();
  });

  it("spec errors say which side broke which schema, and where", () => {
    expect(new ResponseValidationError("ImageGeneration", [violation]).message).toBe(
      "Response does not match ImageGeneration in the spec: /n: must be <= 10, got 11",
    );
    const request = new RequestValidationError("ImageGenerationRequest", [violation]);
    expect(request.message).toBe(
      "Request does not match ImageGenerationRequest in the spec: /n: must be <= 10, got 11",
    );
    expect([request.schema, request.attempts]).toEqual(["ImageGenerationRequest", 0]);
  });

  it("ImageError lists what was written, and nothing by default", () => {
    expect(new ImageError("m").written).toEqual([]);
    expect(new ImageError("m", { written: ["a.png"] }).written).toEqual(["a.png"]);
  });

  it("ConfigurationError sent nothing; other errors start at one attempt", () => {
    expect([new ConfigurationError("m").attempts, new MissingApiKeyError("m").attempts]).toEqual([0, 0]);
    expect(new TimeoutError("m").attempts).toBe(1);
  });
});
