// The routing table and the policy table: for a list of requests, where the rendered
// configuration sends each, and whether it lets each in, by Istio's rules (mesh.mjs).
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { documents, kustomizeEdited, named, workspace } from "../../kubernetes/tests/render.mjs";
import { allows, routeAtGateway, routeByHttpRoute, routeInMesh } from "./mesh.mjs";

const root = workspace();

function overlay(name, edit = (t) => t) {
  const { code, stdout, stderr } = kustomizeEdited(join(root, "istio", "overlays", name), edit);
  assert.equal(code, 0, stderr);
  return documents(stdout);
}
const sidecar = (scenario, extra = "") => overlay("sidecar",
  (t) => t.replace("  - ../../scenarios/all-v1", `${extra}  - ../../scenarios/${scenario}`));

const v = (subset, weight = 100) => ({ host: "admin", subset, weight });
const JASON = { "end-user": "jason" };
const TESTER = { "end-user": "tester" };

// [scenario, where (gateway or the mesh host), path, headers, expected destinations, rewritten path, extra]
const ROUTES = [
  ["all-v1", "gateway", "/admin/api/products", {}, [v("v1")], "/api/products"],
  ["all-v1", "gateway", "/admin/api/products/7", JASON, [v("v1")], "/api/products/7"],
  ["all-v1", "gateway", "/main/api/products/7/like", {}, [{ host: "main", weight: 100 }], "/api/products/7/like"],
  ["all-v1", "gateway", "/", {}, [{ host: "frontend", weight: 100 }], "/"],
  ["all-v1", "gateway", "/auth/realms/microshop/protocol/openid-connect/auth", {}, [{ host: "keycloak", weight: 100 }],
    "/auth/realms/microshop/protocol/openid-connect/auth"],
  ["all-v1", "gateway", "/admin/products", {}, [{ host: "frontend", weight: 100 }], "/admin/products"],
  ["all-v1", "gateway", "/health/ready", {}, [{ host: "frontend", weight: 100 }], "/health/ready"],
  ["all-v1", "admin", "/api/users/7", {}, [v("v1")], "/api/users/7"],
  ["canary-10", "gateway", "/admin/api/products", {}, [v("v1", 90), v("v3", 10)], "/api/products"],
  ["canary-10", "admin", "/api/users/7", {}, [v("v1", 90), v("v3", 10)], "/api/users/7"],
  ["canary-50", "gateway", "/admin/api/products", {}, [v("v1", 50), v("v3", 50)], "/api/products"],
  ["all-v3", "gateway", "/admin/api/products", {}, [v("v3")], "/api/products"],
  ["header-v2", "gateway", "/admin/api/products", JASON, [v("v2")], "/api/products"],
  ["header-v2", "gateway", "/admin/api/products", { "end-user": "jasonx" }, [v("v1")], "/api/products"],
  ["header-v2", "admin", "/api/users/7", JASON, [v("v2")], "/api/users/7"],
  ["header-v2", "admin", "/api/users/7", {}, [v("v1")], "/api/users/7"],
  ["mirror-v3", "gateway", "/admin/api/products", {}, [v("v1")], "/api/products", { mirror: { host: "admin", subset: "v3" } }],
  ["mirror-v3", "admin", "/api/users/7", {}, [v("v1")], "/api/users/7", { mirror: { host: "admin", subset: "v3" } }],
  ["delay-test-user", "admin", "/api/users/7", TESTER, [v("v1")], "/api/users/7", { fault: { delay: { fixedDelay: "3s", percentage: { value: 100 } } } }],
  ["delay-test-user", "admin", "/api/users/7", JASON, [v("v1")], "/api/users/7", { fault: undefined }],
  ["delay-test-user", "gateway", "/admin/api/products", TESTER, [v("v1")], "/api/products", { fault: undefined }],
  ["abort-test-user", "admin", "/api/user", TESTER, [v("v1")], "/api/user", { fault: { abort: { httpStatus: 503, percentage: { value: 100 } } } }],
  ["abort-test-user", "admin", "/api/user", {}, [v("v1")], "/api/user", { fault: undefined }],
];

