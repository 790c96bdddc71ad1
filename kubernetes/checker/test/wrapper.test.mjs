// scripts/check-manifests.sh: standard input and files, exit codes, a missing node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { here, read, run, lines } from "./helpers.mjs";

const script = here("../../../scripts/check-manifests.sh");
const valid = read("fixtures/valid.yaml");

test("a valid stream on standard input exits 0", async () => {
  const { code, stdout } = await run(script, ["-"], { input: valid });
  assert.equal(stdout, "");
  assert.equal(code, 0);
});

test("a valid file exits 0", async () => {
  const { code } = await run(script, [here("fixtures/valid.yaml")]);
  assert.equal(code, 0);
});

test("a broken file exits 1 with one problem a line", async () => {
  const { code, stdout } = await run(script, [here("broken/unknown-apiversion.yaml")]);
  assert.equal(code, 1);
  assert.deepEqual(lines(stdout), ["Deployment/broken: apiVersion: unknown apiVersion/kind extensions/v1beta1/Deployment"]);
});

test("a broken stream on standard input exits 1", async () => {
  const { code, stdout } = await run(script, ["-"], { input: valid + read("broken/unknown-field-container.yaml") });
  assert.equal(code, 1);
  assert.deepEqual(lines(stdout), ["Deployment/broken: spec.template.spec.containers[0].imagePullPolice: unknown field"]);
});

test("a missing file or no argument exits 2", async () => {
  assert.equal((await run(script, ["/nonexistent/manifests.yaml"])).code, 2);
  assert.equal((await run(script, [])).code, 2);
});

test("without node it says so and exits 2", async () => {
  const bin = mkdtempSync(join(tmpdir(), "no-node-"));
  symlinkSync("/usr/bin/dirname", join(bin, "dirname"));
  const { code, stderr } = await run("/bin/bash", [script, "-"], { env: { PATH: bin } });
  assert.equal(code, 2);
  assert.match(stderr, /node is not installed/);
});
