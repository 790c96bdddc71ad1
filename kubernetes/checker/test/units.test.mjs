import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "../src/check.mjs";
import { quantity, portName } from "../src/values.mjs";
import { checkSchema, loadModels } from "../src/schema.mjs";

const schema = async (doc) => (await loadModels([doc]), checkSchema(doc));

test("quantities parse to numbers", () => {
  assert.equal(quantity("100m"), 0.1);
  assert.equal(quantity("128Mi"), 128 * 2 ** 20);
  assert.equal(quantity("1G"), 1e9);
  assert.equal(quantity("1e3"), 1000);
  assert.equal(quantity(2), 2);
  assert.equal(quantity("2E"), 2e18);
  assert.equal(quantity("-.5Ki"), -512);
  assert.ok(Number.isNaN(quantity("128MB")));
});

test("port names are IANA service names", () => {
  assert.equal(portName("http-health"), null);
  assert.match(portName("http-management-port"), /15 characters/);
  assert.match(portName("8080"), /letter/);
  assert.match(portName("http--x"), /single '-'/);
});

test("maps are walked as maps, not as objects with unknown fields", async () => {
  const problems = await schema({
    apiVersion: "networking.istio.io/v1", kind: "DestinationRule",
    metadata: { name: "d", labels: { "app.kubernetes.io/name": "x" }, annotations: { "any.thing/at-all": "y" } },
    spec: { host: "a", subsets: [{ name: "v1", labels: { version: "v1", track: "stable" } }] },
  });
  assert.deepEqual(problems, []);
});

test("unknown fields are found at any depth, also under arrays of arrays", async () => {
  const problems = await schema({
    apiVersion: "v1", kind: "Pod", metadata: { name: "p" },
    spec: {
      containers: [{ name: "c", image: "i" }],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: "k", operator: "In", values: ["v"], valu: 1 }] }] } } },
    },
  });
  assert.deepEqual(problems, [{
    path: "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].valu",
    message: "unknown field",
  }]);
});

test("an int-or-string of the wrong type is one problem", async () => {
  assert.deepEqual(await schema({ apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports: [{ port: 80, targetPort: true }] } }),
    [{ path: "spec.ports[0].targetPort", message: "must be string or integer" }]);
});

test("a kind: List is checked item by item, and YAML errors are problems", async () => {
  const out = await check("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n  dat: {}\n---\na: [\n");
  assert.equal(out[0], "ConfigMap/c: dat: unknown field");
  assert.match(out[1], /^YAML\/document-2: line \d+: /);
});

test("an empty stream is a problem, not a pass", async () => {
  assert.deepEqual(await check("---\n"), ["Stream/input: .: no documents in the input"]);
});

test("references may be declared external on the workload", async () => {
  const valid = await check(`apiVersion: batch/v1
kind: Job
metadata:
  name: j
  annotations:
    check.microshop.io/external-refs: "Secret/shop-db, ServiceAccount/ci"
spec:
  backoffLimit: 1
  template:
    metadata: { labels: { app: j, version: v1 } }
    spec:
      restartPolicy: OnFailure
      serviceAccountName: ci
      automountServiceAccountToken: false
      securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: j
          image: busybox:1.36
          envFrom: [{ secretRef: { name: shop-db } }]
          resources: { requests: { cpu: 10m, memory: 16Mi }, limits: { memory: 32Mi } }
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
`);
  assert.deepEqual(valid, []);
});
