// The manifests configure the app the tests run. admin, main, the migrations, the consumers and
// the identity provider (Keycloak, built with its image's options) run on this machine with the
// environment that the local overlay gives their containers:
// ConfigMaps, Secrets and $(VAR) references resolved as the kubelet does; only the hosts, ports,
// database names, credentials and the broker's address are mapped to this machine's. Every
// probe the manifests declare is called at its path. Run by command 2 after the build, with
// K8S_TEST_AMQP_URL (a virtual host of the tests' node) and the empty databases admin_k8s_test,
// main_k8s_test and keycloak_k8s_test; the services start on them before any migration has run.
// admin and main trust the tests' own provider (identity.mjs), whose test users sign in.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { identityOnThisMachine, token } from "./identity.mjs";
import { JAR, Processes, WLP, eventually, get, migrate as runMigration, postJson } from "./processes.mjs";
import { ROOT, named, read, render, workspace } from "./render.mjs";

const PORTS = { admin: 19400, main: 19401, "main-sync": 19481, "admin-likes": 19482, keycloak: 19484, "keycloak-management": 19485 };
const DB = { user: process.env.DB_USER ?? "shop", password: process.env.DB_PASSWORD ?? "shop" };
const AMQP = process.env.K8S_TEST_AMQP_URL;
const { resources } = render(join(workspace(), "kubernetes", "overlays", "local"));
const processes = new Processes();

/** A container's environment as the kubelet builds it. */
function environment(workload) {
  const container = workload.spec.template.spec.containers[0];
  const vars = {};
  for (const from of container.envFrom ?? []) Object.assign(vars, named(resources, "ConfigMap", from.configMapRef.name).data);
  for (const e of container.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef;
    if (ref) vars[e.name] = Buffer.from(named(resources, "Secret", ref.name).data[ref.key], "base64").toString();
    else vars[e.name] = (e.value ?? "").replace(/\$\((\w+)\)/g, (whole, name) => vars[name] ?? whole);
  }
  return { container, vars };
}

/** The same environment on this machine: the cluster's names and ports mapped, nothing else. */
function onThisMachine(vars, name) {
  const mapped = { ...vars };
  if (vars.DB_HOST) {
    assert.equal(named(resources, "Service", vars.DB_HOST).spec.ports[0].port, Number(vars.DB_PORT), `${name}: DB_PORT`);
    Object.assign(mapped, { DB_HOST: "127.0.0.1", DB_PORT: "3306", DB_NAME: `${vars.DB_NAME}_k8s_test`,
      DB_USER: DB.user, DB_PASSWORD: DB.password });
  }
  if (vars.AMQP_URL) {
    const amqp = /^amqp:\/\/shop:([A-Za-z0-9]{32})@rabbitmq:(\d+)\/%2F$/.exec(vars.AMQP_URL);
    assert.ok(amqp, `${name}: AMQP_URL ${vars.AMQP_URL.replace(/:[^:@]*@/, ":…@")} names the rabbitmq Service with its password`);
    assert.equal(Number(amqp[2]), named(resources, "Service", "rabbitmq").spec.ports.find((p) => p.name === "tcp-amqp").port);
    mapped.AMQP_URL = AMQP;
  }
  if (vars.MP_JWT_VERIFY_ISSUER) {
    const includes = named(resources, "Deployment", "frontend").spec.template.spec.volumes.find((v) => v.name === "api-routes");
    const browserSignsInAt = /"authority": "([^"]+)"/.exec(named(resources, "ConfigMap", includes.configMap.name).data["identity.conf"])[1];
    assert.equal(vars.MP_JWT_VERIFY_ISSUER, browserSignsInAt, `${name}: trusts the issuer the frontend signs in at`);
    assert.ok(vars.MP_JWT_VERIFY_PUBLICKEY_LOCATION.startsWith("http"), `${name}: MP_JWT_VERIFY_PUBLICKEY_LOCATION`);
    Object.assign(mapped, pick(identityOnThisMachine, ["MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"]));
  }
  if (vars.IDENTITY_TOKEN_URL) {
    assert.equal(vars.IDENTITY_CLIENT_SECRET.length, 32, `${name}: IDENTITY_CLIENT_SECRET from the Secret identity`);
    Object.assign(mapped, pick(identityOnThisMachine, ["IDENTITY_TOKEN_URL", "IDENTITY_CLIENT_SECRET"]));
  }
  if (vars.ADMIN_URL) {
    assert.equal(vars.ADMIN_URL, `http://admin:${named(resources, "Service", "admin").spec.ports[0].port}`, `${name}: ADMIN_URL`);
    mapped.ADMIN_URL = `http://127.0.0.1:${PORTS.admin}`;
  }
  return mapped;
}

