// Checks over the whole set: what refers to what, and the mesh's conventions.
import { readFileSync } from "node:fs";
import { obj, arr, at } from "./paths.mjs";
import { podOf, isController, containers, containerPort, selects, PROBES, EXTERNAL, externalRefs } from "./pods.mjs";

const APPS = JSON.parse(readFileSync(new URL("../apps.json", import.meta.url), "utf8"));
const ISTIO_PORT_NAME = /^(http|http2|https|grpc|grpc-web|tcp|tls|mongo|mysql|redis|udp)(-.*)?$/;
const TCP_ONLY_PORTS = new Set([3306, 5672, 25672, 4369]); // MySQL; RabbitMQ AMQP, clustering, epmd
const TCP_PROTOCOL = /^(tcp|mysql)(-.*)?$/;

export function crossCheck(resources) {
  const problems = [];
  const bad = (res, path, message) => problems.push({ res, path, message });
  const byKey = new Map();
  for (const res of resources) {
    const key = `${res.kind}/${res.namespace}/${res.name}`;
    const first = byKey.get(key);
    if (first) bad(res, "metadata.name", `duplicate ${res.kind} ${res.name}${res.namespace ? ` in namespace ${res.namespace}` : ""} (first in document ${first.index})`);
    else byKey.set(key, res);
  }
  const pods = resources.map((res) => ({ res, pod: podOf(res) })).filter((p) => p.pod);
  for (const { res, pod } of pods) {
    podLabels(bad, res, pod);
    probes(bad, res, pod);
    references(bad, res, pod, byKey);
    if (res.kind === "Job" || res.kind === "CronJob") job(bad, res, pod);
  }
  for (const res of resources) if (res.kind === "Service") service(bad, res, pods);
  return problems;
}

function podLabels(bad, res, pod) {
  for (const label of ["app", "version"]) {
    if (typeof pod.labels[label] !== "string") bad(res, pod.labelsPath, `missing label ${label} (every pod needs app and version)`);
  }
  if (!isController(res)) return;
  for (const [k, v] of Object.entries(obj(res.doc.spec?.selector?.matchLabels))) {
    if (pod.labels[k] !== v) bad(res, at("spec.selector.matchLabels", k), `${k}=${v} is not a label of the pod template`);
  }
}

function service(bad, res, pods) {
  const spec = obj(res.doc.spec);
  const selector = obj(spec.selector);
  const selected = Object.keys(selector).length
    ? pods.filter(({ res: w, pod }) => w.namespace === res.namespace && selects(selector, pod.labels)) : null;
  if (selected?.length === 0) {
    bad(res, "spec.selector", `${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(",")} matches no pod template in the set`);
  }
  arr(spec.ports).forEach((p, i) => {
    p = obj(p);
    const path = `spec.ports[${i}]`;
    const target = p.targetPort ?? p.port;
    const resolved = [];
    for (const { res: w, pod } of selected ?? []) {
      const found = containers(pod).map(({ c }) => containerPort(c, target)).find(Boolean);
      if (found) resolved.push(found);
      else bad(res, `${path}.targetPort`, `${target} is not a container port of ${w.kind}/${w.name}`);
    }
    const protocol = p.appProtocol ?? p.name;
    if (!p.appProtocol && !p.name) bad(res, `${path}.name`, "unnamed port: Istio needs a name <protocol>[-suffix] or an appProtocol");
    else if (!p.appProtocol && !ISTIO_PORT_NAME.test(p.name)) {
      bad(res, `${path}.name`, `${p.name} does not follow Istio's <protocol>[-suffix] (http, http2, https, grpc, grpc-web, tcp, tls, mongo, mysql, redis, udp) and the port sets no appProtocol`);
    }
    const numbers = [p.port, target, ...resolved.map((c) => c.containerPort)];
    const tcpOnly = numbers.find((n) => TCP_ONLY_PORTS.has(n));
    if (tcpOnly && protocol && !TCP_PROTOCOL.test(String(protocol).toLowerCase())) {
      bad(res, `${path}.${p.appProtocol ? "appProtocol" : "name"}`, `port ${tcpOnly} (database or broker) must be TCP for Istio: name it tcp[-…] or mysql[-…] or set appProtocol tcp, not ${protocol}`);
    }
  });
}

const imageName = (image) => String(image ?? "").replace(/@.*$/, "").replace(/:[^/]*$/, "").split("/").pop();
const serves = (app, path) => app.serves.some((s) => (s.endsWith("*") ? path.startsWith(s.slice(0, -1)) : path === s));

function probes(bad, res, pod) {
  for (const { c, path, init } of containers(pod)) {
    const name = imageName(c.image);
    const app = APPS[name];
    const sidecar = !init || c.restartPolicy === "Always"; // only these run beside the pod, probed
    for (const probe of PROBES) {
      const ppath = `${path}.${probe}`;
      const required = sidecar && app?.probes?.[probe];
      const httpGet = c[probe]?.httpGet;
      if (required && !httpGet) {
        bad(res, ppath, `${name} needs an httpGet ${probe} on ${required}`);
        continue;
      }
      for (const h of ["httpGet", "tcpSocket", "grpc"]) {
        const target = c[probe]?.[h]?.port;
        if (target !== undefined && !containerPort(c, target)) bad(res, `${ppath}.${h}.port`, `${target} is not a port of container ${c.name}`);
      }
      if (!httpGet || !app) continue;
      const declared = containerPort(c, httpGet.port);
      if (declared && declared.name !== app.port) bad(res, `${ppath}.httpGet.port`, `${name} serves its probes on the port named ${app.port}, not ${httpGet.port}`);
      const served = String(httpGet.path ?? "/").split("?")[0];
      if (required && served !== required) bad(res, `${ppath}.httpGet.path`, `${name}'s ${probe} must be ${required}, not ${served}`);
      else if (!serves(app, served)) bad(res, `${ppath}.httpGet.path`, `${served} is not served by ${name} (it serves ${app.serves.join(", ")})`);
    }
  }
}

