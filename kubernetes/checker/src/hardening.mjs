// The pod hardening every workload of the shop must have.
import { obj, arr } from "./paths.mjs";
import { podOf, containers } from "./pods.mjs";

const NEEDS_TOKEN = "check.microshop.io/needs-api-token";
const ISTIO_PROXY_UID = 1337;

export function hardening(res) {
  const pod = podOf(res);
  if (!pod) return [];
  const problems = [];
  const bad = (path, message) => problems.push({ path, message });
  const podSc = obj(pod.spec.securityContext);
  if (podSc.runAsUser === ISTIO_PROXY_UID) bad(`${pod.path}.securityContext.runAsUser`, "1337 is the Istio proxy's user: use another");
  for (const { c, path } of containers(pod)) {
    const sc = obj(c.securityContext);
    const scPath = `${path}.securityContext`;
    if (sc.runAsUser === ISTIO_PROXY_UID) bad(`${scPath}.runAsUser`, "1337 is the Istio proxy's user: use another");
    if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) bad(`${scPath}.runAsNonRoot`, "must be true (on the container or the pod)");
    if (sc.allowPrivilegeEscalation !== false) bad(`${scPath}.allowPrivilegeEscalation`, "must be false");
    if (!arr(sc.capabilities?.drop).includes("ALL")) bad(`${scPath}.capabilities.drop`, "must contain ALL");
    if (sc.readOnlyRootFilesystem !== true) bad(`${scPath}.readOnlyRootFilesystem`, "must be true (mount an emptyDir where the app writes)");
    const seccomp = (sc.seccompProfile ?? podSc.seccompProfile)?.type;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") bad(`${scPath}.seccompProfile.type`, `must be RuntimeDefault (on the container or the pod), not ${seccomp ?? "unset"}`);
    const resources = obj(c.resources);
    for (const [kind, name] of [["requests", "cpu"], ["requests", "memory"], ["limits", "memory"]]) {
      if (obj(resources[kind])[name] === undefined) bad(`${path}.resources.${kind}.${name}`, "required (every container needs cpu and memory requests and a memory limit)");
    }
  }
  if (pod.spec.automountServiceAccountToken !== false && pod.annotations[NEEDS_TOKEN] !== "true") {
    bad(`${pod.path}.automountServiceAccountToken`, `must be false (or annotate the pod ${NEEDS_TOKEN}: "true")`);
  }
  const account = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
  if (!account || account === "default") bad(`${pod.path}.serviceAccountName`, "must name the pod's own ServiceAccount, not default");
  return problems;
}