const workload = (kind, name) => named(resources, kind, name);
const pick = (from, keys) => Object.fromEntries(keys.map((key) => [key, from[key]]));
const url = (name, path) => `http://127.0.0.1:${PORTS[name]}${path}`;

/** The probes a container declares, as URLs on this machine. */
function probes(container, name) {
  return Object.fromEntries(["startupProbe", "livenessProbe", "readinessProbe"].map((probe) => {
    const httpGet = container[probe]?.httpGet;
    assert.ok(httpGet, `${name}: ${probe} by httpGet`);
    assert.ok(container.ports.some((p) => p.name === httpGet.port), `${name}: ${probe} port ${httpGet.port}`);
    return [probe, url(name, httpGet.path)];
  }));
}

function startLiberty(service) {
  const { container, vars } = environment(workload("Deployment", service === "admin" ? "admin-v1" : service));
  const serverXml = read(`${service}-war/src/main/liberty/config/server.xml`);
  const listens = /<variable name="http.port" defaultValue="(\d+)"/.exec(serverXml)[1];
  assert.equal(container.ports.find((p) => p.name === "http").containerPort, Number(listens),
    `${service}: the container port is the one the server listens on`);
  const server = processes.liberty(service, `${service}-k8s`,
    { ...onThisMachine(vars, service), HTTP_PORT: String(PORTS[service]) });
  return { container, vars, server, probes: probes(container, service) };
}

function startConsumer(name) {
  const { container, vars } = environment(workload("Deployment", name));
  assert.equal(container.ports.find((p) => p.name === "http-health").containerPort, Number(vars.HEALTH_PORT),
    `${name}: HEALTH_PORT is the container port`);
  processes.consumer(`k8s-${name}`, container.args, { ...onThisMachine(vars, name), HEALTH_PORT: String(PORTS[name]) });
  return { probes: probes(container, name) };
}

function migrate(service) {
  const job = resources.find((r) => r.kind === "Job" && r.metadata.labels.app === `migrate-${service}`);
  const { container, vars } = environment(job);
  return runMigration(container.args, onThisMachine(vars, job.metadata.name));
}

let admin;
let main;

before(() => {
  assert.ok(AMQP, "K8S_TEST_AMQP_URL is set (scripts/test.sh)");
  assert.ok(existsSync(JAR) && existsSync(WLP), "the build has run (consumer jar, Liberty runtime)");
  admin = startLiberty("admin");
  main = startLiberty("main");
});

after(() => processes.stopAll());

test("before the migration, the services start and live but are not ready, naming the change set they wait for", async () => {
  for (const [name, service] of [["admin", admin], ["main", main]]) {
    await eventually(`${name} started`, 120, async () => (await get(service.probes.startupProbe)).status === 200 || "not yet");
    assert.equal((await get(service.probes.livenessProbe)).status, 200);
    const ready = await get(service.probes.readinessProbe);
    assert.equal(ready.status, 503, ready.body);
    const requires = /^schema\.requires=(.+)$/m.exec(read(`${name}-war/src/main/resources/META-INF/microprofile-config.properties`))[1];
    assert.ok(ready.body.includes(`change set ${requires}: run \`migrate ${name}\``), ready.body);
  }
});

