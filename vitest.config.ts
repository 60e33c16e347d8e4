import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/helpers/cache-folder-setup.ts"],
    typecheck: { enabled: true, include: ["tests/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // Timeouts catch a hang; they are not a speed limit. CI's two cores may be busy with other work
    // (a test that takes 5 s here took 25 s beside a load of 20), so each allows several times
    // what a test needs on an idle machine; suites that start processes derive theirs from them.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // vitest runs one file fewer than the cores at once: one file at a time on CI's two. The suites
    // wait on child processes and sockets more than they compute, so a worker per core fills the
    // time (210 s to 154 s for the whole run on two cores).
    maxWorkers: availableParallelism(),
  },
});
