// Schema validation with the kubernetes-models packages, plus the unknown-field walk.
//
// The packages ship no JSON schemas: each model's `.validate()` runs an ajv validator that was
// compiled from the OpenAPI/CRD schema to plain code (node_modules/*/_schemas/*.js). That code
// reads every property the schema declares (`data.imagePullPolicy`, present or not) and walks
// every key of a map (`for (key in data)` for labels, data, …), following $ref, allOf, oneOf
// and anyOf. So the walk runs `.validate()` on the document wrapped in proxies that record
// which keys the validator read: a key the validator never read is not in the schema. An
// object of which it read nothing is free-form (x-kubernetes-preserve-unknown-fields, an
// untyped map) and is not walked.
import { fromPointer, at } from "./paths.mjs";

const PACKAGES = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "batch/v1": "kubernetes-models/batch/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "rbac.authorization.k8s.io/v1": "kubernetes-models/rbac.authorization.k8s.io/v1",
  "networking.istio.io/v1": "@kubernetes-models/istio/networking.istio.io/v1",
  "security.istio.io/v1": "@kubernetes-models/istio/security.istio.io/v1",
  "telemetry.istio.io/v1": "@kubernetes-models/istio/telemetry.istio.io/v1",
  "gateway.networking.k8s.io/v1": "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1",
};
const models = new Map(); // "apiVersion kind" -> a promise of the model class, or of null

/** Loads the model classes the documents need: a module each, faster than whole packages. */
export async function loadModels(docs) {
  for (const { apiVersion, kind } of docs) {
    const key = `${apiVersion} ${kind}`;
    if (models.has(key)) continue;
    const known = Object.hasOwn(PACKAGES, apiVersion) && /^[A-Z][A-Za-z0-9]*$/.test(kind);
    models.set(key, known ? import(`${PACKAGES[apiVersion]}/${kind}`).then(
      (mod) => (mod[kind]?.apiVersion === apiVersion && mod[kind]?.kind === kind ? mod[kind] : null),
      () => null) : null);
  }
  for (const [key, model] of models) models.set(key, await model);
}

/** Problems ({ path, message }) of one document against its schema (after loadModels). */
export function checkSchema(doc) {
  const Model = models.get(`${doc.apiVersion} ${doc.kind}`);
  if (Model === undefined) throw new Error("loadModels first");
  if (!Model) {
    return [Object.hasOwn(PACKAGES, doc.apiVersion)
      ? { path: "kind", message: `unknown kind ${doc.kind} in ${doc.apiVersion}` }
      : { path: "apiVersion", message: `unknown apiVersion/kind ${doc.apiVersion}/${doc.kind}` }];
  }
  const reads = new Map(); // each object of the document -> { path, keys the validator read, proxy }
  const trace = (value, path) => {
    if (value === null || typeof value !== "object") return value;
    if (!reads.has(value)) {
      const keys = new Set();
      const proxy = new Proxy(value, {
        get(target, key) {
          if (typeof key !== "string") return Reflect.get(target, key);
          keys.add(key); // also a key it looks for and does not find: then the object is typed
          if (!Object.hasOwn(target, key)) return Reflect.get(target, key);
          return trace(target[key], at(path, Array.isArray(target) ? Number(key) : key));
        },
      });
      reads.set(value, { path, keys, proxy });
    }
    return reads.get(value).proxy;
  };
  let errors = [];
  try {
    Model.prototype.validate.call(trace(doc, ""));
  } catch (e) {
    if (!e.errors) throw e;
    errors = e.errors;
  }
  const problems = schemaErrors(doc, errors);
  for (const [value, { path, keys }] of reads) {
    if (Array.isArray(value) || keys.size === 0) continue;
    for (const key of Object.keys(value)) {
      if (!keys.has(key)) problems.push({ path: at(path, key), message: "unknown field" });
    }
  }
  return problems;
}

// ajv reports an int-or-string as one error per branch plus one for the anyOf, and two
// mutually exclusive fields (Istio's oneOf of `not anyOf required` and one `required` per
// field) as a "not" and a oneOf error: one message each.
function schemaErrors(doc, errors) {
  const byPath = new Map();
  for (const e of errors) {
    const pointer = e.keyword === "required" ? `${e.instancePath}/${e.params.missingProperty}` : e.instancePath;
    const list = byPath.get(pointer) ?? [];
    list.push(e);
    byPath.set(pointer, list);
  }
  const problems = [];
  for (let [pointer, list] of byPath) {
    const path = fromPointer(doc, pointer);
    const combinator = list.find((e) => e.keyword === "anyOf" || (e.keyword === "oneOf" && !e.params.passingSchemas));
    if (combinator) {
      const branches = list.filter((e) => e !== combinator);
      const specific = branches.filter((e) => e.keyword !== "type");
      if (specific.length) list = specific;
      else {
        problems.push({ path, message: `must be ${branches.map((e) => e.params.type).join(" or ")}` });
        continue;
      }
    }
    const exclusive = list.find((e) => e.keyword === "oneOf" && Array.isArray(e.params.passingSchemas));
    if (exclusive) {
      problems.push({ path, message: "sets more than one of a set of mutually exclusive fields (oneOf)" });
      list = list.filter((e) => e !== exclusive && e.keyword !== "not");
    }
    for (const e of list) problems.push({ path, message: message(e) });
  }
  return problems;
}

function message(e) {
  switch (e.keyword) {
    case "required": return "required field missing";
    case "enum": return `${e.message}: ${e.params.allowedValues.join(", ")}`;
    default: return e.message;
  }
}
