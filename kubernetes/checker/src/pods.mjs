import { obj, arr } from "./paths.mjs";

const TEMPLATE = {
  Deployment: ["spec", "template"],
  StatefulSet: ["spec", "template"],
  DaemonSet: ["spec", "template"],
  ReplicaSet: ["spec", "template"],
  Job: ["spec", "template"],
  CronJob: ["spec", "jobTemplate", "spec", "template"],
};
const CONTROLLERS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]);

/**
 * The pod a resource runs, or null: { spec, labels, annotations (the workload's and the
 * template's), path (of the pod spec), labelsPath }.
 */
export function podOf(res) {
  const { doc, kind } = res;
  if (kind === "Pod") {
    return { spec: obj(doc.spec), labels: obj(doc.metadata?.labels), annotations: obj(doc.metadata?.annotations), path: "spec", labelsPath: "metadata.labels" };
  }
  const keys = TEMPLATE[kind];
  if (!keys || !String(doc.apiVersion).match(/^(apps|batch)\/v1$/)) return null;
  const template = obj(keys.reduce((node, key) => obj(node)[key], doc));
  const base = keys.join(".");
  return {
    spec: obj(template.spec),
    labels: obj(template.metadata?.labels),
    annotations: { ...obj(doc.metadata?.annotations), ...obj(template.metadata?.annotations) },
    path: `${base}.spec`,
    labelsPath: `${base}.metadata.labels`,
  };
}

export const isController = (res) => CONTROLLERS.has(res.kind);

/** Every init and regular container of a pod spec, with its path and whether it is an init container. */
export function containers(pod) {
  return ["initContainers", "containers"].flatMap((field) =>
    arr(pod.spec[field]).map((c, i) => ({ c: obj(c), path: `${pod.path}.${field}[${i}]`, init: field === "initContainers" })));
}

export const PROBES = ["startupProbe", "livenessProbe", "readinessProbe"];

/** The port a container declares for a probe's port (a number or a port name), or undefined. */
export function containerPort(c, port) {
  return arr(c.ports).find((p) => (typeof port === "number" ? p?.containerPort === port : p?.name === port));
}

/** Whether labels carry every key/value of a selector's map. */
export const selects = (selector, labels) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The annotation naming what a resource refers to that is created outside the set. */
export const EXTERNAL = "check.microshop.io/external-refs";

/** The `Kind/name` entries of that annotation in an annotations map. */
export const externalRefs = (annotations) =>
  new Set(String(obj(annotations)[EXTERNAL] ?? "").split(",").map((s) => s.trim()).filter(Boolean));