function references(bad, res, pod, byKey) {
  const external = externalRefs(pod.annotations);
  const find = (kind, name) => byKey.get(`${kind}/${res.namespace}/${name}`);
  const need = (path, kind, name, { optional, keys = [] } = {}) => {
    if (typeof name !== "string" || external.has(`${kind}/${name}`)) return;
    const target = find(kind, name);
    if (!target) {
      if (!optional) bad(res, path, `${kind} ${name} is not in the set (list it in the annotation ${EXTERNAL} if it is created elsewhere)`);
      return;
    }
    const have = kind === "Secret" ? { ...obj(target.doc.data), ...obj(target.doc.stringData) }
      : { ...obj(target.doc.data), ...obj(target.doc.binaryData) };
    for (const [keyPath, key] of keys) {
      if (!optional && typeof key === "string" && !Object.hasOwn(have, key)) bad(res, keyPath, `${kind} ${name} has no key ${key}`);
    }
  };
  const items = (path, source) => arr(source?.items).map((item, i) => [`${path}.items[${i}].key`, item?.key]);
  const spec = pod.spec;
  const volumes = new Set(arr(spec.volumes).map((v) => v?.name));
  for (const t of arr(res.kind === "StatefulSet" ? res.doc.spec?.volumeClaimTemplates : [])) volumes.add(t?.metadata?.name);

  arr(spec.volumes).forEach((v, i) => {
    const path = `${pod.path}.volumes[${i}]`;
    v = obj(v);
    if (v.configMap) need(`${path}.configMap.name`, "ConfigMap", v.configMap.name, { optional: v.configMap.optional, keys: items(`${path}.configMap`, v.configMap) });
    if (v.secret) need(`${path}.secret.secretName`, "Secret", v.secret.secretName, { optional: v.secret.optional, keys: items(`${path}.secret`, v.secret) });
    if (v.persistentVolumeClaim) need(`${path}.persistentVolumeClaim.claimName`, "PersistentVolumeClaim", v.persistentVolumeClaim.claimName);
    arr(v.projected?.sources).forEach((s, j) => {
      const spath = `${path}.projected.sources[${j}]`;
      for (const [field, kind] of [["configMap", "ConfigMap"], ["secret", "Secret"]]) {
        const src = s?.[field];
        if (src) need(`${spath}.${field}.name`, kind, src.name, { optional: src.optional, keys: items(`${spath}.${field}`, src) });
      }
    });
  });
  for (const { c, path } of containers(pod)) {
    arr(c.env).forEach((e, i) => {
      const from = obj(e?.valueFrom);
      const epath = `${path}.env[${i}].valueFrom`;
      for (const [field, kind] of [["configMapKeyRef", "ConfigMap"], ["secretKeyRef", "Secret"]]) {
        const ref = from[field];
        if (ref) need(`${epath}.${field}.name`, kind, ref.name, { optional: ref.optional, keys: [[`${epath}.${field}.key`, ref.key]] });
      }
    });
    arr(c.envFrom).forEach((e, i) => {
      if (e?.configMapRef) need(`${path}.envFrom[${i}].configMapRef.name`, "ConfigMap", e.configMapRef.name, { optional: e.configMapRef.optional });
      if (e?.secretRef) need(`${path}.envFrom[${i}].secretRef.name`, "Secret", e.secretRef.name, { optional: e.secretRef.optional });
    });
    for (const field of ["volumeMounts", "volumeDevices"]) {
      arr(c[field]).forEach((m, i) => {
        if (!volumes.has(m?.name)) bad(res, `${path}.${field}[${i}].name`, `${m?.name} is not a volume of the pod`);
      });
    }
  }
  arr(spec.imagePullSecrets).forEach((s, i) => need(`${pod.path}.imagePullSecrets[${i}].name`, "Secret", s?.name));
  if (spec.serviceAccountName && spec.serviceAccountName !== "default") {
    need(`${pod.path}.serviceAccountName`, "ServiceAccount", spec.serviceAccountName);
  }
}

function job(bad, res, pod) {
  const jobSpec = res.kind === "Job" ? obj(res.doc.spec) : obj(res.doc.spec?.jobTemplate?.spec);
  const base = res.kind === "Job" ? "spec" : "spec.jobTemplate.spec";
  const policy = pod.spec.restartPolicy;
  if (policy !== "Never" && policy !== "OnFailure") bad(res, `${pod.path}.restartPolicy`, `must be Never or OnFailure for a Job, not ${policy ?? "unset (Always)"}`);
  if (jobSpec.backoffLimit === undefined) bad(res, `${base}.backoffLimit`, "must be set explicitly (the default retries 6 times)");
}