for (const [scenario, where, path, headers, destinations, rewritten, extra = {}] of ROUTES) {
  const who = Object.keys(headers).length ? ` (${Object.entries(headers).map(([k, x]) => `${k}: ${x}`).join(", ")})` : "";
  test(`${scenario}: ${where === "gateway" ? "through the gateway" : `main to ${where}`} ${path}${who}`, () => {
    const resources = sidecar(scenario);
    const request = { path, headers };
    const routed = where === "gateway" ? routeAtGateway(resources, "microshop", request) : routeInMesh(resources, where, request);
    assert.equal(routed.error, undefined);
    assert.deepEqual(routed.destinations, destinations);
    assert.equal(routed.path, rewritten);
    for (const [key, value] of Object.entries(extra)) assert.deepEqual(routed[key], value, key);
    if (where !== "gateway") assert.equal(routed.timeout, "1s", "main's calls keep the budget");
  });
}

test("the seed client's routes: the original React client's paths reach this shop's APIs", () => {
  const resources = sidecar("all-v1", "  - ../../components/seed-client\n");
  const at = (path) => routeAtGateway(resources, "microshop", { path, headers: {} });
  assert.deepEqual([at("/api/products").destinations, at("/api/products").path], [[{ host: "admin", weight: 100 }], "/api/products"]);
  assert.deepEqual([at("/api/products/7").destinations[0].host, at("/api/products/7").path], ["admin", "/api/products/7"]);
  assert.deepEqual([at("/api/product").destinations[0].host, at("/api/product").path], ["main", "/api/products"]);
  assert.deepEqual([at("/api/product/7/like").destinations[0].host, at("/api/product/7/like").path], ["main", "/api/products/7/like"]);
  assert.equal(at("/admin/api/products").path, "/api/products", "the shop's own routes stay");
});

test("the Gateway API ingress and the ambient canary route as the Istio ingress does", () => {
  const resources = overlay("ambient");
  const at = (path, headers = {}) => routeByHttpRoute(resources, "microshop", { path, headers });
  assert.deepEqual([at("/admin/api/products").destinations, at("/admin/api/products").path], [[{ host: "admin", weight: 1 }], "/api/products"]);
  assert.deepEqual([at("/main/api/products/7/like").destinations[0].host, at("/main/api/products/7/like").path], ["main", "/api/products/7/like"]);
  assert.equal(at("/admin/products").destinations[0].host, "frontend");
  assert.deepEqual([at("/auth/realms/microshop").destinations[0].host, at("/auth/realms/microshop").path], ["keycloak", "/auth/realms/microshop"]);
  const canary = (headers) => routeByHttpRoute(resources, "admin", { path: "/api/users/7", headers }).destinations;
  assert.deepEqual(canary({}), [{ host: "admin-v1", weight: 90 }, { host: "admin-v3", weight: 10 }]);
  assert.deepEqual(canary(JASON), [{ host: "admin-v2", weight: 1 }]);
});

const SA = (name, ns = "microshop") => `cluster.local/ns/${ns}/sa/${name}`;
const GATEWAY = SA("istio-ingressgateway-service-account", "istio-system");
const podLabels = (resources, app) => resources.find((r) => ["Deployment", "StatefulSet"].includes(r.kind)
  && r.spec.template.metadata.labels.app === app).spec.template.metadata.labels;

// Tokens as the identity provider issues them (the realm's roles in the groups claim), and the
// ones RequestAuthentication must refuse.
const ISSUER = "http://localhost:8080/auth/realms/microshop";
const tokenOf = (groups, extra = {}) => ({ iss: ISSUER, aud: "microshop-api", sub: `sub-${groups.join("-")}`, groups, ...extra });
const ADMINISTRATOR = tokenOf(["shopper", "catalog-admin"]);
const SHOPPER = tokenOf(["shopper"]);
const MAIN_ITSELF = tokenOf(["user-directory"]);
const OTHER_ISSUER = tokenOf(["shopper", "catalog-admin"], { iss: "https://elsewhere.example.com/realms/microshop" });
const OTHER_AUDIENCE = tokenOf(["shopper", "catalog-admin"], { aud: "account" });
const EXPIRED = tokenOf(["shopper", "catalog-admin"], { valid: false });

