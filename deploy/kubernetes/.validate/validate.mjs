// Offline checks of Limber's Kubernetes manifests, run by ../check.
//
//   node validate.mjs manifests --crds DIR --topics LimberTopic.java FILE...
//       Schema-validates every object of every built overlay (FILE = `kubectl kustomize` output)
//       and applies the policy rules. Prints one line per problem; exits 1 if there is any.
//   node validate.mjs fixtures --crds DIR --topics LimberTopic.java FILE...
//       Negative tests: each fixture names, in a `# expect: <rule>` line, the rule it breaks.
//       Passes only when that rule, and no other, reports the fixture. `# scope: overlay` applies the rules over
//       a whole overlay too; `# scope: budget` only the budgets (connections, memory, consumers, replicas, metrics).
//   Every rule's fixture must pass: tests/policy/<rule>.yaml (see the list in checkFixtures).
//   node validate.mjs extract-rules --out RULES.yaml FILE
//       Writes the groups of the PrometheusRules in FILE as a plain rules file for promtool.
//   node validate.mjs dashboards --metrics metrics-used.txt --rules RULES.yaml DASHBOARD.json...
//       Every PromQL expression of the dashboards and alert rules only queries metrics listed in
//       metrics-used.txt (and every listed metric is queried), and no label names a user.
//   node validate.mjs jvm-options --options deploy/images/jvm-options --repo DIR DOCKERFILE...
//       Rule jvm-options: each Dockerfile runs and trains with exactly the options of the file, which the
//       startup benchmark reads too (one source for the images' java command). A Dockerfile carrying a
//       `# expect: jvm-options` line is a negative fixture and must be refused by that rule alone.
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import Ajv from "ajv";

// ---------------------------------------------------------------- arguments

const [mode, ...rest] = process.argv.slice(2);
const opts = { files: [] };
for (let i = 0; i < rest.length; i++) {
  if (rest[i].startsWith("--")) opts[rest[i].slice(2)] = rest[++i];
  else opts.files.push(rest[i]);
}

// ---------------------------------------------------------------- LimberTopic.java

