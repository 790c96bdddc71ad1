#!/usr/bin/env node
// check-manifests FILE|-: checks a rendered manifest stream; exit 0 when it is valid, 1 when it
// has problems (one a line on standard output), 2 when it cannot be read.
import { readFileSync } from "node:fs";
import { check } from "./check.mjs";

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length) {
  console.error("usage: check-manifests FILE|-   (- reads standard input)");
  process.exit(2);
}
let text;
try {
  text = readFileSync(file === "-" ? 0 : file, "utf8");
} catch (e) {
  console.error(`check-manifests: cannot read ${file}: ${e.message}`);
  process.exit(2);
}
const problems = await check(text);
for (const line of problems) console.log(line);
console.error(problems.length ? `check-manifests: ${problems.length} problem(s)` : "check-manifests: all documents valid");
process.exitCode = problems.length ? 1 : 0;
