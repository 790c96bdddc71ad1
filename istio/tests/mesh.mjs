// Istio's routing and authorization semantics, for the rendered configuration, as far as the
// tables need them: VirtualService matching (first route wins, delegates, prefix rewrites),
// HTTPRoute matching (longest prefix wins), and AuthorizationPolicy evaluation (DENY first, then
// ALLOW if any applies, deny-by-default included).

const matchesString = (rule, value) => value !== undefined && (
  (rule.exact !== undefined && value === rule.exact)
  || (rule.prefix !== undefined && value.startsWith(rule.prefix))
  || (rule.regex !== undefined && new RegExp(`^(?:${rule.regex})$`).test(value)));

/** One HTTPMatchRequest of a VirtualService against a request { path, headers }. */
function matchesRequest(match, request) {
  if (match.uri && !matchesString(match.uri, request.path)) return false;
  return Object.entries(match.headers ?? {}).every(([name, rule]) => matchesString(rule, request.headers?.[name]));
}

/** The first match block of a route that the request satisfies (a route without one matches all). */
const matchOf = (route, request) => (route.match ?? [{}]).find((m) => matchesRequest(m, request));

function rewritten(path, match, rewrite) {
  if (!rewrite?.uri) return path;
  if (match?.uri?.prefix !== undefined) return rewrite.uri + path.slice(match.uri.prefix.length);
  return rewrite.uri;
}

function outcome(route, match, request) {
  return {
    route: route.name,
    path: rewritten(request.path, match, route.rewrite),
    destinations: (route.route ?? []).map((r) => ({
      host: r.destination.host, ...(r.destination.subset ? { subset: r.destination.subset } : {}), weight: r.weight ?? 100,
    })),
    fault: route.fault,
    mirror: route.mirror ? { host: route.mirror.host, subset: route.mirror.subset } : undefined,
    timeout: route.timeout,
    retries: route.retries,
  };
}

function firstRoute(http, request, resources) {
  for (const route of http ?? []) {
    const match = matchOf(route, request);
    if (!match) continue;
    if (route.delegate) {
      const delegate = resources.find((r) => r.kind === "VirtualService" && r.metadata.name === route.delegate.name);
      if (!delegate) return { error: `no delegate VirtualService ${route.delegate.name}` };
      return firstRoute(delegate.spec.http, request, resources);
    }
    return outcome(route, match, request);
  }
  return { error: "no route" };
}

/** Where a sidecar sends a request for `host` (a mesh VirtualService, or the Service itself). */
export function routeInMesh(resources, host, request) {
  const vs = resources.find((r) => r.kind === "VirtualService" && r.spec.hosts?.includes(host)
    && (!r.spec.gateways || r.spec.gateways.includes("mesh")));
  if (!vs) return { path: request.path, destinations: [{ host, weight: 100 }] };
  return firstRoute(vs.spec.http, request, resources);
}

/** Where an Istio Gateway sends a request (the VirtualServices bound to it). */
export function routeAtGateway(resources, gateway, request) {
  const vs = resources.find((r) => r.kind === "VirtualService" && r.spec.gateways?.includes(gateway));
  if (!vs) return { error: `no VirtualService on gateway ${gateway}` };
  return firstRoute(vs.spec.http, request, resources);
}

/** Where a Gateway API HTTPRoute sends a request: the longest matching path prefix, then headers. */
export function routeByHttpRoute(resources, parent, request) {
  const candidates = [];
  for (const route of resources.filter((r) => r.kind === "HTTPRoute" && r.spec.parentRefs.some((p) => p.name === parent))) {
    for (const rule of route.spec.rules) {
      for (const match of rule.matches ?? [{}]) {
        const prefix = match.path?.value ?? "/";
        const onPath = prefix === "/" || request.path === prefix || request.path.startsWith(prefix.replace(/\/$/, "") + "/");
        const onHeaders = (match.headers ?? []).every((h) => request.headers?.[h.name] === h.value);
        if (onPath && onHeaders) candidates.push({ rule, prefix, headers: (match.headers ?? []).length });
      }
    }
  }
  if (!candidates.length) return { error: "no route" };
  candidates.sort((a, b) => b.prefix.length - a.prefix.length || b.headers - a.headers);
  const { rule, prefix } = candidates[0];
  const rewrite = rule.filters?.find((f) => f.type === "URLRewrite")?.urlRewrite?.path;
  const path = rewrite?.type === "ReplacePrefixMatch" ? rewrite.replacePrefixMatch + request.path.slice(prefix.replace(/\/$/, "").length) : request.path;
  return { path, destinations: rule.backendRefs.map((b) => ({ host: b.name, weight: b.weight ?? 1 })) };
}