/** The topics the services use, read from the Java source the local stack creates them from. */
export function readLimberTopics(javaFile) {
  const src = fs.readFileSync(javaFile, "utf8");
  const ints = {};
  for (const m of src.matchAll(/static\s+final\s+int\s+(\w+)\s*=\s*(\d+)\s*;/g)) ints[m[1]] = Number(m[2]);
  const durations = {};
  for (const m of src.matchAll(/static\s+final\s+Duration\s+(\w+)\s*=\s*Duration\.of(Days|Hours|Minutes)\((\d+)\)\s*;/g)) {
    const unit = { Days: 86400000, Hours: 3600000, Minutes: 60000 }[m[2]];
    durations[m[1]] = Number(m[3]) * unit;
  }
  // Helpers compacted(name) and kept(name, retention) must use the PARTITIONS constant.
  if (!/compacted\(String name\)\s*\{\s*return new LimberTopic\(name, PARTITIONS, true, null\)/.test(src)
      || !/kept\(String name, Duration retention\)\s*\{\s*return new LimberTopic\(name, PARTITIONS, false, retention\)/.test(src)) {
    throw new Error(`${javaFile}: the helpers compacted()/kept() changed shape; update readLimberTopics in ${import.meta.url}`);
  }
  const list = src.match(/List<LimberTopic>\s+ALL\s*=\s*List\.of\(([\s\S]*?)\);/);
  if (!list) throw new Error(`${javaFile}: no 'List<LimberTopic> ALL = List.of(...)' found`);
  const entries = list[1].split(/,(?![^()]*\))/).map((s) => s.trim()).filter(Boolean);
  const topics = [];
  for (const e of entries) {
    let m;
    if ((m = e.match(/^compacted\("([^"]+)"\)$/))) {
      topics.push({ name: m[1], partitions: ints.PARTITIONS, compacted: true });
    } else if ((m = e.match(/^kept\("([^"]+)",\s*(\w+)\)$/)) && durations[m[2]] !== undefined) {
      topics.push({ name: m[1], partitions: ints.PARTITIONS, compacted: false, retentionMs: durations[m[2]] });
    } else if ((m = e.match(/^new LimberTopic\("([^"]+)",\s*(\w+),\s*(true|false),\s*(\w+)\)$/))) {
      const partitions = /^\d+$/.test(m[2]) ? Number(m[2]) : ints[m[2]];
      topics.push({ name: m[1], partitions, compacted: m[3] === "true", retentionMs: durations[m[4]] });
    } else {
      throw new Error(`${javaFile}: cannot read topic entry '${e}'`);
    }
  }
  if (topics.length === 0 || topics.some((t) => !Number.isInteger(t.partitions))) {
    throw new Error(`${javaFile}: no topics, or a partition count that is not a number`);
  }
  return topics;
}

// ---------------------------------------------------------------- schemas

async function coreModel(apiVersion, kind) {
  let mod;
  if (apiVersion.startsWith("monitoring.coreos.com/")) mod = `@kubernetes-models/prometheus-operator/${apiVersion}`;
  else if (apiVersion.startsWith("keda.sh/")) mod = `@kubernetes-models/keda/${apiVersion}`;
  else if (/^([a-z0-9.]+\/)?v[0-9a-z]+$/.test(apiVersion)) mod = `kubernetes-models/${apiVersion}`;
  else return null;
  try {
    const m = await import(mod);
    return m[kind] ?? null;
  } catch {
    return null;
  }
}

/** Strict like `kubectl apply --validate=strict`: an object schema rejects fields it does not declare. */
function strictify(schema) {
  if (Array.isArray(schema)) return schema.forEach(strictify);
  if (!schema || typeof schema !== "object") return;
  if (schema.type === "object" && schema.properties && schema.additionalProperties === undefined
      && !schema["x-kubernetes-preserve-unknown-fields"]) {
    schema.additionalProperties = false;
  }
  for (const v of Object.values(schema)) if (v && typeof v === "object") strictify(v);
}

function loadCrds(dir) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const byKey = new Map();
  for (const f of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    for (const doc of YAML.parseAllDocuments(fs.readFileSync(path.join(dir, f), "utf8"))) {
      const crd = doc.toJS();
      if (!crd || crd.kind !== "CustomResourceDefinition") continue;
      for (const v of crd.spec.versions) {
        const schema = structuredClone(v.schema.openAPIV3Schema);
        // apiVersion, kind and metadata are checked by the API server, not by the CRD schema.
        schema.properties = { ...schema.properties, apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" } };
        strictify(schema);
        byKey.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, ajv.compile(schema));
      }
    }
  }
  if (byKey.size === 0) throw new Error(`no CustomResourceDefinition found in ${dir}`);
  return byKey;
}

async function schemaProblems(obj, crds) {
  const where = `${obj.kind}/${obj.metadata?.name}`;
  const crd = crds.get(`${obj.apiVersion}/${obj.kind}`);
  if (crd) {
    if (crd(obj)) return [];
    return crd.errors.map((e) => `schema: ${where}: ${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : ""}`);
  }
  const Model = await coreModel(obj.apiVersion, obj.kind);
  if (!Model) return [`schema: ${where}: no schema for ${obj.apiVersion} ${obj.kind}`];
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return [`schema: ${where}: ${e.message}`];
  }
}

// ---------------------------------------------------------------- policy

const SECRET_KEY = /(pass(word)?|secret|token|credential|api[_-]?key|private[_-]?key|jaas)/i;
const SECRET_VALUE = /(-----BEGIN [A-Z ]*PRIVATE KEY-----|password\s*=\s*["']?[^"'\s;]+|LoginModule\s+required)/i;

function podSpecs(obj) {
  const s = obj.spec ?? {};
  switch (obj.kind) {
    case "Pod": return [s];
    case "Deployment": case "StatefulSet": case "DaemonSet": case "ReplicaSet": case "Job": return [s.template?.spec ?? {}];
    case "CronJob": return [s.jobTemplate?.spec?.template?.spec ?? {}];
    default: return [];
  }
}

/** Policy rules; each returns [rule, message] pairs. `topics` is LimberTopic.ALL. */
function policyProblems(obj, topics) {
  const out = [];
  const where = `${obj.kind}/${obj.metadata?.name}`;
  const add = (rule, msg) => out.push([rule, `${where}: ${msg}`]);

  for (const pod of podSpecs(obj)) {
    const podSc = pod.securityContext ?? {};
    for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      const isInit = (pod.initContainers ?? []).includes(c);
      const cn = `container ${c.name}`;
      const lim = c.resources?.limits ?? {};
      const req = c.resources?.requests ?? {};
      if (!lim.cpu || !lim.memory || !req.cpu || !req.memory) add("limits", `${cn} lacks cpu/memory requests and limits`);
      if (!isInit) {
        const missing = ["livenessProbe", "readinessProbe", "startupProbe"].filter((p) => !c[p]);
        if (missing.length) add("probes", `${cn} has no ${missing.join(", ")}`);
      }
      const sc = c.securityContext ?? {};
      const nonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
      const uid = sc.runAsUser ?? podSc.runAsUser;
      if (nonRoot !== true || uid === 0 || sc.privileged === true || sc.allowPrivilegeEscalation !== false) {
        add("root", `${cn} may run as root or escalate (runAsNonRoot=${nonRoot}, runAsUser=${uid}, allowPrivilegeEscalation=${sc.allowPrivilegeEscalation})`);
      }
      if (sc.readOnlyRootFilesystem !== true) add("read-only-root", `${cn} has a writable root file system`);
      const image = String(c.image ?? "");
      const tag = image.includes("@") ? "digest" : (image.split("/").pop().split(":")[1] ?? "");
      if (tag === "" || tag === "latest") add("image-tag", `${cn} image '${image}' is untagged or 'latest'`);
      for (const e of c.env ?? []) {
        if (e.value !== undefined && (SECRET_KEY.test(e.name) || SECRET_VALUE.test(String(e.value)))) {
          add("secret-in-env", `${cn} env ${e.name} has a literal value; take it from a Secret`);
        }
      }
    }
  }

  // ---- rules of issue 19: what breaks on a real cluster. "Production" objects: a namespace
  // that is set and does not end in -dev (the built prod overlay; dev may keep placeholders).
  const ns = obj.metadata?.namespace;
  const production = typeof ns === "string" && ns !== "" && !ns.endsWith("-dev");
  if (obj.kind === "ScaledObject") {
    for (const tr of obj.spec?.triggers ?? []) {
      if (tr.type !== "kafka") continue;
      for (const hp of String(tr.metadata?.bootstrapServers ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
        const host = hp.replace(/:\d+$/, "");
        const m = host.match(/^[a-z0-9-]+\.([a-z0-9-]+)\.svc(\.cluster\.local)?$/);
        if (!host.includes(".")) add("keda-fqdn", `kafka trigger bootstrapServers '${hp}' is a short name; KEDA's scaler runs in the keda-operator's namespace (use <service>.<namespace>.svc:<port>)`);
        else if (m && ns && m[1] !== ns) add("keda-fqdn", `kafka trigger bootstrapServers '${hp}' names namespace ${m[1]}, the ScaledObject is in ${ns}`);
      }
    }
  }
  if (production) {
    const placeholders = [];
    const walk = (v, p) => {
      if (typeof v === "string") { if (/(^|[^a-z0-9-])example\.(com|org|net)\b/i.test(v)) placeholders.push(`${p}=${v.length > 80 ? v.slice(0, 80) + "..." : v}`); }
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${p}/${k}`);
    };
    walk(obj, "");
    for (const p of placeholders) add("placeholder-host", `example.com/.org/.net placeholder in a non-dev namespace: ${p}`);
  }
  if (["ServiceMonitor", "PodMonitor", "PrometheusRule"].includes(obj.kind) && !obj.metadata?.labels?.release) {
    add("prometheus-release", "no release label: kube-prometheus-stack's default serviceMonitorSelector/podMonitorSelector/ruleSelector select release=<Helm release> only");
  }
  if (production && obj.kind === "Cluster" && obj.apiVersion?.startsWith("postgresql.cnpg.io/") && !obj.spec?.backup?.barmanObjectStore && !obj.spec?.backup?.volumeSnapshot) {
    add("db-backup", "a production PostgreSQL without spec.backup: no WAL archive, no base backups, nothing to restore from");
  }
  if (obj.kind === "Kafka" && !obj.spec?.kafka?.version) add("kafka-version", "spec.kafka.version is not pinned: a Strimzi upgrade would move Kafka with it");
  if (production && ["Deployment", "StatefulSet", "KafkaNodePool"].includes(obj.kind)) {
    const pod = obj.kind === "KafkaNodePool" ? (obj.spec?.template?.pod ?? {}) : (obj.spec?.template?.spec ?? {});
    const anti = pod.affinity?.podAntiAffinity;
    const spread = pod.topologySpreadConstraints;
    if (!(anti?.requiredDuringSchedulingIgnoredDuringExecution?.length || anti?.preferredDuringSchedulingIgnoredDuringExecution?.length || spread?.length)) {
      add("anti-affinity", "no podAntiAffinity or topologySpreadConstraints: all replicas may land on one node");
    }
  }
  for (const pod of production ? podSpecs(obj) : []) {
    for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      if (!String(c.image ?? "").includes("@") && c.imagePullPolicy !== "Always") {
        add("image-pull", `container ${c.name} image '${c.image}' is a tag pulled ${c.imagePullPolicy ?? "IfNotPresent"}: nodes may run different builds of one tag (pin a digest or pull Always)`);
      }
    }
    const usesSecret = (pod.volumes ?? []).some((v) => v.secret)
      || (pod.containers ?? []).some((c) => (c.env ?? []).some((e) => e.valueFrom?.secretKeyRef) || (c.envFrom ?? []).some((e) => e.secretRef));
    const a = obj.metadata?.annotations ?? {};
    if (usesSecret && a["reloader.stakater.com/auto"] !== "true" && !a["secret.reloader.stakater.com/reload"]) {
      add("secret-rotation", "reads a Secret at start but has no reloader.stakater.com/auto annotation: a rotated password or CA needs a restart nobody triggers");
    }
  }

  if (obj.kind === "ConfigMap") {
    for (const [k, v] of Object.entries({ ...(obj.data ?? {}), ...(obj.binaryData ?? {}) })) {
      if (SECRET_KEY.test(k) || SECRET_VALUE.test(String(v))) add("secret-in-configmap", `key ${k} looks like a secret value`);
    }
  }
  if (obj.kind === "Secret" && (Object.keys(obj.data ?? {}).length || Object.keys(obj.stringData ?? {}).length)) {
    add("secret-in-git", "a Secret with values is in the manifests; create it in the cluster (see create-secrets)");
  }

  if (obj.kind === "KafkaTopic") {
    const name = obj.spec?.topicName ?? obj.metadata?.name;
    const t = topics.find((x) => x.name === name);
    if (!t) {
      add("topic-name", `topic '${name}' is not in LimberTopic.java (${topics.map((x) => x.name).join(", ")})`);
    } else {
      if (obj.spec?.partitions !== t.partitions) add("topic-partitions", `topic '${name}' has ${obj.spec?.partitions} partitions, LimberTopic.java says ${t.partitions}`);
      const cfg = obj.spec?.config ?? {};
      const policy = String(cfg["cleanup.policy"] ?? "delete");
      if ((policy === "compact") !== t.compacted) add("topic-config", `topic '${name}' cleanup.policy=${policy}, LimberTopic.java says ${t.compacted ? "compact" : "delete"}`);
      if (!t.compacted && Number(cfg["retention.ms"]) !== t.retentionMs) add("topic-config", `topic '${name}' retention.ms=${cfg["retention.ms"]}, LimberTopic.java says ${t.retentionMs}`);
    }
  }
  return out;
}

/** Rules over a whole overlay rather than one object. */
function setProblems(objs, topics) {
  const out = [];
  const names = objs.filter((o) => o.kind === "KafkaTopic").map((o) => o.spec?.topicName ?? o.metadata?.name);
  for (const t of topics) if (!names.includes(t.name)) out.push(["topic-missing", `no KafkaTopic for '${t.name}' of LimberTopic.java`]);
  const dup = names.filter((n, i) => names.indexOf(n) !== i);
  for (const n of new Set(dup)) out.push(["topic-name", `KafkaTopic '${n}' declared twice`]);
  out.push(...budgetProblems(objs).problems);
  return out;
}

// ---------------------------------------------------------------- budgets (issue 19)

// Measured, not guessed: idle RSS of the services with -Xmx128m was 238 / 239 / 185 MiB (routine / session /
// reminder; README "Performance", startup row "heap settings", deploy/bench run of 2026-11-24, JDK 17), and with
// the images' command line (JDK 25, AOT cache) 216 / 209 / 166 MiB as processes and 212 / 205 / 162 MiB in the
// containers with -Xmx192m (2026-11-30, deploy/bench and deploy/images/check). That RSS includes the heap in
// use, so 256 MiB bounds the non-heap part (metaspace, code cache, threads, buffers, the mapped AOT cache) from
// above at idle; load adds threads, compiled code and Kafka/Netty buffers, hence 10 % of the limit on top.
export const NON_HEAP_MIB = 256;
export const HEADROOM = 0.10;
// PostgreSQL connections kept back from the services: superuser_reserved_connections (3 by default) plus 20 for
// CloudNativePG's instance manager, its metrics exporter and an operator's psql.
export const DB_RESERVE_EXTRA = 20;

function readProperties(file) {
  const props = new Map();
  if (!fs.existsSync(file)) return null;
  const lines = fs.readFileSync(file, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i];
    while (/\\$/.test(l) && i + 1 < lines.length) l = l.slice(0, -1) + lines[++i].trimStart();
    if (/^\s*(#|!|$)/.test(l)) continue;
    const m = l.match(/^\s*([^=:\s]+)\s*[=:]\s*(.*)$/);
    if (m) props.set(m[1], m[2].trim());
  }
  return props;
}

function mib(q) {
  const m = String(q ?? "").match(/^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/);
  if (!m) return NaN;
  const f = { Ki: 1 / 1024, Mi: 1, Gi: 1024, k: 1000 / 1048576, M: 1e6 / 1048576, G: 1e9 / 1048576 }[m[2]] ?? 1 / 1048576;
  return Number(m[1]) * f;
}

/** The connection, memory and consumer budgets of one built overlay: [rule, message] problems and info lines. */
export function budgetProblems(objs) {
  const problems = [];
  const info = [];
  const repo = opts.repo;
  const byKindName = (k, n) => objs.find((o) => o.kind === k && o.metadata?.name === n);
  const deployments = objs.filter((o) => o.kind === "Deployment");
  const scalers = objs.filter((o) => o.kind === "ScaledObject");
  const topicPartitions = new Map(objs.filter((o) => o.kind === "KafkaTopic").map((o) => [o.spec?.topicName ?? o.metadata.name, o.spec?.partitions]));

  for (const d of deployments) {
    const name = d.metadata.name;
    const so = scalers.find((s) => (s.spec?.scaleTargetRef?.name) === name && (s.spec?.scaleTargetRef?.kind ?? "Deployment") === "Deployment");
    if (so && d.spec?.replicas !== undefined) {
      problems.push(["replicas-with-scaler", `Deployment/${name}: replicas ${d.spec.replicas} while ScaledObject/${so.metadata.name} owns the count: every apply resets a scaled-out Deployment`]);
    }
    d._maxPods = so ? (so.spec?.maxReplicaCount ?? 100) : (d.spec?.replicas ?? 1);
    const surge = d.spec?.strategy?.rollingUpdate?.maxSurge ?? "25%";
    d._surge = String(surge).endsWith("%") ? Math.ceil(d._maxPods * parseInt(surge, 10) / 100) : Number(surge);
    const c = d.spec?.template?.spec?.containers?.[0] ?? {};
    const env = {};
    for (const ef of c.envFrom ?? []) {
      const cm = ef.configMapRef && byKindName("ConfigMap", ef.configMapRef.name);
      if (cm) Object.assign(env, cm.data ?? {});
    }
    for (const e of c.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
    d._env = env;
    d._props = repo ? readProperties(path.join(repo, name, "src/main/resources/application.properties")) : null;
  }
  const resolve = (d, v) => String(v ?? "").replace(/\$\{([\w.]+)(?::([^}]*))?\}/g, (_, k, def) => d._env[k] ?? def ?? "");
  const prop = (d, key) => {
    const v = d._props.get(`%prod.${key}`) ?? d._props.get(key);
    return v === undefined ? undefined : resolve(d, v);
  };

  // Connection budget: per-pod pools x (most pods + rollout surge) <= max_connections - reserve, per CNPG Cluster.
  for (const cl of objs.filter((o) => o.kind === "Cluster" && o.apiVersion?.startsWith("postgresql.cnpg.io/"))) {
    const params = cl.spec?.postgresql?.parameters ?? {};
    const max = Number(params.max_connections ?? 100);
    const reserve = Number(params.superuser_reserved_connections ?? 3) + DB_RESERVE_EXTRA;
    let total = 0;
    const parts = [];
    for (const d of deployments) {
      if (!new RegExp(`^${cl.metadata.name}-(rw|ro|r)(\\.|$)`).test(String(d._env.DB_HOST ?? ""))) continue;
      if (!d._props) { problems.push(["connection-budget", `Deployment/${name(d)}: no application.properties to read its pool sizes from`]); continue; }
      const reactive = Number(prop(d, "quarkus.datasource.reactive.max-size") ?? 20);
      const jdbc = Number(prop(d, "quarkus.datasource.jdbc.max-size") ?? 20);
      const pods = d._maxPods + d._surge;
      total += (reactive + jdbc) * pods;
      parts.push(`${d.metadata.name} (${reactive}+${jdbc}) x ${pods}`);
    }
    const line = `Cluster/${cl.metadata.name}: ${parts.join(" + ") || "no services"} = ${total} connections, max_connections ${max} - ${reserve} reserved = ${max - reserve}`;
    info.push(`connection budget ${line}`);
    if (total > max - reserve) problems.push(["connection-budget", `${line}: over budget (lower the pools or the pods, raise max_connections, or add a CNPG Pooler)`]);
  }

  for (const d of deployments) {
    if (!d._props) continue;
    // Memory: heap + measured non-heap + headroom <= limit.
    const c = d.spec?.template?.spec?.containers?.[0] ?? {};
    const limit = mib(c.resources?.limits?.memory);
    const opts_ = `${d._env.JAVA_OPTS ?? ""} ${d._env.JAVA_TOOL_OPTIONS ?? ""}`;
    let heap; let how;
    const xmx = opts_.match(/-Xmx(\d+)([kKmMgG])?\b/);
    if (xmx) { heap = Number(xmx[1]) * ({ k: 1 / 1024, m: 1, g: 1024 }[(xmx[2] ?? "").toLowerCase()] ?? 1 / 1048576); how = `-Xmx${xmx[1]}${xmx[2] ?? ""}`; }
    else {
      // JAVA_OPTS comes after the image's own options on its command line, so it wins; without it, the image's.
      const df = path.join(repo, d.metadata.name, "src/main/docker/Dockerfile.jvm");
      const image = fs.existsSync(df) ? dockerfileEnv(fs.readFileSync(df, "utf8")).JVM_OPTIONS ?? "" : "";
      const ixmx = image.match(/-Xmx(\d+)([kKmMgG])?\b/g)?.pop()?.match(/-Xmx(\d+)([kKmMgG])?/);
      const pct = fs.existsSync(df) ? fs.readFileSync(df, "utf8").match(/MaxRAMPercentage=(\d+(?:\.\d+)?)/) : null;
      if (ixmx) { heap = Number(ixmx[1]) * ({ k: 1 / 1024, m: 1, g: 1024 }[(ixmx[2] ?? "").toLowerCase()] ?? 1 / 1048576); how = `the image's -Xmx${ixmx[1]}${ixmx[2] ?? ""}`; }
      else {
        const p = pct ? Number(pct[1]) : 25; // the JVM's default
        heap = limit * p / 100; how = `MaxRAMPercentage=${p} of the limit`;
      }
    }
    const need = heap + NON_HEAP_MIB + HEADROOM * limit;
    info.push(`memory Deployment/${d.metadata.name}: heap ${Math.round(heap)} MiB (${how}) + ${NON_HEAP_MIB} MiB non-heap + ${Math.round(HEADROOM * limit)} MiB headroom = ${Math.round(need)} MiB of ${Math.round(limit)} MiB`);
    if (!(need <= limit)) {
      problems.push(["memory-budget", `Deployment/${d.metadata.name}: heap ${Math.round(heap)} MiB (${how}) + ${NON_HEAP_MIB} MiB measured non-heap + ${Math.round(HEADROOM * limit)} MiB headroom > limit ${c.resources?.limits?.memory ?? "none"} (OOMKilled under load)`]);
    }

    // Consumers: per (group, topic), consumers per pod x most pods <= partitions.
    const groups = new Map();
    for (const k of d._props.keys()) {
      const m = k.match(/^mp\.messaging\.incoming\.([^.]+)\.connector$/);
      if (!m || d._props.get(k) !== "smallrye-kafka") continue;
      const ch = m[1];
      const topic = prop(d, `mp.messaging.incoming.${ch}.topic`) ?? ch;
      const group = prop(d, `mp.messaging.incoming.${ch}.group.id`) ?? d.metadata.name;
      const n = Number(prop(d, `mp.messaging.incoming.${ch}.partitions`) ?? 1) * Number(prop(d, `mp.messaging.incoming.${ch}.concurrency`) ?? 1);
      const key = `${group} ${topic}`;
      groups.set(key, (groups.get(key) ?? 0) + n);
    }
    for (const [key, n] of groups) {
      const [group, topic] = key.split(" ");
      const parts = topicPartitions.get(topic);
      if (parts === undefined) continue;
      if (n * d._maxPods > parts) {
        problems.push(["consumers-partitions", `Deployment/${d.metadata.name}: group ${group} runs ${n} consumers of ${topic} per pod x ${d._maxPods} pods = ${n * d._maxPods} > ${parts} partitions (idle consumers, wasted pods and connections)`]);
      }
    }
  }

  // Database metrics: every CNPG Cluster has a PodMonitor selecting its instances.
  for (const cl of objs.filter((o) => o.kind === "Cluster" && o.apiVersion?.startsWith("postgresql.cnpg.io/"))) {
    if (!objs.some((o) => o.kind === "PodMonitor" && o.spec?.selector?.matchLabels?.["cnpg.io/cluster"] === cl.metadata.name)) {
      problems.push(["db-metrics", `Cluster/${cl.metadata.name}: no PodMonitor selects cnpg.io/cluster=${cl.metadata.name}: PostgreSQL is not scraped`]);
    }
  }
  return { problems, info };
}
function name(d) { return d.metadata?.name; }

function readObjects(file) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"));
  for (const d of docs) if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
  return docs.map((d) => d.toJS()).filter((o) => o && typeof o === "object");
}

// ---------------------------------------------------------------- PromQL metric names

const PROMQL_WORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "and", "or", "unless", "inf", "nan", "le", "atan2"]);

/** Metric names and label names a PromQL expression refers to (a careful tokenizer, not a parser). */
export function promqlRefs(expr) {
  let e = expr.replace(/\$__\w+|\$\{?\w+\}?/g, "5m");
  const labels = new Set();
  e = e.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  e = e.replace(/\{([^}]*)\}/g, (_, inner) => {
    for (const m of inner.matchAll(/([a-zA-Z_]\w*)\s*(=~|!~|!=|=)/g)) labels.add(m[1]);
    return " ";
  });
  e = e.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g, (_, _k, inner) => {
    for (const l of inner.split(",").map((s) => s.trim()).filter(Boolean)) labels.add(l);
    return " ";
  });
  e = e.replace(/\[[^\]]*\]/g, " ").replace(/\boffset\s+-?\w+/g, " ");
  const metrics = new Set();
  for (const m of e.matchAll(/(?<![\w.])([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    if (m[2] || PROMQL_WORDS.has(m[1].toLowerCase())) continue; // function call or keyword
    if (/^\d/.test(m[1])) continue;
    metrics.add(m[1]);
  }
  return { metrics: [...metrics], labels: [...labels] };
}

// ---------------------------------------------------------------- the images' java command (issue 17)

/** The images' JVM options: the lines of deploy/images/jvm-options that are neither blank nor comments. */
export function readJvmOptions(file) {
  return fs.readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

/** A Dockerfile's instructions: comments dropped, continuation lines joined. */
function dockerInstructions(text) {
  const out = [];
  let cur = "";
  for (const raw of text.split("\n")) {
    if (!cur && /^\s*#/.test(raw)) continue;
    if (cur && /^\s*#/.test(raw)) continue; // a comment inside a continued instruction
    const cont = /\\\s*$/.test(raw);
    cur += (cur ? " " : "") + raw.replace(/\\\s*$/, "").trim();
    if (!cont) { if (cur.trim()) out.push(cur.trim()); cur = ""; }
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** The variables the Dockerfile's ENV instructions set (KEY=value or KEY="value" forms). */
export function dockerfileEnv(text) {
  const env = {};
  for (const ins of dockerInstructions(text).filter((i) => /^ENV\s/i.test(i))) {
    for (const m of ins.slice(4).matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("((?:[^"\\]|\\.)*)"|\S*)/g)) env[m[1]] = m[3] ?? m[2];
  }
  return env;
}

export const IMAGE_RUN = "exec java -XX:AOTCache=$AOT_CACHE $JVM_OPTIONS $JAVA_OPTS -jar /deployments/quarkus-run.jar";
export const IMAGE_TRAINING = "java -XX:AOTCacheOutput=$AOT_CACHE $JVM_OPTIONS -jar /deployments/quarkus-run.jar";

/** Rule jvm-options: the Dockerfile's java command (run and training) against deploy/images/jvm-options. */
export function jvmOptionProblems(text, options) {
  const out = [];
  const env = dockerfileEnv(text);
  const ins = dockerInstructions(text);
  const want = options.join(" ");
  if (env.JVM_OPTIONS === undefined) out.push("no ENV JVM_OPTIONS");
  else if (env.JVM_OPTIONS !== want) {
    const have = env.JVM_OPTIONS.split(/\s+/).filter(Boolean);
    const extra = have.filter((o) => !options.includes(o));
    const missing = options.filter((o) => !have.includes(o));
    out.push(`ENV JVM_OPTIONS differs from deploy/images/jvm-options, which the startup benchmark measures: `
      + `${extra.length ? `not in the file: ${extra.join(" ")}; ` : ""}${missing.length ? `missing: ${missing.join(" ")}; ` : ""}`
      + `want "${want}"`);
  }
  if (!env.AOT_CACHE) out.push("no ENV AOT_CACHE (the file the training run writes and every start maps)");
  for (const v of ["JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS_APPEND", "JAVA_OPTS"]) {
    if (env[v] !== undefined) out.push(`ENV ${v} adds JVM options the startup benchmark does not measure`);
  }
  const entry = ins.filter((i) => /^ENTRYPOINT\s/i.test(i)).pop();
  let entryCmd = null;
  try { entryCmd = JSON.parse(entry?.slice("ENTRYPOINT".length) ?? "null"); } catch { /* not the exec form */ }
  if (!Array.isArray(entryCmd) || entryCmd.length !== 3 || entryCmd[0] !== "sh" || entryCmd[1] !== "-c" || entryCmd[2] !== IMAGE_RUN) {
    out.push(`ENTRYPOINT is not ["sh", "-c", "${IMAGE_RUN}"]`);
  }
  if (ins.some((i) => /^CMD\s/i.test(i))) out.push("a CMD would add arguments to the java command");
  if (!ins.some((i) => /^RUN\s/i.test(i) && i.includes(IMAGE_TRAINING))) {
    out.push(`no training RUN with "${IMAGE_TRAINING}"`);
  }
  return out;
}

async function checkJvmOptions() {
  const options = readJvmOptions(opts.options);
  let failed = 0;
  // The benchmark's side of the one source: JvmVariant reads the same file for its image row.
  const variant = path.join(opts.repo, "deploy/bench/src/main/java/io/limber/bench/startup/JvmVariant.java");
  const src = fs.existsSync(variant) ? fs.readFileSync(variant, "utf8") : "";
  if (!src.includes('"deploy/images/jvm-options"') || !src.includes("-XX:AOTCacheOutput={cache}")) {
    console.log(`  FAIL ${path.relative(opts.repo, variant)} does not read deploy/images/jvm-options for its image row`);
    failed++;
  }
  for (const file of opts.files) {
    const text = fs.readFileSync(file, "utf8");
    const expect = text.match(/^# expect: ([\w-]+)/m)?.[1];
    const problems = jvmOptionProblems(text, options);
    const name = path.relative(opts.repo, file);
    if (expect) {
      const ok = expect === "jvm-options" && problems.length > 0;
      if (!ok) failed++;
      console.log(`  ${ok ? "ok  " : "FAIL"} ${name}: expected '${expect}', got ${problems.length ? `'jvm-options' (${problems[0]})` : "nothing"}`);
    } else {
      if (problems.length) failed++;
      console.log(`  ${problems.length ? "FAIL" : "ok  "} ${name}: ${problems.length ? problems.join("; ") : `runs and trains with deploy/images/jvm-options (${options.length} options)`}`);
    }
  }
  return failed === 0;
}

// ---------------------------------------------------------------- modes

async function checkManifests() {
  const crds = loadCrds(opts.crds);
  const topics = readLimberTopics(opts.topics);
  let problems = 0;
  let objects = 0;
  for (const file of opts.files) {
    const objs = readObjects(file);
    const label = path.basename(file);
    const lines = [];
    for (const o of objs) {
      objects++;
      lines.push(...(await schemaProblems(o, crds)));
      lines.push(...policyProblems(o, topics).map(([r, m]) => `policy ${r}: ${m}`));
    }
    lines.push(...setProblems(objs, topics).map(([r, m]) => `policy ${r}: ${m}`));
    for (const l of budgetProblems(objs).info) console.log(`  ${label}: ${l}`);
    for (const l of lines) console.log(`  FAIL ${label}: ${l}`);
    console.log(`  ${lines.length ? "FAIL" : "ok  "} ${label}: ${objs.length} objects, ${lines.length} problems`);
    problems += lines.length;
  }
  console.log(`  topics from LimberTopic.java: ${topics.map((t) => `${t.name}/${t.partitions}`).join(" ")}`);
  console.log(`  ${objects} objects validated, ${problems} problems`);
  return problems === 0;
}

async function checkFixtures() {
  const crds = loadCrds(opts.crds);
  const topics = readLimberTopics(opts.topics);
  let failed = 0;
  const covered = new Set();
  for (const file of opts.files) {
    const text = fs.readFileSync(file, "utf8");
    const expect = text.match(/^# expect: ([\w-]+)/m)?.[1];
    if (!expect) { console.log(`  FAIL ${path.basename(file)}: no '# expect: <rule>' line`); failed++; continue; }
    const whole = /^# scope: overlay/m.test(text);
    const objs = readObjects(file);
    const found = [];
    for (const o of objs) {
      for (const p of await schemaProblems(o, crds)) found.push(["schema", p]);
      found.push(...policyProblems(o, topics));
    }
    if (whole) found.push(...setProblems(objs, topics));
    else if (/^# scope: budget/m.test(text)) found.push(...budgetProblems(objs).problems);
    const rules = [...new Set(found.map(([r]) => r))];
    const ok = rules.length === 1 && rules[0] === expect;
    if (ok) covered.add(expect);
    else failed++;
    console.log(`  ${ok ? "ok  " : "FAIL"} ${path.basename(file)}: expected only '${expect}', got ${rules.length ? rules.map((r) => `'${r}'`).join(", ") : "nothing"}`
      + (ok ? "" : "\n         " + found.map(([, m]) => m).join("\n         ")));
  }
  const all = ["schema", "limits", "probes", "root", "read-only-root", "image-tag", "secret-in-env", "secret-in-configmap", "secret-in-git",
    "topic-name", "topic-partitions", "topic-config", "topic-missing",
    "keda-fqdn", "placeholder-host", "prometheus-release", "kafka-version", "anti-affinity", "image-pull", "secret-rotation",
    "replicas-with-scaler", "connection-budget", "memory-budget", "consumers-partitions", "db-metrics", "db-backup"];
  const uncovered = all.filter((r) => !covered.has(r));
  if (uncovered.length) { console.log(`  FAIL no passing negative fixture for: ${uncovered.join(", ")}`); failed++; }
  console.log(`  ${opts.files.length} fixtures, ${covered.size}/${all.length} rules proven to catch a bad manifest`);
  return failed === 0;
}

function checkDashboards() {
  const listed = new Map();
  for (const line of fs.readFileSync(opts.metrics, "utf8").split("\n")) {
    const l = line.replace(/#.*/, "").trim();
    if (!l) continue;
    const [owner, metric, ...more] = l.split(/\s+/);
    if (!metric || more.length) { console.log(`  FAIL metrics-used.txt: '${l}' is not '<owner> <metric>'`); return false; }
    listed.set(metric, [...(listed.get(metric) ?? []), owner]);
  }
  const exprs = [];
  for (const file of opts.files) {
    const dash = JSON.parse(fs.readFileSync(file, "utf8"));
    const panels = (dash.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== "row");
    for (const p of panels) {
      if (!p.targets?.length) { exprs.push({ where: `${path.basename(file)} '${p.title}'`, expr: "" }); continue; }
      for (const t of p.targets) exprs.push({ where: `${path.basename(file)} '${p.title}'`, expr: t.expr ?? "" });
    }
  }
  for (const g of YAML.parse(fs.readFileSync(opts.rules, "utf8")).groups) {
    for (const r of g.rules) exprs.push({ where: `alert ${r.alert ?? r.record}`, expr: r.expr });
  }
  let bad = 0;
  const used = new Set();
  for (const { where, expr } of exprs) {
    if (!expr.trim()) { console.log(`  FAIL ${where}: no PromQL expression`); bad++; continue; }
    const { metrics, labels } = promqlRefs(expr);
    if (!metrics.length) { console.log(`  FAIL ${where}: no metric found in '${expr}'`); bad++; }
    for (const m of metrics) {
      used.add(m);
      if (!listed.has(m)) { console.log(`  FAIL ${where}: metric ${m} is not in metrics-used.txt`); bad++; }
    }
    for (const l of labels) {
      if (/user|person|patient|email/i.test(l)) { console.log(`  FAIL ${where}: label '${l}' would identify a person`); bad++; }
    }
  }
  for (const m of listed.keys()) if (!used.has(m)) { console.log(`  FAIL metrics-used.txt: ${m} is listed but no dashboard or alert queries it`); bad++; }
  console.log(`  ${exprs.length} expressions, ${used.size} metrics, ${bad} problems`);
  return bad === 0;
}

/** Writes the groups of every PrometheusRule in the built manifests as one Prometheus rules file. */
function extractRules() {
  const groups = opts.files.flatMap(readObjects).filter((o) => o.kind === "PrometheusRule").flatMap((o) => o.spec.groups);
  if (!groups.length) throw new Error("no PrometheusRule found");
  fs.writeFileSync(opts.out, YAML.stringify({ groups }));
  return true;
}

const run = { manifests: checkManifests, "extract-rules": async () => extractRules(), fixtures: checkFixtures, dashboards: async () => checkDashboards(), "jvm-options": checkJvmOptions }[mode];
if (!run) {
  console.error("usage: node validate.mjs manifests|fixtures|dashboards|jvm-options ...");
  process.exit(2);
}
try {
  process.exit((await run()) ? 0 : 1);
} catch (e) {
  console.log(`  FAIL ${e.message}`);
  process.exit(1);
}
