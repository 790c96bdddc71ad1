import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const read = (path) => readFileSync(here(path), "utf8");

/** Runs a command with text on its standard input: { code, stdout, stderr }. */
export function run(command, args, { input = "", env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = execFile(command, args, { env, maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, stdout, stderr }));
    child.stdin.end(input);
  });
}

export const lines = (stdout) => stdout.split("\n").filter(Boolean);
