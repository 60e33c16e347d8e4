import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    typecheck: { enabled: true, include: ["tests/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // vitest runs one file fewer than the cores at once: one file at a time on CI's two. The suites
    // wait on child processes and sockets more than they compute, so a worker per core fills the
    // time (210 s to 154 s for the whole run on two cores).
    maxWorkers: availableParallelism(),
  },
});
