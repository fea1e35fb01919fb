// `cdguard inventory --stack-export` on a file the real Pulumi CLI wrote: an example program's deployed state,
// imported into a local-backend stack (`pulumi stack import`, secrets encrypted by the passphrase provider)
// and exported again as users do (`pulumi stack export --show-secrets`, and without it). The inventory must
// equal the one of the file we wrote, and no secret may be printed.
import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataInventory } from "../../src/access/model";
import { repoRoot } from "../../src/engine-client/repo-root";
import { assertPackBuilt, ensureCli, type RealCli } from "./cli";
import { discoverExamples, PROGRAM_SECRETS, recordKnown, secretTokens, stateOf, withSecrets } from "./examples";

const root = repoRoot(__dirname);
const example = discoverExamples(root).find((e) => e.dir === "segments-violations")!;
const tokens = secretTokens();
const secrets = [...Object.values(tokens), ...PROGRAM_SECRETS];
const cdguard = join(root, "dist", "src", "cli", "main.js");
const work = mkdtempSync(join(tmpdir(), "cdg-realcli-inventory-"));
let cli: RealCli;
let env: Record<string, string>;

function pulumi(args: string[], cwd: string): Promise<string> {
  return new Promise((ok, fail) =>
    execFile(cli.bin, [...args, "--non-interactive"], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? fail(new Error(`pulumi ${args.join(" ")}: ${err.message}\n${stderr}`)) : ok(stdout),
    ),
  );
}

function inventoryOf(file: string): Promise<{ status: number | null; doc?: DataInventory; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [cdguard, "inventory", "--stack-export", file], { env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => ok({ status, stdout, stderr, ...(status === 0 ? { doc: JSON.parse(stdout) as DataInventory } : {}) }));
  });
}

let written: string;
let exported: string;
let exportedEncrypted: string;

beforeAll(async () => {
  assertPackBuilt(root);
  cli = await ensureCli(root);
  env = { ...cli.env, PULUMI_BACKEND_URL: `file://${join(work, "backend")}`, PULUMI_CONFIG_PASSPHRASE: "cdg-inventory-test" };
  rmSync(join(work, "backend"), { recursive: true, force: true });
  const project = join(work, "project");
  for (const d of [join(work, "backend"), project]) mkdirSync(d, { recursive: true });
  writeFileSync(join(project, "Pulumi.yaml"), `name: ${example.project}\nruntime: nodejs\n`);
  const state = stateOf(example, withSecrets(await recordKnown(example, tokens), tokens), "deployed", tokens);
  written = join(work, "written.json");
  writeFileSync(written, JSON.stringify(state));
  await pulumi(["stack", "init", "dev", "--secrets-provider", "passphrase"], project);
  // The new stack's secrets provider (its passphrase salt), which encrypts the secrets on import.
  const empty = JSON.parse(await pulumi(["stack", "export"], project)) as { deployment: { secrets_providers?: unknown } };
  const importable = join(work, "importable.json");
  writeFileSync(importable, JSON.stringify({ ...state, deployment: { ...state.deployment, secrets_providers: empty.deployment.secrets_providers } }));
  await pulumi(["stack", "import", "--file", importable], project);
  exported = join(work, "exported.json");
  exportedEncrypted = join(work, "exported-encrypted.json");
  await pulumi(["stack", "export", "--show-secrets", "--file", exported], project);
  await pulumi(["stack", "export", "--file", exportedEncrypted], project);
}, 1_800_000);

afterAll(() => {
  cli?.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe("cdguard inventory on a state file the real Pulumi CLI exported", () => {
  it("gives the inventory of the state it was given, and prints no secret", async () => {
    const [mine, theirs] = [await inventoryOf(written), await inventoryOf(exported)];
    expect([theirs.status, theirs.stderr]).toEqual([0, ""]);
    expect(theirs.doc).toEqual(mine.doc);
    expect(theirs.doc?.stores.map((s) => `${s.id.split("::").pop()} ${s.segment}`)).toEqual([
      "tenant-a-db tenant-a",
      "tenant-b-db tenant-b",
      "tenant-a-documents tenant-a",
      "tenant-b-documents tenant-b",
    ]);
    expect(theirs.doc?.access.filter((e) => e.principal.endsWith("::reporting")).map((e) => `${e.store.split("::").pop()} ${e.level} ${e.status}`)).toEqual([
      "tenant-a-documents read allowed",
      "tenant-b-documents read allowed",
    ]);
    for (const s of secrets) expect(theirs.stdout).not.toContain(s);
    expect(readFileSync(exported, "utf8")).toContain(tokens.tag); // the export holds the secrets: the inventory did not print them
  });

  it("an export without --show-secrets: the encrypted values are unknown and named as a gap, never printed", async () => {
    expect(readFileSync(exportedEncrypted, "utf8")).not.toContain(tokens.tag); // the CLI keeps them as ciphertext
    const run = await inventoryOf(exportedEncrypted);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.doc?.stores).toHaveLength(4);
    expect(run.doc?.gaps.some((g) => /secret|encrypted/i.test(g.reason))).toBe(true);
    for (const s of secrets) expect(run.stdout).not.toContain(s);
  });
});
