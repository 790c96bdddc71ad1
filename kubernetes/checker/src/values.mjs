// Value rules the API server enforces that the schemas do not state: ranges, name formats,
// label syntax, quantities.
import { at, obj, arr } from "./paths.mjs";
import { podOf, containers, PROBES } from "./pods.mjs";

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const SVC_NAME = /^(?!.*--)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const SUFFIX = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

export const dnsLabel = (s) => (s.length > 63 ? "must be no more than 63 characters"
  : LABEL.test(s) ? null : "must be a DNS-1123 label (lower case alphanumerics and '-', starting and ending with an alphanumeric)");
const dnsSubdomain = (s) => (s.length > 253 ? "must be no more than 253 characters"
  : SUBDOMAIN.test(s) ? null : "must be a DNS-1123 subdomain (lower case alphanumerics, '-' and '.', starting and ending with an alphanumeric)");
const dns1035 = (s) => (s.length > 63 ? "must be no more than 63 characters"
  : DNS1035.test(s) ? null : "must be a DNS-1035 label (lower case alphanumerics and '-', starting with a letter)");
const pathSegment = (s) => (/[/%]/.test(s) || s === "." || s === ".." ? "may not contain '/' or '%', nor be '.' or '..'" : null);
const NAME_RULES = { Service: dns1035, Namespace: dnsLabel, Role: pathSegment, ClusterRole: pathSegment, RoleBinding: pathSegment, ClusterRoleBinding: pathSegment };

/** IANA_SVC_NAME, what a container port name and a named targetPort must be. */
export const portName = (s) => (s.length > 15 ? "must be no more than 15 characters"
  : !SVC_NAME.test(s) ? "must contain only lower case alphanumerics and single '-', starting and ending with an alphanumeric"
  : !/[a-z]/.test(s) ? "must contain at least one letter" : null);

const qualifiedName = (s) => {
  const [prefix, name, extra] = s.split("/");
  if (extra !== undefined || name === undefined && !prefix) return "must be a qualified name ([prefix/]name)";
  if (name !== undefined && (!prefix || dnsSubdomain(prefix))) return "prefix must be a DNS-1123 subdomain";
  const n = name ?? prefix;
  return n.length > 63 ? "name part must be no more than 63 characters"
    : QUALIFIED.test(n) ? null : "name part must be alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
};
const labelValue = (v) => (typeof v !== "string" || v === "" ? null
  : v.length > 63 ? "must be no more than 63 characters"
  : QUALIFIED.test(v) ? null : "must be alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric");

/** A quantity's value as a number, or NaN if it does not parse. */
export function quantity(q) {
  if (typeof q === "number") return q;
  const m = typeof q === "string" && q.match(QUANTITY);
  if (!m) return NaN;
  const suffix = m[2] ?? "";
  return Number(m[1]) * (/^[eE]./.test(suffix) ? 10 ** Number(suffix.slice(1)) : SUFFIX[suffix]);
}

export function checkValues(res) {
  const problems = [];
  const bad = (path, message) => message && problems.push({ path, message });
  const { doc, kind } = res;
  const meta = obj(doc.metadata);
  const spec = obj(doc.spec);

  if (typeof meta.name !== "string" || !meta.name) {
    if (!meta.generateName) bad("metadata.name", "required field missing");
  } else bad("metadata.name", (NAME_RULES[kind] ?? dnsSubdomain)(meta.name));
  if (typeof meta.namespace === "string") bad("metadata.namespace", dnsLabel(meta.namespace));
  labels(bad, "metadata.labels", meta.labels);
  for (const key of Object.keys(obj(meta.annotations))) bad(at("metadata.annotations", key), qualifiedName(key));

  if (["Deployment", "StatefulSet", "ReplicaSet"].includes(kind)) atLeast(bad, "spec.replicas", spec.replicas, 0);
  if (kind === "Deployment" || kind === "StatefulSet" || kind === "DaemonSet") labels(bad, "spec.selector.matchLabels", spec.selector?.matchLabels);
  if (kind === "Job") for (const f of ["backoffLimit", "completions", "parallelism"]) atLeast(bad, `spec.${f}`, spec[f], 0);
  if (kind === "HorizontalPodAutoscaler") {
    atLeast(bad, "spec.minReplicas", spec.minReplicas, 1);
    atLeast(bad, "spec.maxReplicas", spec.maxReplicas, 1);
    if (spec.minReplicas > spec.maxReplicas) bad("spec.minReplicas", `must be no more than maxReplicas (${spec.maxReplicas})`);
  }
  if (kind === "Service") service(bad, spec);
  if (kind === "PersistentVolumeClaim") resourceList(bad, "spec.resources.requests", spec.resources?.requests);
  if (kind === "StatefulSet") {
    arr(spec.volumeClaimTemplates).forEach((t, i) =>
      resourceList(bad, `spec.volumeClaimTemplates[${i}].spec.resources.requests`, t?.spec?.resources?.requests));
  }
  if (kind === "VirtualService") {
    for (const [section, routes] of Object.entries(spec)) {
      arr(routes).forEach((r, i) => arr(r?.route).forEach((d, j) =>
        port(bad, `spec.${section}[${i}].route[${j}].destination.port.number`, d?.destination?.port?.number)));
    }
  }
  const pod = podOf(res);
  if (pod) podValues(bad, pod);
  return problems;
}