// [source, destination app, port, method, path, allowed, token]
const SIDECAR_POLICIES = [
  [GATEWAY, "frontend", 8080, "GET", "/", true],
  [GATEWAY, "admin", 8000, "GET", "/api/products", true],
  [GATEWAY, "admin", 8000, "GET", "/api/products/7", true, SHOPPER],
  [GATEWAY, "admin", 8000, "DELETE", "/api/products/7", false],
  [GATEWAY, "admin", 8000, "POST", "/api/products", false, SHOPPER],
  [GATEWAY, "admin", 8000, "POST", "/api/products", true, ADMINISTRATOR],
  [GATEWAY, "admin", 8000, "PUT", "/api/products/7", true, ADMINISTRATOR],
  [GATEWAY, "admin", 8000, "DELETE", "/api/products/7", true, ADMINISTRATOR],
  [GATEWAY, "admin", 8000, "DELETE", "/api/products/7", false, OTHER_ISSUER],
  [GATEWAY, "admin", 8000, "DELETE", "/api/products/7", false, OTHER_AUDIENCE],
  [GATEWAY, "admin", 8000, "DELETE", "/api/products/7", false, EXPIRED],
  [GATEWAY, "admin", 8000, "GET", "/api/products", false, EXPIRED],
  [GATEWAY, "admin", 8000, "GET", "/api/user", false, ADMINISTRATOR],
  [GATEWAY, "admin", 8000, "PUT", "/api/users/by-subject/x", false, MAIN_ITSELF],
  [GATEWAY, "admin", 8000, "GET", "/health/ready", false],
  [GATEWAY, "admin", 8000, "GET", "/openapi/ui/", false],
  [GATEWAY, "main", 8001, "GET", "/api/products/7", true],
  [GATEWAY, "main", 8001, "POST", "/api/products/7/like", false],
  [GATEWAY, "main", 8001, "POST", "/api/products/7/like", true, SHOPPER],
  [GATEWAY, "main", 8001, "POST", "/api/products/7/like", true, ADMINISTRATOR],
  [GATEWAY, "main", 8001, "POST", "/api/products/7/like", false, MAIN_ITSELF],
  [GATEWAY, "main", 8001, "POST", "/api/products/7/like", false, OTHER_ISSUER],
  [GATEWAY, "main", 8001, "GET", "/openapi", false],
  [GATEWAY, "rabbitmq", 15672, "GET", "/", false],
  [SA("main"), "admin", 8000, "GET", "/api/user", true, MAIN_ITSELF],
  [SA("main"), "admin", 8000, "PUT", "/api/users/by-subject/5f1c9a52", true, MAIN_ITSELF],
  [SA("main"), "admin", 8000, "PUT", "/api/users/by-subject/5f1c9a52", false],
  [SA("main"), "admin", 8000, "PUT", "/api/users/by-subject/5f1c9a52", false, SHOPPER],
  [SA("main"), "admin", 8000, "GET", "/api/user", false, OTHER_ISSUER],
  [SA("main"), "admin", 8000, "GET", "/api/users/7", false, MAIN_ITSELF],
  [SA("main"), "admin", 8000, "GET", "/api/products", false, MAIN_ITSELF],
  [SA("main"), "admin", 8000, "POST", "/api/products", false, ADMINISTRATOR],
  [SA("main"), "admin", 8000, "DELETE", "/api/products/7", false, ADMINISTRATOR],
  [SA("frontend"), "admin", 8000, "PUT", "/api/users/by-subject/5f1c9a52", false, MAIN_ITSELF],
  [SA("frontend"), "admin", 8000, "GET", "/api/products", false],
  [SA("frontend"), "main", 8001, "GET", "/api/products", false],
  [SA("admin"), "main", 8001, "GET", "/api/products", false],
  [SA("main-sync"), "main", 8001, "GET", "/api/products", false],
  [SA("admin"), "rabbitmq", 5672, undefined, undefined, true],
  [SA("main"), "rabbitmq", 5672, undefined, undefined, true],
  [SA("main-sync"), "rabbitmq", 5672, undefined, undefined, true],
  [SA("admin-likes"), "rabbitmq", 5672, undefined, undefined, true],
  [SA("frontend"), "rabbitmq", 5672, undefined, undefined, false],
  [SA("migrate-admin"), "rabbitmq", 5672, undefined, undefined, false],
  [SA("admin"), "rabbitmq", 15672, "GET", "/api/overview", false],
  [SA("admin"), "admin-db", 3306, undefined, undefined, true],
  [SA("admin-likes"), "admin-db", 3306, undefined, undefined, true],
  [SA("migrate-admin"), "admin-db", 3306, undefined, undefined, true],
  [SA("main"), "admin-db", 3306, undefined, undefined, false],
  [SA("main-sync"), "admin-db", 3306, undefined, undefined, false],
  [SA("migrate-main"), "admin-db", 3306, undefined, undefined, false],
  [SA("main"), "main-db", 3306, undefined, undefined, true],
  [SA("main-sync"), "main-db", 3306, undefined, undefined, true],
  [SA("migrate-main"), "main-db", 3306, undefined, undefined, true],
  [SA("admin"), "main-db", 3306, undefined, undefined, false],
  [SA("admin-likes"), "main-db", 3306, undefined, undefined, false],
  [SA("admin"), "main-sync", 8081, "GET", "/health", false],
  [SA("default"), "admin", 8000, "GET", "/api/products", false],
  [SA("main", "elsewhere"), "admin", 8000, "GET", "/api/user", false, MAIN_ITSELF],
  [GATEWAY, "keycloak", 8080, "GET", "/auth/realms/microshop/protocol/openid-connect/auth", true],
  [GATEWAY, "keycloak", 8080, "POST", "/auth/realms/microshop/protocol/openid-connect/token", true],
  [GATEWAY, "keycloak", 8080, "GET", "/auth/admin/master/console/", false],
  [SA("main"), "keycloak", 8080, "POST", "/auth/realms/microshop/protocol/openid-connect/token", true],
  [SA("admin"), "keycloak", 8080, "GET", "/auth/realms/microshop/protocol/openid-connect/certs", true],
  [SA("admin"), "keycloak", 8080, "GET", "/auth/admin/realms/microshop/users", false],
  [SA("frontend"), "keycloak", 8080, "GET", "/auth/realms/microshop/protocol/openid-connect/certs", false],
  [SA("keycloak"), "identity-db", 3306, undefined, undefined, true],
  [SA("admin"), "identity-db", 3306, undefined, undefined, false],
  [SA("main"), "identity-db", 3306, undefined, undefined, false],
];

