// deploy/images/check --record: puts the measured image rows into deploy/bench/results/latest.json under
// "startupImages", leaving everything else in the file as it is.
//
//   node record.mjs LATEST_JSON ROWS_FILE OVERLAY BASE_IMAGE
//
// ROWS_FILE: one line per service,
// "service buildSeconds imageMB aotCacheMiB readyMillis readyFromJvmStartMillis cpuMillisToReady idleRssMiB".
import fs from "node:fs";
import os from "node:os";
import { execFileSync } from "node:child_process";

const [file, rowsFile, overlay, base] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");
JSON.parse(text); // it must be JSON before and after
let commit = "";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
} catch {
  // not a git checkout
}
const startupImages = {
  measuredAt: new Date().toISOString(),
  commit,
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, podman with runc; FROM ${base} (the stand-in: Debian bookworm + this machine's Temurin)`,
  how: `deploy/images/check: each image alone, run as overlays/${overlay}'s Deployment against a local Kafka and PostgreSQL; `
    + "ready = from `podman run` to the first 200 of /q/health/ready (readyFromJvmStart: from the java process's start, "
    + "as the startup benchmark measures); cpuMillisToReady = its user + system time by then; RSS = VmRSS 2 s later",
  rows: fs.readFileSync(rowsFile, "utf8").trim().split("\n").map((line) => {
    const [service, build, size, aot, ready, fromJvm, cpu, rss] = line.split(" ");
    return {
      service, buildSeconds: +build, imageMB: +size, aotCacheMiB: +aot, readyMillis: +ready,
      readyFromJvmStartMillis: +fromJvm, cpuMillisToReady: +cpu, idleRssMiB: +rss,
      readyTarget: "<= 1500 ms", readyMet: +ready <= 1500, rssTarget: "<= 200 MiB", rssMet: +rss <= 200,
    };
  }),
};
// The benchmark writes this file with Jackson's layout; only the last key, "startupImages", is replaced (a diff shows
// only it), whatever a previous --record left there.
const marker = ',\n  "startupImages" : ';
const rest = (text.includes(marker) ? text.slice(0, text.indexOf(marker)) : text.replace(/\n}\s*$/, "")).replace(/\s+$/, "");
const out = `${rest}${marker}${JSON.stringify(startupImages, null, 2).replace(/\n/g, "\n  ")}\n}\n`;
JSON.parse(out);
fs.writeFileSync(file, out);
