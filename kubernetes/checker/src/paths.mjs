// Field paths as kubectl prints them: spec.ports[0].name, metadata.annotations["a.b/c"].

export function at(path, key) {
  if (typeof key === "number") return `${path}[${key}]`;
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

/** The field path of an ajv instancePath (a JSON pointer) inside doc. */
export function fromPointer(doc, pointer) {
  let path = "";
  let node = doc;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    const index = Array.isArray(node) ? Number(key) : key;
    path = at(path, index);
    node = node?.[index];
  }
  return path || ".";
}

export const obj = (x) => (x && typeof x === "object" && !Array.isArray(x) ? x : {});
export const arr = (x) => (Array.isArray(x) ? x : []);
