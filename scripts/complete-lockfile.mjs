// The npm registry reachable from this project's build machines serves only the linux-x64 builds of
// rollup's platform packages (vitest's bundler). `npm install` then writes a lockfile without the
// other platforms' optional entries, and `npm ci` refuses it as "out of sync". This adds those
// entries back (optional, with their os/cpu, so npm skips them) after any `npm install`:
//   npm install && node scripts/complete-lockfile.mjs
import { readFileSync, renameSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;
let added = 0;
for (const [where, pkg] of Object.entries(packages)) {
  for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
    const at = `${where ? `${where}/` : ""}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[at] || packages[hoisted]) continue;
    const m = /^@rollup\/rollup-([a-z0-9]+)-([a-z0-9]+)(?:-([a-z]+))?$/.exec(name);
    if (!m) continue;
    const [, os, cpu, abi] = m;
    const entry = { version: pkg.optionalDependencies[name], cpu: [cpu], dev: true, license: "MIT", optional: true, os: [os] };
    if (os === "linux") entry.libc = [abi?.startsWith("musl") ? "musl" : "glibc"];
    packages[hoisted] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)));
const tmp = new URL("../package-lock.json.tmp", import.meta.url);
writeFileSync(tmp, `${JSON.stringify(lock, null, 2)}\n`);
renameSync(tmp, path);
console.log(`package-lock.json: added ${added} platform entries`);
