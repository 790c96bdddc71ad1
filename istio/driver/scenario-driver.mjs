#!/usr/bin/env node
// Sends requests through the shop's gateway as a scenario needs them and prints, per group of
// requests, the split by X-Service-Version, the error rate and the latency percentiles, with the
// expectation beside each; exits 1 if any group fails it.
//   node istio/driver/scenario-driver.mjs --url http://localhost:8080 --scenario canary-10 \
//     [--requests 200] [--concurrency 8] [--budget-ms 2575] [--token SHOPPER_ACCESS_TOKEN]
// Likes need a shopper's access token (--token, or MICROSHOP_TOKEN): one shopper likes a product
// once, so the like groups expect 200 for the first and 409 after, both answers of a working shop.
import { parseArgs } from "node:util";
import { plan, report, summarize } from "./verdict.mjs";

const { values } = parseArgs({ options: {
  url: { type: "string", default: "http://localhost:8080" },
  scenario: { type: "string" },
  requests: { type: "string", default: "200" },
  concurrency: { type: "string", default: "8" },
  // How long a like may take: main's (ADMIN_RETRIES + 1) x ADMIN_TIMEOUT_MS + the retry's 75 ms
  // at most (2,075 ms), and 500 ms for the way through the gateway.
  "budget-ms": { type: "string", default: "2575" },
  token: { type: "string", default: process.env.MICROSHOP_TOKEN },
} });
if (!values.scenario) {
  console.error("usage: scenario-driver.mjs --url URL --scenario NAME [--requests N] [--concurrency C]");
  process.exit(2);
}

async function timed(url, init) {
  const start = performance.now();
  try {
    const response = await fetch(url, init);
    await response.arrayBuffer();
    return { status: response.status, version: response.headers.get("x-service-version") ?? undefined, ms: Math.round(performance.now() - start) };
  } catch {
    return { status: 0, ms: Math.round(performance.now() - start) };
  }
}

/** A product to like: the first of the storefront's. */
async function aProduct(base) {
  const response = await fetch(`${base}/main/api/products?limit=1`);
  const [product] = await response.json();
  if (!product) throw new Error("the storefront has no product to like: create one first");
  return product.id;
}

async function run(base, group, n, width) {
  if (group.kind === "like" && !values.token) {
    throw new Error(`${values.scenario} likes products: give a shopper's access token with --token or MICROSHOP_TOKEN`);
  }
  const product = group.kind === "like" ? await aProduct(base) : undefined;
  const answers = [];
  let next = 0;
  const send = () => group.kind === "admin"
    ? timed(`${base}/admin/api/products?limit=1`, { headers: group.headers })
    : timed(`${base}/main/api/products/${product}/like`, { method: "POST",
      headers: { ...group.headers, Authorization: `Bearer ${values.token}` } });
  await Promise.all(Array.from({ length: width }, async () => {
    while (next++ < n) answers.push(await send());
  }));
  return { group, summary: summarize(answers) };
}

const base = values.url.replace(/\/$/, "");
const results = [];
for (const group of plan(values.scenario, Number(values["budget-ms"]))) {
  results.push(await run(base, group, Number(values.requests), Number(values.concurrency)));
}
const lines = report(values.scenario, results);
console.log(lines.join("\n"));
process.exit(lines.every((l) => l.startsWith("PASS")) ? 0 : 1);
