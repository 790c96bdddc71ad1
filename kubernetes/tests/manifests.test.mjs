// The shop's own manifests, rendered as `kubectl apply -k` would, and checked offline.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { check } from "../checker/src/check.mjs";
import { COMPONENTS, INCLUDED, OVERLAYS, ROOT, kustomize, named, read, render, renderWithComponents, workspace } from "./render.mjs";

const root = workspace();
const overlay = (name) => join(root, "kubernetes", "overlays", name);

/** An overlay rendered with extra components in its list. */
const renderWith = (name, components) => (components.length ? renderWithComponents(root, name, components) : render(overlay(name)));

test("without the secrets step every overlay fails, naming the step", () => {
  const bare = workspace({ secrets: false });
  for (const name of OVERLAYS) {
    const { code, stderr } = kustomize(join(bare, "kubernetes", "overlays", name));
    assert.notEqual(code, 0, `${name} built without secrets`);
    assert.match(stderr, /generated-by-scripts-make-secrets\.sh: no such file or directory/);
  }
});

test("make-secrets writes random passwords once, readable only by their owner, and keeps them", () => {
  const ws = workspace({ secrets: false });
  const script = join(ws, "scripts", "make-secrets.sh");
  const dir = join(ws, "kubernetes", "secrets", "generated-by-scripts-make-secrets.sh");
  execFileSync(script, { stdio: "pipe" });
  const first = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
  assert.deepEqual(Object.keys(first).sort(), ["admin-db.env", "identity-db.env", "identity.env", "liberty.env", "main-db.env", "rabbitmq.env"]);
  for (const [file, text] of Object.entries(first)) {
    assert.equal(statSync(join(dir, file)).mode & 0o777, 0o600, file);
    for (const line of text.trim().split("\n")) assert.match(line, /^[a-z-]+=[A-Za-z0-9]{32}$/, `${file}: ${line}`);
  }
  assert.notEqual(first["admin-db.env"], first["main-db.env"]);
  execFileSync(script, { stdio: "pipe" });
  assert.equal(readFileSync(join(dir, "admin-db.env"), "utf8"), first["admin-db.env"], "kept on a second run");
  execFileSync(script, ["--force"], { stdio: "pipe" });
  assert.notEqual(readFileSync(join(dir, "admin-db.env"), "utf8"), first["admin-db.env"], "replaced with --force");
});

for (const name of OVERLAYS) {
  const extras = COMPONENTS.filter((c) => !INCLUDED[name].includes(c));
  const combinations = [[], ...extras.map((c) => [c]), extras];
  for (const components of combinations) {
    test(`${name}${components.length ? ` + ${components.join(" + ")}` : ""} renders and passes the checker`, async () => {
      const { text, resources } = renderWith(name, components);
      assert.deepEqual(await check(text), []);
      for (const resource of resources) {
        if (!["Namespace"].includes(resource.kind)) {
          assert.equal(resource.metadata.namespace, "microshop", `${resource.kind}/${resource.metadata.name} namespace`);
        }
        for (const container of resource.spec?.template?.spec?.containers ?? []) {
          assert.match(container.image, /^[a-z0-9.-]+\/[^:@]+:[\w.-]+$/, `${resource.metadata.name}: ${container.image} has a registry and a tag`);
        }
      }
    });
  }
}

test("the base serves a whole shop: every workload, its Service, its ServiceAccount", () => {
  const { resources } = render(overlay("local"));
  const kinds = (kind) => resources.filter((r) => r.kind === kind).map((r) => r.metadata.name).sort();
  assert.deepEqual(kinds("Deployment"), ["admin-likes", "admin-v1", "frontend", "keycloak", "main", "main-sync"]);
  assert.deepEqual(kinds("StatefulSet"), ["admin-db", "identity-db", "main-db", "rabbitmq"]);
  assert.deepEqual(kinds("Job"), ["migrate-admin-1.0.0", "migrate-main-1.0.0"]);
  assert.deepEqual(kinds("Service"), ["admin", "admin-db", "admin-likes", "admin-v1", "frontend", "identity-db", "keycloak",
    "main", "main-db", "main-sync", "rabbitmq", "rabbitmq-nodes"]);
  assert.deepEqual(kinds("ServiceAccount"), ["admin", "admin-db", "admin-likes", "frontend", "identity-db", "keycloak",
    "main", "main-db", "main-sync", "migrate-admin", "migrate-main", "rabbitmq"]);
  const admin = named(resources, "Deployment", "admin-v1");
  assert.deepEqual(admin.spec.template.metadata.labels, { app: "admin", version: "v1", "app.kubernetes.io/part-of": "microshop" });
  assert.deepEqual(named(resources, "Service", "admin").spec.selector, { app: "admin" });
});

