import type { SpecFolder } from "../testing/spec-folder.js";

/** The built-in mock server as the CLI's `--mock` runs it: one key, which the command also sends. */
export interface CliMock {
  url: string;
  key: string;
  close(): Promise<void>;
}

/**
 * Starts `startMockServer` for `--mock` (loaded only then: a real run never pays for the image
 * encoders), of the Sudo images API or of `spec`. It holds one key, `key` (`--api-key`) or
 * `MOCK_KEY`, so `verify`'s wrong-key checks have something to refuse.
 */
export async function startMock(spec?: SpecFolder, key?: string): Promise<CliMock> {
  const { MOCK_KEY, startMockServer } = await import("../testing/mock-server.js");
  const apiKey = key ?? MOCK_KEY;
  const mock = await startMockServer({ apiKey, spec });
  return { url: mock.url, key: apiKey, close: () => mock.close() };
}