test("the migration Jobs' commands migrate, and then the services are ready", async () => {
  assert.match(migrate("admin"), /change set\(s\) applied on database 'admin_k8s_test'/);
  assert.match(migrate("main"), /change set\(s\) applied on database 'main_k8s_test'/);
  assert.match(migrate("admin"), /already up to date/, "a second run changes nothing");
  for (const [name, service] of [["admin", admin], ["main", main]]) {
    await eventually(`${name} ready`, 30, async () => (await get(service.probes.readinessProbe)).status === 200 || "not yet");
  }
});

test("the consumers answer their probes, and the whole shop works as configured", async () => {
  const consumers = ["main-sync", "admin-likes"].map(startConsumer);
  for (const consumer of consumers) {
    for (const probe of Object.values(consumer.probes)) {
      await eventually(`${probe} answers 200`, 60, async () => (await get(probe)).status === 200 || "not yet");
    }
  }
  const created = await postJson(url("admin", "/api/products"),
    { title: "From the manifests", image: "https://images.example.com/k8s.png" }, await token("test-admin"));
  assert.equal(created.status, 201, created.body);
  assert.equal(created.headers.get("X-Service-Version"), environment(workload("Deployment", "admin-v1")).vars.SERVICE_VERSION);
  const { id } = JSON.parse(created.body);
  await eventually(`product ${id} in main`, 30, async () => (await get(url("main", `/api/products/${id}`))).status === 200 || "not yet");
  const like = await postJson(url("main", `/api/products/${id}/like`), undefined, await token("shopper-1"));
  assert.equal(like.status, 200, like.body);
  await eventually("the like counted in admin", 30,
    async () => JSON.parse((await get(url("admin", `/api/products/${id}`))).body).likes === 1 || "not yet");
});

