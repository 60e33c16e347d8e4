/**
 * `SpecResolver.again`: a second walk of a spec (lint, after the bundle) sees each file as it was
 * read, not as the bundle rewrote it in place, and reads nothing again.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundle, createConfig } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecResolver } from "../../src/codegen/spec-resolver.js";
import { TWO_FILE_ROOT } from "../helpers/two-file-spec.js";

/** What `resolver` parses `ref` (from `base`) into. */
async function parsed(resolver: SpecResolver, base: string | null, ref: string): Promise<unknown> {
  const document = await resolver.resolveDocument(base, ref, base === null);
  if (document instanceof Error) throw document;
  return document.parsed;
}

const ROOT = TWO_FILE_ROOT;
const PET = { type: "object", properties: { name: { type: "string" } } };

describe("SpecResolver's parse", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "spec-parse-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads JSON text with JSON.parse (a key written twice: the last), where YAML's parser refuses it", async () => {
    const file = path.join(dir, "twice.json");
    await writeFile(file, '{ "openapi": "3.1.0", "info": { "title": "a", "title": "b" } }');
    expect(await parsed(new SpecResolver(file), null, file)).toEqual({ openapi: "3.1.0", info: { title: "b" } });
  });

  it("leaves YAML, and text JSON.parse refuses, to YAML's parser", async () => {
    const flow = path.join(dir, "flow.json");
    await writeFile(flow, "{ openapi: 3.1.0, info: { title: a } }");
    expect(await parsed(new SpecResolver(flow), null, flow)).toEqual({ openapi: "3.1.0", info: { title: "a" } });
    const yaml = path.join(dir, "spec.yaml");
    await writeFile(yaml, "openapi: 3.1.0\ninfo:\n  title: a\n");
    expect(await parsed(new SpecResolver(yaml), null, yaml)).toEqual({ openapi: "3.1.0", info: { title: "a" } });
  });
});

describe("SpecResolver.again", () => {
  let dir: string;
  let root: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "spec-resolver-"));
    root = path.join(dir, "root.json");
    await writeFile(root, JSON.stringify(ROOT));
    await writeFile(path.join(dir, "pet.json"), JSON.stringify(PET));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("parses each file as it was read, though the bundle rewrote the first resolver's documents", async () => {
    const resolver = new SpecResolver(root);
    const config = await createConfig({});
    const { bundle: bundled } = await bundle({ ref: root, config, externalRefResolver: resolver });
    // The bundle changed the document it read: the `$ref` to the other file is now one into the root.
    expect(bundled.parsed).not.toEqual(ROOT);
    const again = resolver.again();
    expect(await parsed(again, null, root)).toEqual(ROOT);
    expect(await parsed(again, root, "pet.json")).toEqual(PET);
    expect(resolver.read.map((read) => path.basename(read.ref))).toEqual(["root.json", "pet.json"]);
    expect(again.read).toEqual([]);
  });

  it("reads nothing again: the files may be gone by then", async () => {
    const resolver = new SpecResolver(root);
    await parsed(resolver, null, root);
    const again = resolver.again();
    await writeFile(root, "not JSON any more");
    try {
      expect(await parsed(again, null, root)).toEqual(ROOT);
    } finally {
      await writeFile(root, JSON.stringify(ROOT));
    }
  });
});