test("admin-canary adds v2 and v3, each naming itself, with a Service per version", () => {
  const { resources } = renderWith("local", ["admin-canary"]);
  for (const version of ["v1", "v2", "v3"]) {
    const deployment = named(resources, "Deployment", `admin-${version}`);
    assert.equal(deployment.spec.template.metadata.labels.version, version);
    assert.equal(deployment.spec.selector.matchLabels.version, version);
    const env = deployment.spec.template.spec.containers[0].env;
    assert.deepEqual(env.find((e) => e.name === "SERVICE_VERSION"), { name: "SERVICE_VERSION", value: version });
    assert.deepEqual(named(resources, "Service", `admin-${version}`).spec.selector, { app: "admin", version });
  }
  assert.deepEqual(named(resources, "Service", "admin").spec.selector, { app: "admin" });
});

test("Prometheus is told where each process serves its metrics: the container's own port, /metrics", () => {
  const { resources } = renderWith("local", ["admin-canary"]);
  for (const name of ["admin-v1", "admin-v2", "admin-v3", "main", "main-sync", "admin-likes"]) {
    const template = named(resources, "Deployment", name).spec.template;
    const annotations = template.metadata.annotations ?? {};
    assert.equal(annotations["prometheus.io/scrape"], "true", name);
    assert.equal(annotations["prometheus.io/path"], "/metrics", name);
    const ports = template.spec.containers[0].ports.map((port) => String(port.containerPort));
    assert.ok(ports.includes(annotations["prometheus.io/port"]), `${name}: ${annotations["prometheus.io/port"]} is one of ${ports}`);
  }
});

test("tracing turns telemetry on in every process of the shop and tells the browser; without it nothing is traced", () => {
  const traced = ["admin-v1", "admin-v2", "admin-v3", "main", "main-sync", "admin-likes"];
  const telemetryOf = (resources, name) => named(resources, "Deployment", name).spec.template.spec.containers[0].envFrom
    .map((source) => source.configMapRef?.name).filter((config) => config?.startsWith("telemetry"));
  const plain = renderWith("local", ["admin-canary"]).resources;
  for (const name of traced) assert.deepEqual(telemetryOf(plain, name), [], `${name} untraced by default`);
  assert.ok(!plain.some((r) => r.kind === "ConfigMap" && Object.keys(r.data ?? {}).some((k) => k === "telemetry.conf")));

  const { resources } = renderWith("local", ["admin-canary", "tracing"]);
  const telemetry = resources.find((r) => r.kind === "ConfigMap" && r.metadata.name.startsWith("telemetry-"));
  const config = telemetry.data;
  for (const name of traced) assert.deepEqual(telemetryOf(resources, name), [telemetry.metadata.name], name);
  assert.equal(config.OTEL_SDK_DISABLED, "false");
  assert.equal(config.OTEL_EXPORTER_OTLP_PROTOCOL, "http/protobuf");
  assert.match(config.OTEL_EXPORTER_OTLP_ENDPOINT, /^http:\/\/jaeger-collector\.istio-system\.svc:4318$/);
  assert.equal(config.OTEL_TRACES_SAMPLER, "parentbased_traceidratio");
  const routes = resources.find((r) => r.kind === "ConfigMap" && r.metadata.name.startsWith("frontend-api-routes-")).data;
  assert.ok(routes["api-routes.conf"] && routes["identity.conf"], "the frontend's other routes stay");
  const browser = JSON.parse(/return 200 '([^']+)'/.exec(routes["telemetry.conf"])[1]);
  assert.deepEqual(browser, { zipkinUrl: "/traces/api/v2/spans", sampleRatio: Number(config.OTEL_TRACES_SAMPLER_ARG) },
    "the browser samples as the services do, and its spans have a route");
  assert.match(routes["telemetry.conf"], /location \/traces\/ \{\n    proxy_pass http:\/\/zipkin\.istio-system\.svc:9411\/;/);
});

