// Evaluates every PromQL expression of the Grafana dashboards and of the alert rules Prometheus
// loaded, through Prometheus's HTTP API (/api/v1/query). Used by check-live; needs only node >= 18.
//
//   node live-queries.mjs --prometheus http://127.0.0.1:PORT DASHBOARD.json...
//
// A dashboard expression must parse and return at least one series; Grafana variables are
// substituted ($service with the variable's "All" value, else .*; $__rate_interval 1m,
// $__interval 30s, $__range 5m). Expressions on kube-state-metrics metrics (kube_*) cannot have
// data locally: they must parse and are reported SKIP. Alert expressions (from /api/v1/rules, i.e.
// exactly what Prometheus loaded) need only parse. Exit 1 when anything fails.
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
let prom = "";
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--prometheus") prom = args[++i];
  else files.push(args[i]);
}
if (!prom || !files.length) {
  console.error("usage: node live-queries.mjs --prometheus URL DASHBOARD.json...");
  process.exit(2);
}

const BUILTIN = { __rate_interval: "1m", __interval: "30s", __range: "5m", __range_s: "300", __range_ms: "300000", __interval_ms: "30000" };
const SKIP = [{ re: /\bkube_[a-zA-Z0-9_:]*/, why: "kube-state-metrics metric: exists only in a cluster" }];
const PROMQL_WORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "and", "or", "unless"]);

async function query(q) {
  const res = await fetch(`${prom}/api/v1/query`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ query: q }),
  });
  const body = await res.json().catch(() => ({ status: "error", error: `HTTP ${res.status}` }));
  if (body.status !== "success") return { ok: false, error: `${body.errorType || "error"}: ${body.error}` };
  const r = body.data.result;
  const n = body.data.resultType === "scalar" || body.data.resultType === "string" ? 1 : r.length;
  return { ok: true, n, result: r };
}

function variables(dash) {
  const vars = {};
  for (const v of dash.templating?.list || []) {
    if (v.type === "datasource") continue;
    vars[v.name] = v.includeAll && v.allValue ? v.allValue : ".*";
    vars[`__values_${v.name}`] = String(v.query || "").split(",").map((s) => s.trim()).filter(Boolean);
  }
  return vars;
}

function substitute(expr, vars, override = {}) {
  const all = { ...BUILTIN, ...vars, ...override };
  return expr.replace(/\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)/g, (m, a, b, c) => {
    const name = a || b || c;
    return name in all && !name.startsWith("__values_") ? all[name] : m;
  });
}

function panels(list, out = []) {
  for (const p of list || []) {
    if (p.panels) panels(p.panels, out);
    if (p.targets) out.push(p);
  }
  return out;
}

// The metric names an expression selects: identifiers before "{" or "[" that are not functions.
function metricsOf(expr) {
  const names = new Set();
  for (const m of expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{/g)) if (!PROMQL_WORDS.has(m[1])) names.add(m[1]);
  return [...names];
}

// Why did an expression return nothing? Look at each selector on its own.
async function diagnose(expr) {
  const empty = [], matching = [];
  for (const sel of expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^}]*\})/g)) {
    const [, name, matchers] = sel;
    if (PROMQL_WORDS.has(name)) continue;
    const anywhere = await query(`count by (job) ({__name__="${name}"})`);
    const jobs = anywhere.ok ? anywhere.result.map((s) => s.metric.job) : [];
    if (!jobs.length) {
      let prefix = "", names = [], by = [];
      for (const k of [3, 2]) { // the closest family of names that exists: a_b_c_*, else a_b_*
        prefix = name.split("_").slice(0, k).join("_");
        const like = await query(`count by (__name__) ({__name__=~"${prefix}_.*"})`);
        names = like.ok ? like.result.map((s) => s.metric.__name__).sort() : [];
        if (names.length) {
          const j = await query(`count by (job) ({__name__=~"${prefix}_.*"})`);
          by = j.ok ? j.result.map((s) => s.metric.job).sort() : [];
          break;
        }
      }
      empty.push(`${name}: no service exports it` + (names.length
        ? ` (${by.join(", ")} export ${names.length} ${prefix}_* metrics: ${names.slice(0, 6).join(", ")}${names.length > 6 ? ", ..." : ""})`
        : ` (no ${prefix}_* metric at all)`));
      continue;
    }
    const matched = await query(`${name}${matchers}`);
    if (!matched.ok || matched.n === 0) {
      const labels = [...matchers.matchAll(/(\w+)\s*(=~|!~|!=|=)/g)].map((m) => m[1]).filter((l) => l !== "job");
      let seen = "";
      for (const l of labels) {
        const v = await query(`count by (${l}) (${name}{job=~"${jobs.join("|")}"})`);
        if (v.ok) seen += `; ${l} values seen: ${v.result.map((s) => s.metric[l] ?? "(none)").slice(0, 12).join(", ") || "none"}`;
      }
      empty.push(`${name}: exported by ${jobs.join(", ")}, but no series matches ${matchers}${seen}`);
    } else matching.push(`${name}${matchers}: ${matched.n} series`);
  }
  if (empty.length) return empty;
  return [`every selector matches (${matching.join("; ")}) but the expression yields nothing (fewer than 2 samples in the range, or a histogram without observations)`];
}

