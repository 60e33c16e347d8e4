/**
 * `npm start`: the main job end to end. Generates an image from a default prompt into ./out/.
 * Without SUDO_API_KEY it uses the embedded mock server (no key, no network); with it, the same
 * command reaches the real API (or SUDO_BASE_URL / --base-url). Extra arguments pass through:
 *   npm start -- --model gpt-image-2.5 --size 1536x864 --quality xhigh --n 2
 */
import { main } from "../src/cli/main.js";

const args = ["generate", "a lighthouse at dusk, oil on canvas", "--out", "out", ...process.argv.slice(2)];
if (!process.env.SUDO_API_KEY && !args.includes("--api-key") && !args.includes("--mock")) {
  console.error(
    "No SUDO_API_KEY set: using the embedded mock server. Set it to reach the Sudo API (https://sudoapp.dev/api).",
  );
  args.push("--mock");
}
process.exitCode = await main(args, process.stdout, process.stderr);
