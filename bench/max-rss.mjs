// Loaded with `node --import` before a tool the corpus bench times: on exit, writes the process's
// peak resident set (kB) to the file BENCH_MAX_RSS_FILE names, so each tool is measured the same way.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const file = process.env.BENCH_MAX_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
