// Checks over the mesh's documents: what VirtualServices, DestinationRules, HTTPRoutes,
// AuthorizationPolicies and RequestAuthentications name must exist in the set and select
// something, as Istio needs; a rule on request principals or token claims needs a
// RequestAuthentication where it applies, or it can never match.
import { obj, arr, at } from "./paths.mjs";
import { podOf, selects, externalRefs } from "./pods.mjs";

const L7_OPERATION = ["methods", "notMethods", "paths", "notPaths", "hosts", "notHosts"];

export function meshCheck(resources) {
  const problems = [];
  const bad = (res, path, message) => problems.push({ res, path, message });
  const find = (kind, namespace, name) => resources.find((r) => r.kind === kind && r.namespace === namespace && r.name === name);
  const pods = resources.map((res) => ({ res, pod: podOf(res) })).filter((p) => p.pod);
  const podsOf = (namespace, selector) => pods.filter(({ res, pod }) => res.namespace === namespace && selects(selector, pod.labels));
  const external = (res) => externalRefs(res.doc.metadata?.annotations);
  const ambient = new Set(resources.filter((r) => r.kind === "Namespace"
    && obj(r.doc.metadata?.labels)["istio.io/dataplane-mode"] === "ambient").map((r) => r.name));

  /** The Service a host names in the resource's namespace, or undefined for a host outside the set. */
  const serviceOf = (res, host) => {
    const short = String(host).replace(new RegExp(`\\.${res.namespace}(\\.svc(\\.cluster\\.local)?)?$`), "");
    return short.includes(".") || short.includes("*") ? null : find("Service", res.namespace, short) ?? false;
  };
  const needService = (res, path, host) => {
    if (serviceOf(res, host) === false && !external(res).has(`Service/${host}`)) bad(res, path, `host ${host} is not a Service in the set`);
  };

  for (const res of resources) {
    const spec = obj(res.doc.spec);
    if (res.kind === "VirtualService") virtualService(res, spec);
    if (res.kind === "DestinationRule") destinationRule(res, spec);
    if (res.kind === "HTTPRoute") httpRoute(res, spec);
    if (res.kind === "AuthorizationPolicy") authorizationPolicy(res, spec);
    if (res.kind === "RequestAuthentication") requestAuthentication(res, spec);
  }
  return problems;

  /** Whether a RequestAuthentication of the namespace applies where the policy does. */
  function tokensCheckedFor(res, spec) {
    const authentications = resources.filter((r) => r.kind === "RequestAuthentication" && r.namespace === res.namespace);
    const refs = (s) => arr(s.targetRefs).map((ref) => `${obj(ref).kind}/${obj(ref).name}`);
    return authentications.some((ra) => {
      const raSpec = obj(ra.doc.spec);
      if (spec.targetRefs) return refs(raSpec).some((ref) => refs(spec).includes(ref));
      if (raSpec.targetRefs) return false;
      const raSelector = obj(raSpec.selector).matchLabels;
      if (!raSelector) return true;
      const policySelector = obj(spec.selector).matchLabels;
      const governed = policySelector ? podsOf(res.namespace, policySelector) : pods.filter((p) => p.res.namespace === res.namespace);
      return governed.some(({ pod }) => selects(raSelector, pod.labels));
    });
  }

  /** What a security policy applies to (its selector, or its targetRefs) must be in the set. */
  function appliesToSomething(res, spec) {
    const selector = obj(spec.selector).matchLabels;
    if (spec.selector && spec.targetRefs) bad(res, "spec", "selector and targetRefs together: Istio takes neither as meant");
    if (selector && !podsOf(res.namespace, selector).length) {
      bad(res, "spec.selector.matchLabels", `${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(",")} selects no pod in the set`);
    }
    arr(spec.targetRefs).forEach((ref, i) => {
      ref = obj(ref);
      if (!find(ref.kind, res.namespace, ref.name)) bad(res, `spec.targetRefs[${i}]`, `${ref.kind} ${ref.name} is not in the set`);
    });
  }

  function requestAuthentication(res, spec) {
    appliesToSomething(res, spec);
    arr(spec.jwtRules).forEach((rule, i) => {
      rule = obj(rule);
      if (!rule.issuer) bad(res, `spec.jwtRules[${i}].issuer`, "a rule without an issuer");
      let host;
      try {
        host = new URL(String(rule.jwksUri)).hostname;
      } catch {
        if (rule.jwksUri !== undefined) bad(res, `spec.jwtRules[${i}].jwksUri`, `${rule.jwksUri} is not a URL`);
        return;
      }
      needService(res, `spec.jwtRules[${i}].jwksUri`, host);
    });
  }

  function subsetsOf(res, host) {
    const rule = resources.find((r) => r.kind === "DestinationRule" && r.namespace === res.namespace
      && serviceOf(r, obj(r.doc.spec).host)?.name === serviceOf(res, host)?.name);
    return rule ? arr(obj(rule.doc.spec).subsets).map((s) => obj(s).name) : [];
  }

  function virtualService(res, spec) {
    for (const [i, gateway] of arr(spec.gateways).entries()) {
      if (gateway !== "mesh" && !String(gateway).includes("/") && !find("Gateway", res.namespace, gateway)) {
        bad(res, `spec.gateways[${i}]`, `Gateway ${gateway} is not in the set`);
      }
    }
    const delegated = resources.some((r) => r.kind === "VirtualService" && arr(obj(r.doc.spec).http)
      .some((h) => obj(obj(h).delegate).name === res.name));
    if (!arr(spec.hosts).length && !delegated) bad(res, "spec.hosts", "no hosts, and no VirtualService delegates to it");
    arr(spec.http).forEach((route, i) => {
      route = obj(route);
      const path = `spec.http[${i}]`;
      if (route.delegate) {
        const target = find("VirtualService", obj(route.delegate).namespace ?? res.namespace, obj(route.delegate).name);
        if (!target) bad(res, `${path}.delegate.name`, `VirtualService ${obj(route.delegate).name} is not in the set`);
        else if (arr(obj(target.doc.spec).hosts).length) bad(res, `${path}.delegate.name`, `${target.name} has hosts: a delegate must not`);
        return;
      }
      if (!arr(route.route).length && !route.redirect && !route.directResponse) bad(res, path, "a route without a destination");
      const weights = arr(route.route).map((d) => obj(d).weight);
      if (arr(route.route).length > 1 || weights.some((w) => w !== undefined)) {
        const total = weights.reduce((sum, w) => sum + (w ?? 0), 0);
        if (total !== 100) bad(res, `${path}.route`, `weights total ${total}, not 100`);
      }
      const targets = [...arr(route.route).map((d, j) => [`${path}.route[${j}].destination`, obj(obj(d).destination)]),
        ...(route.mirror ? [[`${path}.mirror`, obj(route.mirror)]] : [])];
      for (const [where, destination] of targets) {
        needService(res, `${where}.host`, destination.host);
        if (destination.subset && !subsetsOf(res, destination.host).includes(destination.subset)) {
          bad(res, `${where}.subset`, `subset ${destination.subset} of ${destination.host} is in no DestinationRule`);
        }
      }
    });
  }

  function destinationRule(res, spec) {
    needService(res, "spec.host", spec.host);
    const service = serviceOf(res, spec.host);
    if (!service) return;
    const selector = obj(obj(service.doc.spec).selector);
    arr(spec.subsets).forEach((subset, i) => {
      const labels = { ...selector, ...obj(obj(subset).labels) };
      if (!podsOf(res.namespace, labels).length) {
        bad(res, `spec.subsets[${i}].labels`, `subset ${obj(subset).name} selects no pod of Service ${service.name}`);
      }
    });
  }

  function httpRoute(res, spec) {
    arr(spec.parentRefs).forEach((ref, i) => {
      ref = obj(ref);
      if (ref.namespace && ref.namespace !== res.namespace) return;
      const kind = ref.kind ?? "Gateway";
      if (!find(kind, res.namespace, ref.name) && !external(res).has(`${kind}/${ref.name}`)) {
        bad(res, `spec.parentRefs[${i}].name`, `${kind} ${ref.name} is not in the set`);
      }
    });
    arr(spec.rules).forEach((rule, i) => arr(obj(rule).backendRefs).forEach((ref, j) => {
      ref = obj(ref);
      if ((ref.kind ?? "Service") !== "Service" || (ref.namespace && ref.namespace !== res.namespace)) return;
      const service = find("Service", res.namespace, ref.name);
      const where = `spec.rules[${i}].backendRefs[${j}]`;
      if (!service) bad(res, `${where}.name`, `Service ${ref.name} is not in the set`);
      else if (!arr(obj(service.doc.spec).ports).some((p) => obj(p).port === ref.port)) {
        bad(res, `${where}.port`, `Service ${ref.name} has no port ${ref.port}`);
      }
    }));
  }

  function authorizationPolicy(res, spec) {
    appliesToSomething(res, spec);
    arr(spec.rules).forEach((rule, i) => {
      rule = obj(rule);
      arr(rule.from).forEach((from, j) => arr(obj(obj(from).source).principals).forEach((principal, k) => {
        const [, ns, sa] = /^cluster\.local\/ns\/([^/]+)\/sa\/([^/*]+)$/.exec(principal) ?? [];
        if (ns !== res.namespace || external(res).has(`ServiceAccount/${sa}`)) return;
        const where = `spec.rules[${i}].from[${j}].source.principals[${k}]`;
        if (!find("ServiceAccount", ns, sa)) bad(res, where, `ServiceAccount ${sa} is not in the set`);
        else if (!pods.some(({ res: w, pod }) => w.namespace === ns && pod.spec.serviceAccountName === sa)) {
          bad(res, where, `ServiceAccount ${sa} is used by no workload in the set`);
        }
      }));
      const onTokens = arr(rule.from).some((from) => ["requestPrincipals", "notRequestPrincipals"]
        .some((f) => obj(obj(from).source)[f])) || arr(rule.when).some((w) => String(obj(w).key).startsWith("request.auth."));
      if (onTokens && !tokensCheckedFor(res, spec)) {
        bad(res, at("spec.rules", i), "a rule on request principals or token claims, but no RequestAuthentication applies here: it can never match");
      }
      const l7 = arr(rule.to).some((to) => L7_OPERATION.some((f) => obj(obj(to).operation)[f]))
        || arr(rule.when).some((w) => String(obj(w).key).startsWith("request."));
      if (l7 && !spec.targetRefs && ambient.has(res.namespace)) {
        bad(res, at("spec.rules", i), "L7 rules in an ambient namespace need targetRefs (a waypoint); ztunnel enforces L4 only");
      }
    });
  }
}