test("policy table, sidecars: deny by default, exactly the shop's calls allowed", () => {
  const resources = sidecar("all-v1");
  for (const [principal, app, port, method, path, expected, token] of SIDECAR_POLICIES) {
    const request = { principal, namespace: principal.split("/")[2], port, method, path, token };
    assert.equal(allows(resources, { labels: podLabels(resources, app) }, request), expected,
      `${principal} -> ${app}:${port} ${method ?? ""} ${path ?? ""} ${token ? `with groups ${token.groups}` : "without a token"}`);
  }
});

test("policy table, ambient: L4 at the pods, admin's L7 at its waypoint", () => {
  const resources = overlay("ambient");
  const gateway = SA("microshop-istio");
  const waypoint = SA("waypoint");
  const pods = (app, principal, port) => allows(resources, { labels: podLabels(resources, app) }, { principal, port });
  const atWaypoint = (principal, method, path, token) => allows(resources, { service: "admin" }, { principal, port: 8000, method, path, token });
  const atGateway = (method, path, token) => allows(resources, { gateway: "microshop" }, { principal: undefined, port: 80, method, path, token });
  assert.equal(atWaypoint(SA("main"), "PUT", "/api/users/by-subject/5f1c9a52", MAIN_ITSELF), true);
  assert.equal(atWaypoint(SA("main"), "PUT", "/api/users/by-subject/5f1c9a52", SHOPPER), false);
  assert.equal(atWaypoint(SA("main"), "GET", "/api/user", MAIN_ITSELF), true);
  assert.equal(atWaypoint(SA("main"), "GET", "/api/user"), false);
  assert.equal(atWaypoint(SA("main"), "POST", "/api/products", MAIN_ITSELF), false);
  assert.equal(atWaypoint(gateway, "GET", "/api/products"), true);
  assert.equal(atWaypoint(gateway, "POST", "/api/products"), false);
  assert.equal(atWaypoint(gateway, "POST", "/api/products", SHOPPER), false);
  assert.equal(atWaypoint(gateway, "POST", "/api/products", ADMINISTRATOR), true);
  assert.equal(atWaypoint(gateway, "DELETE", "/api/products/7", OTHER_ISSUER), false);
  assert.equal(atGateway("GET", "/main/api/products"), true);
  assert.equal(atGateway("POST", "/main/api/products/7/like"), false);
  assert.equal(atGateway("POST", "/main/api/products/7/like", SHOPPER), true);
  assert.equal(atGateway("POST", "/main/api/products/7/like", MAIN_ITSELF), false);
  assert.equal(atGateway("POST", "/main/api/products/7/like", EXPIRED), false);
  assert.equal(atGateway("POST", "/admin/api/products", SHOPPER), false);
  assert.equal(atGateway("POST", "/admin/api/products", ADMINISTRATOR), true);
  assert.equal(atGateway("DELETE", "/admin/api/products/7", OTHER_AUDIENCE), false);
  assert.equal(atWaypoint(gateway, "GET", "/health/ready"), false);
  assert.equal(atWaypoint(SA("frontend"), "GET", "/api/products"), false);
  assert.equal(pods("admin", waypoint, 8000), true, "the waypoint reaches admin's pods");
  assert.equal(pods("admin", SA("main"), 8000), false, "nobody reaches admin's pods around the waypoint");
  assert.equal(pods("frontend", gateway, 8080), true);
  assert.equal(pods("main", gateway, 8001), true);
  assert.equal(pods("main", SA("frontend"), 8001), false);
  assert.equal(pods("admin-db", SA("admin"), 3306), true);
  assert.equal(pods("admin-db", SA("main"), 3306), false);
  assert.equal(pods("rabbitmq", SA("main-sync"), 5672), true);
  assert.equal(pods("rabbitmq", SA("frontend"), 5672), false);
  assert.equal(pods("keycloak", gateway, 8080), true, "browsers sign in through the gateway");
  assert.equal(pods("keycloak", waypoint, 8080), true, "the waypoint fetches the provider's keys");
  assert.equal(pods("keycloak", SA("main"), 8080), true);
  assert.equal(pods("keycloak", SA("frontend"), 8080), false);
  assert.equal(pods("identity-db", SA("keycloak"), 3306), true);
  assert.equal(pods("identity-db", SA("admin"), 3306), false);
  for (const policy of resources.filter((r) => r.kind === "AuthorizationPolicy" && !r.spec.targetRefs)) {
    for (const rule of policy.spec.rules ?? []) {
      for (const to of rule.to ?? []) {
        assert.deepEqual(Object.keys(to.operation), ["ports"], `${policy.metadata.name}: ztunnel enforces ports only, not L7`);
      }
    }
  }
  assert.ok(named(resources, "AuthorizationPolicy", "admin").spec.targetRefs, "admin's L7 policy names its Service");
});