test("Keycloak, built as its image and started as its Deployment, imports the realm from its ConfigMap and serves main", async () => {
  const home = process.env.K8S_TEST_KEYCLOAK_HOME;
  assert.ok(home && existsSync(join(home, "bin", "kc.sh")), "K8S_TEST_KEYCLOAK_HOME (scripts/lib/kubernetes.sh builds it)");
  const { container, vars } = environment(workload("Deployment", "keycloak"));
  const db = named(resources, "Service", vars.KC_DB_URL_HOST);
  assert.equal(db.spec.ports[0].port, Number(vars.KC_DB_URL_PORT), "KC_DB_URL_PORT is identity-db's");
  const management = container.ports.find((p) => p.name === "http-management").containerPort;
  assert.equal(management, 9000, "the management port is Keycloak's default");
  assert.equal(container.ports.find((p) => p.name === "http").containerPort, 8080);
  const hostname = new URL(vars.KC_HOSTNAME);
  const here = `http://127.0.0.1:${PORTS.keycloak}${hostname.pathname}`;
  // The realm file as the pod mounts it: the ConfigMap's content at data/import.
  const mount = container.volumeMounts.find((m) => m.mountPath === "/opt/keycloak/data/import");
  const realm = workload("Deployment", "keycloak").spec.template.spec.volumes.find((v) => v.name === mount.name).configMap.name;
  mkdirSync(join(home, "data", "import"), { recursive: true });
  for (const [file, text] of Object.entries(named(resources, "ConfigMap", realm).data)) writeFileSync(join(home, "data", "import", file), text);
  processes.program("k8s-keycloak", join(home, "bin", "kc.sh"), container.args, {
    ...vars, JAVA_HOME: process.env.K8S_TEST_KEYCLOAK_JAVA_HOME,
    KC_DB_URL_HOST: "127.0.0.1", KC_DB_URL_PORT: "3306", KC_DB_URL_DATABASE: `${vars.KC_DB_URL_DATABASE}_k8s_test`,
    KC_DB_USERNAME: DB.user, KC_DB_PASSWORD: DB.password,
    KC_HOSTNAME: here, KC_HTTP_HOST: "127.0.0.1", KC_HTTP_PORT: String(PORTS.keycloak),
    KC_HTTP_MANAGEMENT_PORT: String(PORTS["keycloak-management"]),
  });
  const probe = (name) => `http://127.0.0.1:${PORTS["keycloak-management"]}${container[name].httpGet.path}`;
  assert.equal(container.startupProbe.httpGet.port, "http-management");
  await eventually("Keycloak started", 240, async () => (await get(probe("startupProbe"))).status === 200 || "not yet");
  assert.equal((await get(probe("livenessProbe"))).status, 200);
  await eventually("Keycloak ready", 30, async () => (await get(probe("readinessProbe"))).status === 200 || "not yet");

  const discovery = JSON.parse((await get(`${here}/realms/microshop/.well-known/openid-configuration`)).body);
  assert.equal(discovery.issuer, `${here}/realms/microshop`, "the issuer is KC_HOSTNAME's realm");
  const mainVars = environment(workload("Deployment", "main")).vars;
  const keys = await get(`${here}${new URL(mainVars.MP_JWT_VERIFY_PUBLICKEY_LOCATION).pathname.replace(/^\/auth/, "")}`);
  assert.equal(keys.status, 200, "the key set at the services' MP_JWT_VERIFY_PUBLICKEY_LOCATION path");
  assert.ok(JSON.parse(keys.body).keys.length > 0);
  // main's own identity with the Secret the manifests give main: the realm's placeholder was
  // filled from the same Secret key.
  const grant = await fetch(`${here}${new URL(mainVars.IDENTITY_TOKEN_URL).pathname.replace(/^\/auth/, "")}`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: mainVars.IDENTITY_CLIENT_ID,
      client_secret: mainVars.IDENTITY_CLIENT_SECRET }),
  });
  const granted = await grant.json();
  assert.equal(grant.status, 200, JSON.stringify(granted));
  const claims = JSON.parse(Buffer.from(granted.access_token.split(".")[1], "base64url").toString());
  assert.deepEqual([claims.iss, claims.aud, claims.groups], [`${here}/realms/microshop`, mainVars.MP_JWT_VERIFY_AUDIENCES, ["user-directory"]]);
});

test("LOG_FORMAT=JSON from the ConfigMap: the servers' console is JSON lines", () => {
  assert.equal(environment(workload("Deployment", "admin-v1")).vars.LOG_FORMAT, "JSON");
  const console = readFileSync(join(admin.server, "logs", "console.log"), "utf8").split("\n").filter((l) => l.startsWith("{"));
  assert.ok(console.length > 0, "JSON lines in console.log");
  assert.ok(JSON.parse(console[0]).type, console[0]);
});

test("the Containerfiles copy what the build made, and the build context lets it through", () => {
  const ignore = read(".dockerignore").split("\n").filter((l) => l.startsWith("!")).map((l) => l.slice(1).replace(/\/$/, ""));
  for (const [file, services] of [["liberty-config/server/Containerfile", ["admin", "main"]], ["consumer-jar/Containerfile", [""]]]) {
    const copies = [...read(file).matchAll(/^COPY (?:--chown=\S+ )?(\S+) \S+$/gm)].map((m) => m[1].replace(/\/$/, ""));
    assert.ok(copies.length >= 2, `${file}: COPY lines`);
    for (const service of services) {
      for (const source of copies.map((c) => c.replaceAll("${SERVICE}", service))) {
        assert.ok(existsSync(join(ROOT, source)), `${file}: ${source} exists after the build`);
        assert.ok(ignore.includes(source), `${file}: ${source} is let through by .dockerignore`);
      }
    }
  }
});
