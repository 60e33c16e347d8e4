import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against each mutant (`npm run test:mutation`): those that exercise the
 * core in this process. Tests that spawn child processes (the CLI), pack the package or start
 * Prism cannot see a mutant (the child runs the files from disk) and would only slow every run
 * down; so would the mock server's own tests, which draw large images and hold no core promise.
 */
export default defineConfig({
  test: {
    include: [
      "tests/client.test.ts",
      "tests/raw.test.ts",
      "tests/options.test.ts",
      "tests/files.test.ts",
      "tests/http/exchange.test.ts",
      "tests/http/timeout.test.ts",
      "tests/http/body-limit.test.ts",
      "tests/http/faults.test.ts",
      "tests/http/retry.test.ts",
      "tests/http/secrets.test.ts",
      "tests/runtime/normalize.test.ts",
      "tests/images.test.ts",
      "tests/contract/properties.test.ts",
      "tests/http/answers.test.ts",
      "tests/http/auth.test.ts",
      "tests/http/debug-log.test.ts",
      "tests/errors.test.ts",
      "tests/http/signals.test.ts",
      "tests/runtime/validation.test.ts",
      "tests/fan-out.test.ts",
      "tests/runtime/issue-message.test.ts",
      "tests/runtime/rule-list.test.ts",
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
