// What the rabbitmq-cluster component promises, on this machine: the shop on three clustered
// RabbitMQ nodes (AMQP_URL names all three), its quorum queues with a member on each node, and
// the node that leads main-sync's queue killed (SIGKILL) in the middle of a burst of creates,
// updates and likes (three shoppers' and, main-cluster allowing them with LIKES_ANONYMOUS=true,
// one anonymous like each): every call still answers, nothing reaches a dead-letter queue, and
// both databases end identical. Run by command 2 after the build (scripts/lib/kubernetes.sh starts
// the nodes and passes CLUSTER_AMQP_URL, CLUSTER_NODES, CLUSTER_NODE_DIRS, CLUSTER_VHOST).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { randomBytes } from "node:crypto";
import { identityOnThisMachine, token } from "./identity.mjs";
import { Processes, eventually, get, migrate, postJson } from "./processes.mjs";

const AMQP = process.env.CLUSTER_AMQP_URL;
const NODES = (process.env.CLUSTER_NODES ?? "").split(",");
const DIRS = (process.env.CLUSTER_NODE_DIRS ?? "").split(",");
const VHOST = process.env.CLUSTER_VHOST;
const DB = { DB_HOST: "127.0.0.1", DB_PORT: "3306", DB_USER: process.env.DB_USER ?? "shop", DB_PASSWORD: process.env.DB_PASSWORD ?? "shop" };
const ADMIN = "http://127.0.0.1:19410";
const MAIN = "http://127.0.0.1:19411";
const QUEUES = ["microshop.main.product-sync", "microshop.admin.like-sync"];
const PRODUCTS = 40;
const processes = new Processes();
const killed = new Set();