const rows = [];
for (const file of files) {
  const dash = JSON.parse(fs.readFileSync(file, "utf8"));
  const vars = variables(dash);
  const dname = dash.title || path.basename(file);
  for (const p of panels(dash.panels)) {
    for (const t of p.targets) {
      if (!t.expr) continue;
      const expr = substitute(t.expr, vars);
      const row = { where: `${dname} / ${p.title} [${t.refId || "?"}]`, expr, n: "-", status: "OK", notes: [] };
      rows.push(row);
      const left = expr.match(/\$\{?\w+\}?|\[\[\w+\]\]/);
      if (left) { row.status = "FAIL"; row.notes.push(`unknown variable ${left[0]}`); continue; }
      const r = await query(expr);
      if (!r.ok) { row.status = "FAIL"; row.notes.push(`does not parse or evaluate: ${r.error}`); continue; }
      row.n = r.n;
      const skip = SKIP.find((s) => s.re.test(expr));
      if (skip) { row.status = "SKIP"; row.notes.push(`${expr.match(skip.re)[0]}: ${skip.why}`); continue; }
      if (r.n === 0) { row.status = "FAIL"; row.notes.push("no data", ...(await diagnose(expr))); }
      // Per service, for information: which services the panel has data for.
      const svc = Object.keys(vars).filter((k) => !k.startsWith("__values_") && t.expr.includes(k));
      for (const v of svc) {
        const have = [];
        for (const value of vars[`__values_${v}`] || []) {
          const rs = await query(substitute(t.expr, vars, { [v]: value }));
          if (rs.ok && rs.n > 0) have.push(value);
        }
        if (vars[`__values_${v}`]?.length) row.notes.push(`data for $${v} = ${have.length ? have.join(", ") : "none"}`);
      }
    }
  }
}

// Alert rules: exactly what Prometheus loaded.
const rules = await (await fetch(`${prom}/api/v1/rules`)).json();
let alerts = 0;
for (const g of rules.data?.groups || []) {
  for (const rule of g.rules) {
    alerts++;
    const r = await query(rule.query);
    const row = { where: `alert ${rule.name || rule.alert} (${g.name})`, expr: rule.query, n: r.ok ? r.n : "-", status: r.ok ? "OK" : "FAIL", notes: [] };
    if (!r.ok) row.notes.push(`does not parse or evaluate: ${r.error}`);
    if (rule.health === "err") { row.status = "FAIL"; row.notes.push(`rule health: ${rule.lastError}`); }
    rows.push(row);
  }
}
if (!alerts) rows.push({ where: "alert rules", expr: "-", n: "-", status: "FAIL", notes: ["Prometheus loaded no alert rule"] });

// The table.
const w = Math.min(70, Math.max(...rows.map((r) => r.where.length)));
console.log(`${"RESULT".padEnd(6)}  ${"SERIES".padStart(6)}  ${"PANEL / RULE".padEnd(w)}  EXPRESSION`);
for (const r of rows) {
  console.log(`${r.status.padEnd(6)}  ${String(r.n).padStart(6)}  ${r.where.padEnd(w)}  ${r.expr.replace(/\s+/g, " ").trim()}`);
  for (const n of r.notes) console.log(`${"".padEnd(16)}- ${n}`);
}
const count = (s) => rows.filter((r) => r.status === s).length;
console.log(`\n${rows.length} expressions: ${count("OK")} OK, ${count("SKIP")} SKIP, ${count("FAIL")} FAIL`);
const failed = rows.filter((r) => r.status === "FAIL");
if (failed.length) {
  console.log("\nFAILED:");
  for (const r of failed) console.log(`  ${r.where}: ${r.notes.filter((n) => !n.startsWith("data for")).join("; ")}`);
}
process.exit(failed.length ? 1 : 0);
