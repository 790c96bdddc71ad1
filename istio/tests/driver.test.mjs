// The scenario driver's counting and verdicts, against a local stand-in for the shop's gateway
// that answers as each scenario should (and, to see the driver fail, as it should not).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../../kubernetes/tests/render.mjs";
import { percentile, plan, plausibleShare, summarize } from "../driver/verdict.mjs";

const DRIVER = join(ROOT, "istio", "driver", "scenario-driver.mjs");

/** A gateway stand-in: admin's version from `pick(headers)`, likes answered by `like(headers)`. */
async function standIn({ pick = () => "v1", like = async () => 200 }) {
  const server = createServer(async (request, response) => {
    const headers = request.headers;
    if (request.url.startsWith("/admin/api/products")) {
      response.writeHead(200, { "Content-Type": "application/json", "X-Service-Version": pick(headers) });
      response.end("[]");
    } else if (request.url.startsWith("/main/api/products?")) {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end('[{"id": 7}]');
    } else if (request.url === "/main/api/products/7/like") {
      request.resume();
      const status = headers.authorization === "Bearer shopper-token" ? await like(headers) : 401;
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end("{}");
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Runs the driver, as a shopper whose token the stand-in accepts unless `token` says otherwise. */
function drive(url, scenario, ...extra) {
  const token = extra.includes("--token") ? [] : ["--token", "shopper-token"];
  return new Promise((resolve) => execFile(process.execPath,
    [DRIVER, "--url", url, "--scenario", scenario, "--requests", "200", ...token, ...extra.filter((e) => e !== "--no-token")],
    (error, stdout, stderr) => resolve({ code: error ? error.code : 0, lines: stdout.trim().split("\n"), stderr })));
}

const weighted = (share) => () => (Math.random() < share ? "v3" : "v1");
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test("percentiles by nearest rank, and what a plausible share is", () => {
  assert.equal(percentile([5, 1, 4, 2, 3], 50), 3);
  assert.equal(percentile([5, 1, 4, 2, 3], 99), 5);
  assert.equal(percentile([10], 90), 10);
  assert.ok(plausibleShare(22, 200, 0.1));
  assert.ok(!plausibleShare(60, 200, 0.1));
  assert.ok(plausibleShare(200, 200, 1) && !plausibleShare(199, 200, 1));
  const s = summarize([{ status: 200, version: "v1", ms: 3 }, { status: 503, ms: 9 }, { status: 200, version: "v3", ms: 5 }]);
  assert.deepEqual([s.n, s.versions, s.errors, s.p50], [3, { v1: 1, none: 1, v3: 1 }, 1, 5]);
  assert.throws(() => plan("no-such"), /no such scenario/);
});

test("a 90/10 canary passes canary-10 and fails canary-50 and all-v1", async () => {
  const gateway = await standIn({ pick: weighted(0.1) });
  try {
    const canary = await drive(gateway.url, "canary-10");
    assert.equal(canary.code, 0, canary.lines.join("\n"));
    assert.match(canary.lines[0], /^PASS {2}canary-10 \/ everyone: n=200, v1 \d+\.\d%, v3 \d+\.\d%, errors 0\.0%, p50 \d+ ms/);
    assert.equal((await drive(gateway.url, "canary-50")).code, 1);
    assert.equal((await drive(gateway.url, "all-v1")).code, 1);
  } finally {
    gateway.close();
  }
});

test("header routing: jason on v2, everyone else on v1; a leak to v2 fails", async () => {
  const right = await standIn({ pick: (h) => (h["end-user"] === "jason" ? "v2" : "v1") });
  const leaky = await standIn({ pick: (h) => (h["end-user"] === "jason" || Math.random() < 0.2 ? "v2" : "v1") });
  try {
    const good = await drive(right.url, "header-v2");
    assert.equal(good.code, 0, good.lines.join("\n"));
    assert.equal(good.lines.length, 2);
    const bad = await drive(leaky.url, "header-v2");
    assert.equal(bad.code, 1);
    assert.match(bad.lines[1], /^FAIL {2}header-v2 \/ everyone else/);
  } finally {
    right.close();
    leaky.close();
  }
});

test("the test user's likes: 503 within main's budget under the delay, the others unaffected", async () => {
  const delayed = await standIn({ like: async (h) => (h["end-user"] === "tester" ? (await sleep(100), 503) : 200) });
  const tooSlow = await standIn({ like: async (h) => (h["end-user"] === "tester" ? (await sleep(1500), 503) : 200) });
  const everyone = await standIn({ like: async () => 503 });
  try {
    const good = await drive(delayed.url, "delay-test-user", "--budget-ms", "1000", "--concurrency", "50");
    assert.equal(good.code, 0, good.lines.join("\n"));
    assert.equal((await drive(tooSlow.url, "delay-test-user", "--budget-ms", "1000", "--concurrency", "50")).code, 1,
      "a 503 later than the budget fails");
    const all = await drive(everyone.url, "abort-test-user");
    assert.equal(all.code, 1);
    assert.match(all.lines[1], /^FAIL {2}abort-test-user \/ everyone else: .*errors 100\.0%/);
    const refused = await drive(delayed.url, "delay-test-user", "--budget-ms", "1000", "--token", "expired-token");
    assert.equal(refused.code, 1, "likes refused with 401 fail the run");
    assert.match(refused.lines[1], /^FAIL {2}delay-test-user \/ everyone else: /);
    const anonymous = await new Promise((resolve) => execFile(process.execPath,
      [DRIVER, "--url", delayed.url, "--scenario", "delay-test-user"], { env: { ...process.env, MICROSHOP_TOKEN: "" } },
      (error, stdout, stderr) => resolve({ code: error?.code, stderr })));
    assert.equal(anonymous.code, 1);
    assert.match(anonymous.stderr, /give a shopper's access token with --token/);
  } finally {
    delayed.close();
    tooSlow.close();
    everyone.close();
  }
});
