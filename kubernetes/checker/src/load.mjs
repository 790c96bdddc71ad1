import { parseAllDocuments } from "yaml";

/**
 * Parses a multi-document YAML stream into resources
 * ({ index, doc, kind, name, namespace }) and the problems of documents that are not
 * Kubernetes objects. A `kind: List` is flattened into its items.
 */
export function load(text) {
  const resources = [];
  const problems = [];
  let index = 0;
  const add = (doc) => {
    index += 1;
    const res = {
      index,
      doc,
      kind: typeof doc?.kind === "string" ? doc.kind : "Unknown",
      name: typeof doc?.metadata?.name === "string" ? doc.metadata.name : `document-${index}`,
      namespace: typeof doc?.metadata?.namespace === "string" ? doc.metadata.namespace : "",
    };
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
      problems.push({ res, path: ".", message: "document is not a YAML mapping" });
    } else resources.push(res);
  };
  for (const yamlDoc of parseAllDocuments(text, { uniqueKeys: true })) {
    if (yamlDoc.errors.length) {
      index += 1;
      const res = { index, kind: "YAML", name: `document-${index}` };
      for (const e of yamlDoc.errors) {
        const line = e.linePos?.[0]?.line;
        problems.push({ res, path: line ? `line ${line}` : ".", message: e.message.split("\n")[0].replace(/:$/, "") });
      }
      continue;
    }
    const doc = yamlDoc.toJS({ maxAliasCount: 1000 });
    if (doc === null || doc === undefined) continue; // an empty document, e.g. after a trailing ---
    if (doc?.kind === "List" && Array.isArray(doc.items)) doc.items.forEach(add);
    else add(doc);
  }
  if (!resources.length && !problems.length) {
    problems.push({ res: { index: 0, kind: "Stream", name: "input" }, path: ".", message: "no documents in the input" });
  }
  return { resources, problems };
}
