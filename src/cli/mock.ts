import type { SpecFolder } from "../testing/spec-folder.js";

/** The built-in mock server as the CLI's `--mock` runs it: one key, which the command also sends. */
export interface CliMock {
  url: string;
  key: string;
  close(): Promise<void>;
}

/**
 * Starts `startMockServer` for `--mock` (loaded only then: a real run never pays for the image
 * encoders), of the Sudo images API or of `spec`. It holds one key, so `verify`'s wrong-key check
 * has something to refuse.
 */
export async function startMock(spec?: SpecFolder): Promise<CliMock> {
  const { MOCK_KEY, startMockServer } = await import("../testing/mock-server.js");
  const mock = await startMockServer({ apiKey: MOCK_KEY, spec });
  return { url: mock.url, key: MOCK_KEY, close: () => mock.close() };
}