const matchesPattern = (pattern, value) => value !== undefined && (pattern === "*"
  || (pattern.endsWith("*") ? value.startsWith(pattern.slice(0, -1))
    : pattern.startsWith("*") ? value.endsWith(pattern.slice(1)) : value === pattern));
const anyOf = (patterns, value) => patterns === undefined || patterns.some((p) => matchesPattern(p, value));

const noneOf = (patterns, value) => patterns === undefined || !patterns.some((p) => matchesPattern(p, value));

/** A `when` condition on a token's claim (request.auth.claims[name]), list claims by any element. */
function conditionHolds({ key, values, notValues }, request) {
  const claim = /^request\.auth\.claims\[(\w+)\]$/.exec(key);
  if (!claim) throw new Error(`the tables know no condition on ${key}`);
  const value = request.claims?.[claim[1]];
  if (value === undefined) return false;
  const elements = [].concat(value).map(String);
  return (values === undefined || elements.some((e) => anyOf(values, e)))
    && (notValues === undefined || !elements.some((e) => anyOf(notValues, e)));
}

function ruleMatches(rule, request) {
  const from = !rule.from || rule.from.some(({ source }) => anyOf(source.principals, request.principal)
    && anyOf(source.namespaces, request.namespace)
    && anyOf(source.requestPrincipals, request.requestPrincipal)
    && noneOf(source.notRequestPrincipals, request.requestPrincipal));
  const to = !rule.to || rule.to.some(({ operation }) => anyOf(operation.ports, String(request.port))
    && anyOf(operation.methods, request.method) && anyOf(operation.paths, request.path));
  return from && to && (rule.when ?? []).every((condition) => conditionHolds(condition, request));
}

/** Whether a policy or RequestAuthentication applies to the workload (labels), waypoint (service) or gateway. */
const appliesTo = (resource, { labels, service, gateway }) => {
  if (service || gateway) {
    return (resource.spec.targetRefs ?? []).some((t) => (service ? t.kind === "Service" && t.name === service
      : t.kind === "Gateway" && t.name === gateway));
  }
  return !resource.spec.targetRefs && Object.entries(resource.spec.selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
};

/**
 * What the RequestAuthentications that apply make of a request's token { iss, aud, sub, groups,
 * valid }: none (no token), refused (401: no rule for its issuer and audience, or not valid), or
 * the request principal and claims the policies see.
 */
export function authenticate(resources, target, token) {
  if (!token) return {};
  const rules = resources.filter((r) => r.kind === "RequestAuthentication" && appliesTo(r, target)).flatMap((r) => r.spec.jwtRules);
  const rule = rules.find((r) => r.issuer === token.iss && (!r.audiences || r.audiences.includes(token.aud)));
  if (!rule || token.valid === false) return { refused: true };
  return { requestPrincipal: `${token.iss}/${token.sub}`, claims: token };
}

/**
 * Whether the workload with `labels` (or, with `service`, the waypoint of that Service; with
 * `gateway`, that Gateway) lets the request { principal, namespace, port, method, path, token } in:
 * a token its RequestAuthentications refuse, no; then DENY policies first, then allowed if no
 * ALLOW policy applies or one of their rules matches.
 */
export function allows(resources, target, request) {
  const authenticated = authenticate(resources, target, request.token);
  if (authenticated.refused) return false;
  request = { ...request, ...authenticated };
  const policies = resources.filter((r) => r.kind === "AuthorizationPolicy" && appliesTo(r, target));
  const action = (p) => p.spec.action ?? "ALLOW";
  if (policies.filter((p) => action(p) === "DENY").some((p) => (p.spec.rules ?? []).some((r) => ruleMatches(r, request)))) return false;
  const allowing = policies.filter((p) => action(p) === "ALLOW");
  return allowing.length === 0 || allowing.some((p) => (p.spec.rules ?? []).some((r) => ruleMatches(r, request)));
}