test("a new release tag is a new migration Job from the same apply; the same tag changes nothing", () => {
  const ws = workspace();
  const images = join(ws, "kubernetes", "components", "images", "kustomization.yaml");
  const before = render(join(ws, "kubernetes", "overlays", "local"));
  assert.equal(render(join(ws, "kubernetes", "overlays", "local")).text, before.text, "rendering is deterministic");
  writeFileSync(images, readFileSync(images, "utf8").replaceAll("newTag: 1.0.0", "newTag: 1.1.0"));
  const after = render(join(ws, "kubernetes", "overlays", "local"));
  const jobs = (r) => r.resources.filter((x) => x.kind === "Job").map((x) => x.metadata.name).sort();
  assert.deepEqual(jobs(before), ["migrate-admin-1.0.0", "migrate-main-1.0.0"]);
  assert.deepEqual(jobs(after), ["migrate-admin-1.1.0", "migrate-main-1.1.0"]);
  const job = named(after.resources, "Job", "migrate-admin-1.1.0");
  assert.equal(job.spec.template.spec.containers[0].image, "ghcr.io/microshop/microshop-consumer:1.1.0");
  assert.deepEqual(job.spec.template.spec.containers[0].args, ["migrate", "admin"]);
  assert.equal(named(after.resources, "Deployment", "admin-v1").spec.template.spec.containers[0].image,
    "ghcr.io/microshop/microshop-admin:1.1.0");
});

test("the images are the versions the build and the tests use", () => {
  const pom = read("pom.xml");
  const liberty = /<openliberty\.version>([^<]+)</.exec(pom)[1];
  assert.match(read("liberty-config/server/Containerfile"), new RegExp(`ARG LIBERTY_VERSION=${liberty.replaceAll(".", "\\.")}\\n`));
  const { resources } = render(overlay("local"));
  const image = (kind, name) => named(resources, kind, name).spec.template.spec.containers[0].image;
  const mariadb = spawnSync("mariadbd", ["--version"], { encoding: "utf8" }).stdout
    ?? spawnSync("/usr/sbin/mariadbd", ["--version"], { encoding: "utf8" }).stdout;
  const tested = /Ver (\d+\.\d+)\./.exec(mariadb ?? "");
  if (tested) assert.equal(image("StatefulSet", "admin-db"), `docker.io/library/mariadb:${tested[1]}`);
  const rabbit = spawnSync("rabbitmqctl", ["version"], { encoding: "utf8" }).stdout;
  const broker = /^(\d+\.\d+)\./.exec(rabbit ?? "");
  if (broker) assert.equal(image("StatefulSet", "rabbitmq"), `docker.io/library/rabbitmq:${broker[1]}-management`);
  assert.ok(tested || broker, "neither MariaDB nor RabbitMQ found on this machine to compare with");
});

test("the frontend's routes without a mesh reach the Services' ports", () => {
  const { resources } = render(overlay("local"));
  const routes = read("kubernetes/base/frontend/api-routes.conf");
  for (const [path, service] of [["/admin/api/", "admin"], ["/main/api/", "main"]]) {
    const port = named(resources, "Service", service).spec.ports[0].port;
    assert.match(routes, new RegExp(`location ${path} \\{\\s+proxy_pass http://${service}:${port}/api/;`));
  }
  assert.match(read("frontend/nginx.conf"), /include \/etc\/nginx\/microshop\/\*\.conf;/);
  const mount = named(resources, "Deployment", "frontend").spec.template.spec.containers[0].volumeMounts
    .find((m) => m.name === "api-routes");
  assert.equal(mount.mountPath, "/etc/nginx/microshop");
});

/** The environment variables an app reads, from its sources: Liberty variables (`${db.host}` in the
 * server configuration), MicroProfile Config keys and @ConfigProperty names (admin.url -> ADMIN_URL),
 * and the consumers' Environment look-ups. */