/** A rabbitmqctl command on a node that is still up. */
function rabbitmqctl(...args) {
  const node = NODES.find((n) => !killed.has(n));
  const run = spawnSync("rabbitmqctl", ["-n", node, "-q", ...args], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

function queues() {
  return JSON.parse(rabbitmqctl("list_queues", "-p", VHOST, "name", "leader", "members", "messages", "--formatter", "json"));
}

function sql(database, query) {
  const run = spawnSync("mysql", ["-N", "-B", `-u${DB.DB_USER}`, `-p${DB.DB_PASSWORD}`, "-h127.0.0.1", database, "-e", query],
    { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

async function products(service) {
  const answer = await get(`${service}/api/products?limit=1000`);
  assert.equal(answer.status, 200, answer.body);
  return JSON.parse(answer.body).map(({ id, title, image, likes }) => ({ id, title, image, likes }));
}

/** Runs the tasks, `width` at a time; calls `halfway` once half of them are done. */
async function burst(tasks, width, halfway) {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < tasks.length) {
      await tasks[next++]();
      if (++done === Math.floor(tasks.length / 2)) halfway();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

before(async () => {
  assert.ok(AMQP && NODES.length === 3 && DIRS.length === 3 && VHOST, "the cluster's settings (scripts/lib/kubernetes.sh)");
  migrate(["migrate", "admin"], { ...DB, DB_NAME: "admin_cluster_test" });
  migrate(["migrate", "main"], { ...DB, DB_NAME: "main_cluster_test" });
  const common = { ...DB, AMQP_URL: AMQP, OUTBOX_LEASE_MS: "5000" };
  const liberty = { ...common, ...identityOnThisMachine, keystore_password: randomBytes(16).toString("hex") };
  processes.liberty("admin", "admin-cluster", { ...liberty, DB_NAME: "admin_cluster_test", HTTP_PORT: "19410" });
  processes.liberty("main", "main-cluster", { ...liberty, DB_NAME: "main_cluster_test", HTTP_PORT: "19411", ADMIN_URL: ADMIN,
    LIKES_ANONYMOUS: "true" });
  processes.consumer("cluster-main-sync", ["main-sync"], { ...common, DB_NAME: "main_cluster_test", HEALTH_PORT: "19491" });
  processes.consumer("cluster-admin-likes", ["admin-likes"], { ...common, DB_NAME: "admin_cluster_test", HEALTH_PORT: "19492" });
  for (const ready of [`${ADMIN}/health/ready`, `${MAIN}/health/ready`, "http://127.0.0.1:19491/health/ready",
    "http://127.0.0.1:19492/health/ready"]) {
    await eventually(`${ready} answers 200`, 120, async () => (await get(ready)).status === 200 || "not yet");
  }
});

after(() => processes.stopAll());

test("with anonymous likes allowed, a like without a token counts, one with a bad token is still refused", async () => {
  const administrator = await token("test-admin");
  const created = await postJson(`${ADMIN}/api/products`, { title: "Anonymous", image: "https://images.example.com/anonymous.png" },
    administrator);
  assert.equal(created.status, 201, created.body);
  const { id } = JSON.parse(created.body);
  await eventually(`product ${id} in main`, 60, async () => (await get(`${MAIN}/api/products/${id}`)).status === 200 || "not yet");
  const refused = await postJson(`${MAIN}/api/products/${id}/like`, undefined, `${administrator.slice(0, -4)}AAAA`);
  assert.equal(refused.status, 401, refused.body);
  const liked = await postJson(`${MAIN}/api/products/${id}/like`);
  assert.equal(liked.status, 200, liked.body);
  assert.equal(JSON.parse(liked.body).likes, 1);
  const user = sql("main_cluster_test", `SELECT user_id FROM product_likes WHERE product_id = ${id}`);
  assert.equal(sql("admin_cluster_test", `SELECT COUNT(*) FROM users WHERE id = ${user} AND subject IS NULL`), "1",
    "an anonymous like is a seeded user's");
});

test("every quorum queue has a member on each of the three nodes", () => {
  const byName = Object.fromEntries(queues().map((q) => [q.name, q]));
  for (const name of QUEUES) {
    assert.ok(byName[name], `${name} declared`);
    assert.deepEqual([...byName[name].members].sort(), [...NODES].sort(), `${name} members`);
  }
});

test("the leader's node killed in the middle of a burst: every call answers and both databases end identical", async () => {
  const run = Date.now().toString(36);
  const ids = [];
  const administrator = await token("test-admin");
  const shoppers = await Promise.all([1, 2, 3].map((n) => token(`shopper-${n}`)));
  await burst(Array.from({ length: PRODUCTS }, (_, i) => async () => {
    const created = await postJson(`${ADMIN}/api/products`, { title: `Clustered ${run} ${i}`, image: `https://images.example.com/${run}/${i}.png` },
      administrator);
    assert.equal(created.status, 201, created.body);
    ids.push(JSON.parse(created.body).id);
  }), 8, () => {});
  for (const id of ids) {
    await eventually(`product ${id} in main`, 60, async () => (await get(`${MAIN}/api/products/${id}`)).status === 200 || "not yet");
  }

  const leader = queues().find((q) => q.name === QUEUES[0]).leader;
  const pid = readFileSync(join(DIRS[NODES.indexOf(leader)], "pid"), "utf8").trim();
  const tasks = ids.flatMap((id) => [
    async () => {
      const updated = await fetch(`${ADMIN}/api/products/${id}`, { method: "PUT",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${administrator}` },
        body: JSON.stringify({ title: `Clustered ${run} ${id} renamed`, image: `https://images.example.com/${run}/${id}-2.png` }) });
      assert.equal(updated.status, 200, await updated.text());
    },
    ...[...shoppers, undefined].map((shopper) => async () => {
      const liked = await postJson(`${MAIN}/api/products/${id}/like`, undefined, shopper);
      assert.equal(liked.status, 200, liked.body);
    }),
  ]);
  await burst(tasks, 8, () => {
    killed.add(leader);
    process.kill(Number(pid), "SIGKILL");
  });
  assert.ok(killed.has(leader), `${leader} was killed during the burst`);

  await eventually("both databases identical, both outboxes empty", 180, async () => {
    const [inAdmin, inMain] = [await products(ADMIN), await products(MAIN)];
    const outboxes = [sql("admin_cluster_test", "SELECT COUNT(*) FROM outbox"), sql("main_cluster_test", "SELECT COUNT(*) FROM outbox")];
    return (JSON.stringify(inAdmin) === JSON.stringify(inMain) && outboxes.join() === "0,0")
      || `admin ${inAdmin.length} products, main ${inMain.length}, outboxes ${outboxes}`;
  });
  const inAdmin = await products(ADMIN);
  for (const id of ids) {
    const product = inAdmin.find((p) => p.id === id);
    assert.equal(product.title, `Clustered ${run} ${id} renamed`);
    assert.equal(product.likes, 4, `product ${id}: every like counted once`);
  }
  for (const q of queues().filter((q) => q.name.endsWith(".dead"))) assert.equal(q.messages, 0, `${q.name} is empty`);
  assert.notEqual(queues().find((q) => q.name === QUEUES[0]).leader, leader, "a new leader took over");
});
