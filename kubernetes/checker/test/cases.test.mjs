// The valid fixture passes; each test/broken/ case, appended to it, fails with exactly the
// problems its `# expect:` lines name (fragments of the printed lines), and exit 1.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { check } from "../src/check.mjs";
import { here, read, run, lines } from "./helpers.mjs";

const valid = read("fixtures/valid.yaml");
const cli = here("../src/cli.mjs");

test("the valid fixture has no problems", async () => {
  assert.deepEqual(await check(valid), []);
  const { code, stdout } = await run(process.execPath, [cli, here("fixtures/valid.yaml")]);
  assert.equal(stdout, "");
  assert.equal(code, 0);
});

const cases = readdirSync(here("broken")).filter((f) => f.endsWith(".yaml")).sort();

test("the broken cases are there and each says what it expects", () => {
  assert.ok(cases.length >= 30, `${cases.length} cases`);
  for (const file of cases) assert.match(read(`broken/${file}`), /^# expect: .+/m, file);
});

describe("broken cases", { concurrency: 4 }, () => {
  for (const file of cases) {
    test(file, async () => {
      const text = read(`broken/${file}`);
      const expected = [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => m[1]);
      const { code, stdout } = await run(process.execPath, [cli, "-"], { input: valid + text });
      const got = lines(stdout);
      for (const e of expected) assert.ok(got.some((l) => l.includes(e)), `missing: ${e}\ngot:\n${stdout}`);
      const unexpected = got.filter((l) => !expected.some((e) => l.includes(e)));
      assert.deepEqual(unexpected, [], "problems the case does not expect");
      assert.equal(code, 1);
    });
  }
});