function settingsRead() {
  const files = (dir, pattern) => spawnSync("grep", ["-rlE", pattern, join(ROOT, dir)], { encoding: "utf8" })
    .stdout.trim().split("\n").filter(Boolean);
  const asEnv = (key) => key.toUpperCase().replace(/[^A-Z0-9]/g, "_");
  const found = (dirs, pattern, regex) => new Set(dirs.flatMap((dir) => files(dir, pattern))
    .flatMap((file) => [...readFileSync(file, "utf8").matchAll(regex)].map((m) => m[1])));
  // Liberty's own: extra JVM options, and the default keystore's password (which MP JWT needs).
  const liberty = new Set(["JVM_ARGS", "keystore_password"]);
  const sources = ["admin-war/src/main", "main-war/src/main", "liberty-config/server/src/main", "liberty-config/web/src/main",
    "liberty-config/outbox/src/main", "liberty-config/events/src/main"];
  for (const key of found(sources, "\\$\\{", /\$\{([a-z][a-z0-9.-]*)\}/g)) liberty.add(asEnv(key));
  for (const key of found(sources, "ConfigProperty", /@ConfigProperty\(name = "([^"]+)"/g)) liberty.add(asEnv(key));
  for (const file of ["admin-war", "main-war", "liberty-config/web"].flatMap((dir) => files(`${dir}/src/main/resources`, "."))
    .filter((f) => f.endsWith("microprofile-config.properties"))) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const key = /^([a-z][a-z0-9.-]*)=/.exec(line);
      if (key) liberty.add(asEnv(key[1]));
    }
  }
  const consumer = found(["consumer-jar/src/main/java"], "env\\.", /env\.(?:text|integer|positive|seconds)\("([A-Z_]+)"/g);
  return { "microshop-admin": liberty, "microshop-main": liberty, "microshop-consumer": consumer };
}

