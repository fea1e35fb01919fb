// Headless Chromium for tests that look at pages as a person would: Debian's `chromium` driven by
// playwright-core (which downloads no browser of its own). Installed with apt-get when missing.
import { spawnSync } from "node:child_process";
import { chromium, type Browser } from "playwright-core";

const INSTALL_HINT = "Install Debian's Chromium first: `apt-get update && apt-get install -y chromium` (as root).";

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function whichChromium(): string | undefined {
  const found = spawnSync("which", ["chromium"], { encoding: "utf8" });
  const path = found.stdout.trim();
  return found.status === 0 && path !== "" ? path : undefined;
}

function aptGet(args: readonly string[]): { ok: boolean; output: string } {
  const run = spawnSync("apt-get", [...args], {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    timeout: 15 * 60_000,
  });
  return { ok: run.status === 0, output: `${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? String(run.error) : ""}` };
}

/**
 * The path of `chromium`, installing Debian's package when it is missing (the package lists may be stale,
 * so `apt-get update` is tried once before giving up). Throws, never skips, when it cannot be had.
 */
export function ensureChromium(): string {
  const present = whichChromium();
  if (present) return present;
  if (!isRoot()) throw new Error(`chromium is not installed and this user cannot install it. ${INSTALL_HINT}`);
  let install = aptGet(["install", "-y", "-q", "chromium"]);
  if (!install.ok) {
    const update = aptGet(["update", "-q"]);
    if (!update.ok) throw new Error(`apt-get update failed, so chromium could not be installed. ${INSTALL_HINT}\n${update.output.slice(-2000)}`);
    install = aptGet(["install", "-y", "-q", "chromium"]);
  }
  const installed = whichChromium();
  if (!install.ok || !installed) throw new Error(`apt-get install chromium failed. ${INSTALL_HINT}\n${install.output.slice(-2000)}`);
  return installed;
}

/** Chromium headless; as root it cannot sandbox itself (a container's root has no user namespaces). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = ensureChromium();
  return chromium.launch({ executablePath, headless: true, args: isRoot() ? ["--no-sandbox"] : [] });
}
