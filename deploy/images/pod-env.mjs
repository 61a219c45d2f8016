// How Kubernetes would run a service's container, read from a built overlay (`kubectl kustomize`), for
// deploy/images/check:
//
//   node pod-env.mjs OVERLAY.yaml SERVICE ENV_FILE
//
// Writes the container's environment to ENV_FILE (KEY=VALUE lines for `podman run --env-file`): every
// ConfigMap of its envFrom, then its literal env values, in Kubernetes' order (later wins). Variables taken
// from a Secret or the downward API are listed on stderr, for the caller to supply. Prints on stdout the
// `podman run` options that match the pod's security context and resources, one per line: --user, --read-only,
// --tmpfs for each emptyDir mount (with its sizeLimit), --memory (the memory limit), --cap-drop and
// --security-opt no-new-privileges.
import fs from "node:fs";
import { createRequire } from "node:module";

// The yaml package of deploy/kubernetes/.validate (pinned by its package-lock.json; the caller runs npm ci there).
const YAML = createRequire(new URL("../kubernetes/.validate/package.json", import.meta.url))("yaml");

const [overlay, service, envFile] = process.argv.slice(2);
if (!overlay || !service || !envFile) {
  console.error("usage: node pod-env.mjs OVERLAY.yaml SERVICE ENV_FILE");
  process.exit(2);
}
const objs = YAML.parseAllDocuments(fs.readFileSync(overlay, "utf8")).map((d) => d.toJS()).filter(Boolean);
const deployment = objs.find((o) => o.kind === "Deployment" && o.metadata?.name === service);
if (!deployment) {
  console.error(`no Deployment ${service} in ${overlay}`);
  process.exit(1);
}
const pod = deployment.spec.template.spec;
const c = pod.containers.find((x) => x.name === service) ?? pod.containers[0];

const env = new Map();
const fromElsewhere = [];
for (const ef of c.envFrom ?? []) {
  if (!ef.configMapRef) { fromElsewhere.push(`envFrom ${JSON.stringify(ef)}`); continue; }
  const cm = objs.find((o) => o.kind === "ConfigMap" && o.metadata?.name === ef.configMapRef.name);
  if (!cm) { console.error(`ConfigMap ${ef.configMapRef.name} is not in ${overlay}`); process.exit(1); }
  for (const [k, v] of Object.entries(cm.data ?? {})) env.set(k, String(v));
}
for (const e of c.env ?? []) {
  if (e.value !== undefined) env.set(e.name, String(e.value));
  else fromElsewhere.push(e.name);
}
for (const [k, v] of env) {
  if (/[\n\r]/.test(v)) { console.error(`${k}: a value with a line break cannot go into an --env-file`); process.exit(1); }
}
fs.writeFileSync(envFile, [...env].map(([k, v]) => `${k}=${v}`).join("\n") + "\n");
if (fromElsewhere.length) console.error(`not from ConfigMaps (the caller supplies them): ${fromElsewhere.join(", ")}`);

const sc = { ...(pod.securityContext ?? {}), ...(c.securityContext ?? {}) };
const out = [];
if (sc.runAsUser !== undefined) out.push(`--user=${sc.runAsUser}${sc.runAsGroup !== undefined ? `:${sc.runAsGroup}` : ""}`);
if (sc.readOnlyRootFilesystem === true) out.push("--read-only");
for (const m of c.volumeMounts ?? []) {
  const v = (pod.volumes ?? []).find((x) => x.name === m.name);
  if (v?.emptyDir) {
    const size = v.emptyDir.sizeLimit ? `,size=${podmanSize(v.emptyDir.sizeLimit)}` : "";
    out.push(`--tmpfs=${m.mountPath}:rw,mode=1777${size}`);
  }
}
const memory = c.resources?.limits?.memory;
if (memory) out.push(`--memory=${podmanSize(memory)}`);
if ((sc.capabilities?.drop ?? []).includes("ALL")) out.push("--cap-drop=ALL");
if (sc.allowPrivilegeEscalation === false) out.push("--security-opt=no-new-privileges");
console.log(out.join("\n"));

/** A Kubernetes quantity (512Mi, 1Gi, 64M) as podman's size (bytes, or k/m/g = KiB/MiB/GiB). */
function podmanSize(q) {
  const m = String(q).match(/^(\d+)(Ki|Mi|Gi|k|M|G)?$/);
  if (!m) throw new Error(`cannot read the quantity ${q}`);
  const bytes = Number(m[1]) * ({ Ki: 1024, Mi: 1048576, Gi: 1073741824, k: 1e3, M: 1e6, G: 1e9 }[m[2]] ?? 1);
  return bytes % 1048576 === 0 ? `${bytes / 1048576}m` : `${bytes}`;
}