/** What a service that checks bearer tokens must be told: whom to trust, and its keystore's password. */
const TRUSTS_TOKENS = ["MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "keystore_password"];

test("sign-in: the services trust the issuer Keycloak is reached at, and its keys at its Service", () => {
  const { resources } = render(overlay("local"));
  const config = (prefix) => resources.find((r) => r.kind === "ConfigMap" && r.metadata.name.startsWith(prefix)).data;
  const identity = config("identity-");
  const keycloak = config("keycloak-config-");
  assert.equal(identity.MP_JWT_VERIFY_ISSUER, `${keycloak.KC_HOSTNAME}/realms/microshop`, "the issuer is Keycloak's hostname's realm");
  const routes = resources.find((r) => r.kind === "ConfigMap" && r.metadata.name.startsWith("frontend-api-routes-")).data;
  assert.match(routes["identity.conf"], new RegExp(`"authority": "${identity.MP_JWT_VERIFY_ISSUER}"`), "the browser signs in at that issuer");
  assert.equal(new URL(keycloak.KC_HOSTNAME).pathname, "/auth");
  assert.match(routes["api-routes.conf"], /location \/auth\/ \{\n\s+proxy_pass http:\/\/keycloak:8080\/auth\/;/, "the frontend routes /auth/ to Keycloak");
  assert.match(read("kubernetes/base/identity/Containerfile"), /KC_HTTP_RELATIVE_PATH=\/auth/, "the image serves under /auth");
  const port = named(resources, "Service", "keycloak").spec.ports.find((p) => p.name === "http").port;
  for (const url of [identity.MP_JWT_VERIFY_PUBLICKEY_LOCATION, config("main-config-").IDENTITY_TOKEN_URL]) {
    const { hostname, port: urlPort, pathname } = new URL(url);
    assert.deepEqual([hostname, Number(urlPort), pathname.startsWith("/auth/realms/microshop/protocol/openid-connect/")],
      ["keycloak", port, true], url);
  }
  const realm = JSON.parse(read("kubernetes/base/identity/microshop-realm.json"));
  assert.ok(realm.clients.find((c) => c.clientId === config("main-config-").IDENTITY_CLIENT_ID), "main's client is in the realm");
  const keycloakPod = named(resources, "Deployment", "keycloak").spec.template.spec.containers[0];
  const secretOf = (container, name) => container.env.find((e) => e.name === name).valueFrom.secretKeyRef;
  const mainPod = named(resources, "Deployment", "main").spec.template.spec.containers[0];
  assert.deepEqual({ ...secretOf(keycloakPod, "MICROSHOP_MAIN_CLIENT_SECRET"), name: undefined },
    { ...secretOf(mainPod, "IDENTITY_CLIENT_SECRET"), name: undefined }, "Keycloak and main share main's client secret");
  assert.equal(secretOf(keycloakPod, "MICROSHOP_MAIN_CLIENT_SECRET").name, secretOf(mainPod, "IDENTITY_CLIENT_SECRET").name);
  const placeholders = new Set([...read("kubernetes/base/identity/microshop-realm.json").matchAll(/\$\{(\w+)(?::[^}]*)?\}/g)]
    .map((m) => m[1]).filter((n) => n.startsWith("MICROSHOP_")));
  const given = new Set([...keycloakPod.env.map((e) => e.name), ...Object.keys(keycloak)]);
  for (const name of placeholders) assert.ok(given.has(name) || name === "MICROSHOP_SSL_REQUIRED", `the realm's ${name} is given to Keycloak`);
  assert.equal(read("kubernetes/base/identity/Containerfile").match(/FROM quay\.io\/keycloak\/keycloak:(\S+)/g).length, 2);
  const pomVersion = /<keycloak\.version>([^<]+)</.exec(read("pom.xml"))[1];
  for (const from of read("kubernetes/base/identity/Containerfile").matchAll(/FROM quay\.io\/keycloak\/keycloak:(\S+)/g)) {
    assert.equal(from[1], pomVersion, "the cluster runs the Keycloak both commands run");
  }
});

test("every setting the manifests give is one the app reads, and the ones it needs are given", () => {
  const reads = settingsRead();
  const { resources } = renderWith("production-like", ["admin-canary"]);
  const needed = {
    "microshop-admin": ["DB_HOST", "DB_NAME", "DB_USER", "DB_PASSWORD", "AMQP_URL", ...TRUSTS_TOKENS],
    "microshop-main": ["DB_HOST", "DB_NAME", "DB_USER", "DB_PASSWORD", "AMQP_URL", "ADMIN_URL", ...TRUSTS_TOKENS,
      "IDENTITY_TOKEN_URL", "IDENTITY_CLIENT_SECRET"],
    "microshop-consumer": ["DB_HOST", "DB_NAME", "DB_USER", "DB_PASSWORD"],
  };
  let checked = 0;
  for (const workload of resources.filter((r) => ["Deployment", "Job"].includes(r.kind))) {
    for (const container of workload.spec.template.spec.containers) {
      const app = /([^/]+):[^:]+$/.exec(container.image)?.[1];
      if (!reads[app]) continue;
      const given = new Set();
      for (const from of container.envFrom ?? []) {
        Object.keys(named(resources, "ConfigMap", from.configMapRef.name).data).forEach((k) => given.add(k));
      }
      const env = container.env ?? [];
      const helpers = new Set(env.flatMap((e) => [...(e.value ?? "").matchAll(/\$\((\w+)\)/g)].map((m) => m[1])));
      env.forEach((e) => given.add(e.name));
      for (const name of given) {
        if (!helpers.has(name)) assert.ok(reads[app].has(name), `${workload.kind}/${workload.metadata.name}: ${name} is read by no part of ${app}`);
      }
      const required = container.args?.[0] === "migrate" ? needed["microshop-consumer"] : needed[app];
      for (const name of required) assert.ok(given.has(name), `${workload.kind}/${workload.metadata.name}: ${name} is not given`);
      if (container.args?.[0] && container.args[0] !== "migrate") assert.ok(given.has("AMQP_URL"), `${workload.metadata.name}: AMQP_URL`);
      checked++;
    }
  }
  assert.equal(checked, 8, "app containers: admin-v1/v2/v3, main, main-sync, admin-likes, two migrations");
});

test("skaffold builds every image the manifests run, from Containerfiles that exist, and deploys overlays that exist", async () => {
  const { load } = await import("../checker/src/load.mjs");
  const skaffold = load(read("skaffold.yaml")).resources[0].doc;
  const built = new Map(skaffold.build.artifacts.map((a) => [a.image, a]));
  for (const artifact of built.values()) {
    assert.ok(existsSync(join(ROOT, artifact.context, artifact.docker.dockerfile)), `${artifact.image}: ${artifact.docker.dockerfile}`);
  }
  const paths = [skaffold.manifests, ...skaffold.profiles.map((p) => p.manifests)].flatMap((m) => m.kustomize.paths);
  for (const path of paths) assert.ok(existsSync(join(ROOT, path, "kustomization.yaml")), path);
  const ours = new Set();
  for (const name of OVERLAYS) {
    for (const r of render(overlay(name)).resources) {
      for (const c of [...(r.spec?.template?.spec?.containers ?? []), ...(r.spec?.template?.spec?.initContainers ?? [])]) {
        if (c.image.startsWith("ghcr.io/microshop/")) ours.add(c.image.replace(/:[^:]+$/, ""));
      }
    }
  }
  assert.deepEqual([...ours].sort(), [...built.keys()].sort(), "the images the overlays run are the ones skaffold builds");
});
