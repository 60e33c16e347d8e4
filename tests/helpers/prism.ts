import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { closedPort } from "./http-server.js";

const root = path.resolve(import.meta.dirname, "../..");

/** A Prism process listening on 127.0.0.1. */
export interface PrismServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts `prism mock <spec>` or `prism proxy <spec> <upstream>` from node_modules on a free
 * loopback port, and resolves once Prism says it is listening (no polling, no sleep).
 */
export async function startPrism(args: string[]): Promise<PrismServer> {
  const port = await closedPort();
  const child = spawn(path.join(root, "node_modules/.bin/prism"), [...args, "-h", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  await listening(child);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function listening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Prism is listening")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`prism exited with ${code} before listening:\n${output}`)));
  });
}
