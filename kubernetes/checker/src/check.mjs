import { load } from "./load.mjs";
import { checkSchema, loadModels } from "./schema.mjs";
import { checkValues } from "./values.mjs";
import { crossCheck } from "./crosscheck.mjs";
import { meshCheck } from "./mesh.mjs";
import { hardening } from "./hardening.mjs";

/** Every problem of a YAML stream, as `<Kind>/<name>: <field path>: <message>` lines in document order. */
export async function check(text) {
  const { resources, problems } = load(text);
  await loadModels(resources.map((r) => r.doc));
  const known = [];
  for (const res of resources) {
    const schema = checkSchema(res.doc);
    problems.push(...schema.map((p) => ({ res, ...p })));
    if (schema.some((p) => p.path === "apiVersion" || p.path === "kind")) continue;
    known.push(res);
    for (const p of [...checkValues(res), ...hardening(res)]) problems.push({ res, ...p });
  }
  problems.push(...crossCheck(known), ...meshCheck(known));
  return problems
    .map((p, order) => ({ ...p, order }))
    .sort((a, b) => a.res.index - b.res.index || a.order - b.order)
    .map(({ res, path, message }) => `${res.kind}/${res.name}: ${path}: ${message}`)
    .filter((line, i, lines) => lines.indexOf(line) === i);
}
