// The shop's processes on this machine, for the tests that run it: Liberty servers made from the
// services' own server.xml and WAR, consumer and migration processes from the consumer jar.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, openSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./render.mjs";

export const WLP = join(ROOT, "liberty-config", "server", "target", "liberty", "wlp");
export const JAR = join(ROOT, "consumer-jar", "target", "microshop-consumer.jar");
const JVM_OPTIONS = "@" + join(ROOT, "consumer-jar", "jvm.options");
const LOGS = join(ROOT, ".run");

/** Stops everything started through it, last first. */
export class Processes {
  #stops = [];

  /** A Liberty server `name` of `service` (admin|main) with this environment; returns its directory. */
  liberty(service, name, env) {
    const server = join(WLP, "usr", "servers", name);
    spawnSync(join(WLP, "bin", "server"), ["stop", name]);
    rmSync(server, { recursive: true, force: true });
    mkdirSync(join(server, "apps"), { recursive: true });
    for (const file of ["server.xml", "bootstrap.properties"]) {
      cpSync(join(ROOT, `${service}-war`, "src", "main", "liberty", "config", file), join(server, file));
    }
    cpSync(join(ROOT, `${service}-war`, "target", `${service}.war`), join(server, "apps", `${service}.war`));
    const started = spawnSync(join(WLP, "bin", "server"), ["start", name], { env: { ...process.env, ...env }, encoding: "utf8" });
    assert.equal(started.status, 0, started.stdout + started.stderr);
    this.#stops.push(() => spawnSync(join(WLP, "bin", "server"), ["stop", name]));
    return server;
  }

  /** A consumer process (`args`: main-sync or admin-likes), its output in .run/<name>.log. */
  consumer(name, args, env) {
    mkdirSync(LOGS, { recursive: true });
    const log = openSync(join(LOGS, `${name}.log`), "w");
    const child = spawn("java", [JVM_OPTIONS, "-jar", JAR, ...args],
      { env: { ...process.env, MALLOC_ARENA_MAX: "2", ...env }, stdio: ["ignore", log, log] });
    this.#stops.push(() => child.kill("SIGTERM"));
    return child;
  }

  /** Any other program (`command` with `args`), its output in .run/<name>.log; stopped with SIGTERM. */
  program(name, command, args, env) {
    mkdirSync(LOGS, { recursive: true });
    const log = openSync(join(LOGS, `${name}.log`), "w");
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", log, log] });
    this.#stops.push(() => child.kill("SIGTERM"));
    return child;
  }

  stopAll() {
    this.#stops.reverse().forEach((stop) => stop());
    this.#stops = [];
  }
}

/** `migrate admin|main` (`args`) to the end; its output. */
export function migrate(args, env) {
  const run = spawnSync("java", [JVM_OPTIONS, "-jar", JAR, ...args],
    { env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  return run.stdout + run.stderr;
}

/** GET, never throwing: status 0 when nothing answers. */
export async function get(url) {
  try {
    const response = await fetch(url);
    return { status: response.status, headers: response.headers, body: await response.text() };
  } catch {
    return { status: 0, headers: new Headers(), body: "" };
  }
}

/** POST, with a JSON body and, given one, a bearer token. */
export async function postJson(url, body, token) {
  const headers = { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(url, { method: "POST", headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Waits until `condition` returns true; fails with `what` and its last other answer. */
export async function eventually(what, seconds, condition) {
  const end = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < end) {
    last = await condition();
    if (last === true) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`${what} within ${seconds} s (last: ${JSON.stringify(last)})`);
}