function labels(bad, path, map) {
  for (const [key, value] of Object.entries(obj(map))) {
    bad(at(path, key), qualifiedName(key));
    bad(at(path, key), labelValue(value));
  }
}

function atLeast(bad, path, value, min) {
  if (typeof value === "number" && value < min) bad(path, `must be greater than or equal to ${min}`);
}

function port(bad, path, value) {
  if (typeof value === "number" && (value < 1 || value > 65535)) bad(path, "must be between 1 and 65535, inclusive");
}

/** A port given as a number or a name (targetPort, probe ports). */
function portRef(bad, path, value) {
  if (typeof value === "string") bad(path, portName(value));
  else port(bad, path, value);
}

function service(bad, spec) {
  const ports = arr(spec.ports);
  const names = new Set();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    port(bad, `${path}.port`, p?.port);
    if (p?.nodePort !== undefined) port(bad, `${path}.nodePort`, p.nodePort);
    if (p?.targetPort !== undefined) portRef(bad, `${path}.targetPort`, p.targetPort);
    if (typeof p?.name === "string" && p.name) {
      bad(`${path}.name`, dnsLabel(p.name));
      if (names.has(p.name)) bad(`${path}.name`, `duplicate port name ${p.name}`);
      names.add(p.name);
    } else if (ports.length > 1) bad(`${path}.name`, "required when a Service has more than one port");
  });
  labels(bad, "spec.selector", spec.selector);
}

function resourceList(bad, path, list) {
  const values = {};
  for (const [name, q] of Object.entries(obj(list))) {
    const v = quantity(q);
    if (Number.isNaN(v)) continue; // the schema's format "quantity" says so
    if (v < 0) bad(at(path, name), "must be greater than or equal to 0");
    else values[name] = v;
  }
  return values;
}

function podValues(bad, pod) {
  const volumes = new Set();
  arr(pod.spec.volumes).forEach((v, i) => {
    if (typeof v?.name !== "string") return;
    bad(`${pod.path}.volumes[${i}].name`, dnsLabel(v.name));
    if (volumes.has(v.name)) bad(`${pod.path}.volumes[${i}].name`, `duplicate volume name ${v.name}`);
    volumes.add(v.name);
    if (v.emptyDir?.sizeLimit !== undefined) resourceList(bad, `${pod.path}.volumes[${i}].emptyDir`, { sizeLimit: v.emptyDir.sizeLimit });
  });
  const names = new Set();
  const portNames = new Set();
  for (const { c, path, init } of containers(pod)) {
    if (typeof c.name === "string") {
      bad(`${path}.name`, dnsLabel(c.name));
      if (names.has(c.name)) bad(`${path}.name`, `duplicate container name ${c.name}`);
      names.add(c.name);
    }
    if (!c.image) bad(`${path}.image`, "required field missing");
    arr(c.ports).forEach((p, i) => {
      port(bad, `${path}.ports[${i}].containerPort`, p?.containerPort);
      if (p?.hostPort !== undefined) port(bad, `${path}.ports[${i}].hostPort`, p.hostPort);
      if (typeof p?.name !== "string") return;
      bad(`${path}.ports[${i}].name`, portName(p.name));
      if (portNames.has(p.name)) bad(`${path}.ports[${i}].name`, `duplicate port name ${p.name} in the pod`);
      portNames.add(p.name);
    });
    for (const probe of PROBES) {
      const pr = obj(c[probe]);
      if (!c[probe]) continue;
      if (init && c.restartPolicy !== "Always") bad(`${path}.${probe}`, "must not be set for an init container (unless restartPolicy: Always)");
      const handlers = ["exec", "httpGet", "tcpSocket", "grpc"].filter((h) => pr[h]);
      if (handlers.length !== 1) bad(`${path}.${probe}`, "must specify exactly one handler (exec, httpGet, tcpSocket or grpc)");
      for (const h of ["httpGet", "tcpSocket", "grpc"]) if (pr[h]) portRef(bad, `${path}.${probe}.${h}.port`, pr[h].port);
      for (const f of ["periodSeconds", "timeoutSeconds", "failureThreshold", "successThreshold"]) atLeast(bad, `${path}.${probe}.${f}`, pr[f], 1);
      atLeast(bad, `${path}.${probe}.initialDelaySeconds`, pr.initialDelaySeconds, 0);
      if (probe !== "readinessProbe" && pr.successThreshold !== undefined && pr.successThreshold !== 1) bad(`${path}.${probe}.successThreshold`, "must be 1");
    }
    for (const hook of ["postStart", "preStop"]) {
      for (const h of ["httpGet", "tcpSocket"]) {
        const handler = c.lifecycle?.[hook]?.[h];
        if (handler) portRef(bad, `${path}.lifecycle.${hook}.${h}.port`, handler.port);
      }
    }
    const requests = resourceList(bad, `${path}.resources.requests`, c.resources?.requests);
    const limits = resourceList(bad, `${path}.resources.limits`, c.resources?.limits);
    for (const [name, v] of Object.entries(requests)) {
      if (limits[name] !== undefined && v > limits[name]) {
        bad(`${path}.resources.requests.${name}`, `must be less than or equal to the ${name} limit (${c.resources.limits[name]})`);
      }
    }
  }
  labels(bad, pod.labelsPath, pod.labels);
}
