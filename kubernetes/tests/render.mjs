import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "../checker/src/load.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const OVERLAYS = ["local", "nfs", "production-like"];
/** The components an overlay can add, and the ones each overlay already has. */
export const COMPONENTS = ["admin-canary", "network-policies", "autoscaling", "rabbitmq-cluster", "tracing"];
export const INCLUDED = { local: [], nfs: [], "production-like": ["autoscaling", "rabbitmq-cluster"] };

/**
 * A copy of kubernetes/, istio/ and scripts/make-secrets.sh (with the scripts/lib/common.sh it sources) in a directory of its own, so that a
 * test can generate secrets, change a file or add a kustomization without touching the repository.
 */
export function workspace({ secrets = true } = {}) {
  const root = mkdtempSync(join(tmpdir(), "microshop-kubernetes-"));
  for (const folder of ["kubernetes", "istio"]) {
    cpSync(join(ROOT, folder), join(root, folder), {
      recursive: true,
      filter: (path) => !path.includes("node_modules") && !path.includes("generated-by-scripts-make-secrets.sh"),
    });
  }
  mkdirSync(join(root, "scripts", "lib"), { recursive: true });
  cpSync(join(ROOT, "scripts", "make-secrets.sh"), join(root, "scripts", "make-secrets.sh"));
  cpSync(join(ROOT, "scripts", "lib", "common.sh"), join(root, "scripts", "lib", "common.sh"));
  if (secrets) execFileSync(join(root, "scripts", "make-secrets.sh"), { stdio: "pipe" });
  return root;
}

/** `kubectl kustomize DIR`: { code, stdout, stderr }. */
export function kustomize(dir) {
  const result = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 1 << 26 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `kubectl kustomize DIR` with DIR's kustomization.yaml changed by `edit` for the time of the
 * rendering (a workspace's copy: the repository's files are never touched).
 */
export function kustomizeEdited(dir, edit) {
  const file = join(dir, "kustomization.yaml");
  const original = readFileSync(file, "utf8");
  writeFileSync(file, edit(original));
  try {
    return kustomize(dir);
  } finally {
    writeFileSync(file, original);
  }
}

/**
 * A kubernetes overlay with extra components, as a user adds them: listed in the overlay's own
 * `components:` before `images`, so that the images and the namespace reach what they add.
 */
export function renderWithComponents(root, overlay, components) {
  const images = "  - ../../components/images\n";
  const added = components.map((c) => `  - ../../components/${c}\n`).join("");
  const { code, stdout, stderr } = kustomizeEdited(join(root, "kubernetes", "overlays", overlay), (text) => {
    if (!text.includes(images)) throw new Error(`${overlay} has no images component to add before`);
    return text.replace(images, added + images);
  });
  if (code !== 0) throw new Error(`${overlay} with ${components.join(", ")} failed: ${stderr}`);
  return { text: stdout, resources: documents(stdout) };
}

/** The documents of a rendered stream. */
export const documents = (text) => load(text).resources.map((r) => r.doc);

/** The rendered documents of a directory; fails with kustomize's message if it does not build. */
export function render(dir) {
  const { code, stdout, stderr } = kustomize(dir);
  if (code !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${stderr}`);
  return { text: stdout, resources: documents(stdout) };
}

export const named = (resources, kind, name) => resources.find((r) => r.kind === kind && r.metadata.name === name);
export const read = (path) => readFileSync(join(ROOT, path), "utf8");
