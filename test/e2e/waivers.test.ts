// Waivers through the real pack process, as the engine drives it: a waivers file named in `pack-settings`
// (read at Configure, its mistakes failing Configure by file and line) and waiver tags in the AWS-valid form.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayUtc } from "../../src/core/waivers";
import { isNotAssessedNote } from "../../src/engine-client/analyze-program";
import { secret, startPack, type AnalyzerResourceInput, type PackClient } from "../../src/engine-client/harness";
import { repoRoot } from "../../src/engine-client/repo-root";
import { resourceOf } from "../../src/engine-client/resource-builder";

const root = repoRoot(__dirname);
const STACK = { project: "shop", stack: "dev" };
const dir = mkdtempSync(join(tmpdir(), "cdguard-pack-waivers-"));
const WAIVERS = join(dir, "waivers.yaml");
writeFileSync(
  WAIVERS,
  `waivers:
  - rule: data-store-encrypted-at-rest
    resource: "urn:pulumi:*::shop::aws:rds/instance:Instance::ledger*"
    reason: Encrypted copy cut over in the Q1 window (DBA-77)
    owner: dba-team@example.com
    expires: 2099-12-31
  - rule: CDG-ENC-001
    resource: "urn:pulumi:*::shop::aws:rds/instance:Instance::archive"
    reason: Archive kept as is until the legal hold ends
    owner: legal@example.com
    expires: 2001-01-01
`,
);

let pack: PackClient;
beforeAll(async () => {
  pack = await startPack(root, { policyConfig: { "pack-settings": { waiversFile: WAIVERS } } });
});
afterAll(async () => {
  await pack?.close();
  rmSync(dir, { recursive: true, force: true });
});

const db = (name: string, tags: Record<string, unknown> = {}): AnalyzerResourceInput =>
  resourceOf(STACK, "aws:rds/instance:Instance", name, { engine: "postgres", storageEncrypted: false, tags: { "data-classification": "restricted", ...tags } });

/** The diagnostics of the encryption-at-rest policy on one resource, notes on what was not assessed aside. */
async function atRest(resource: AnalyzerResourceInput) {
  const { diagnostics } = await pack.analyze(resource);
  return diagnostics.filter((d) => !isNotAssessedNote(d) && d.policyName === "data-store-encrypted-at-rest");
}

describe("a waivers file named in pack-settings", () => {
  it("turns a waived violation advisory, still shown with its expiry, owner, reason, file and line", async () => {
    const [d, ...rest] = await atRest(db("ledger-db"));
    expect(rest).toEqual([]);
    expect(d?.enforcementLevel).toBe("advisory");
    expect(d?.message).toBe(
      `[CDG-ENC-001] RDS instance 'ledger-db' is not encrypted at rest (storageEncrypted=false) — WAIVED until 2099-12-31, owner dba-team@example.com: Encrypted copy cut over in the Q1 window (DBA-77) (${WAIVERS}:2)`,
    );
  });

  it("makes a violation mandatory again once its waiver expired, naming the waiver", async () => {
    const [d] = await atRest(db("archive"));
    expect(d?.enforcementLevel).toBe("mandatory");
    expect(d?.message).toContain(`(waiver expired on 2001-01-01, owner legal@example.com: Archive kept as is until the legal hold ends (${WAIVERS}:7))`);
  });

  it("leaves what no waiver matches mandatory", async () => {
    const [d] = await atRest(db("orders"));
    expect(d?.enforcementLevel).toBe("mandatory");
    expect(d?.message).not.toContain("waive");
  });
});

describe("waiver tags in the form every AWS service accepts", () => {
  it("waive with the owner and expiry of their own tags; the old form still works", async () => {
    const key = "cdguard:waive:CDG-ENC-001";
    const [d] = await atRest(db("orders", { [key]: "Replica rebuild SEC-9", [`${key}:until`]: "2099-01-31", [`${key}:owner`]: "ops@example.com" }));
    expect(d?.enforcementLevel).toBe("advisory");
    expect(d?.message).toContain("— WAIVED until 2099-01-31, owner ops@example.com: Replica rebuild SEC-9");
    const [old] = await atRest(db("orders", { [key]: "migrating, ticket SEC-142; until=2099-03-31" }));
    expect(old?.enforcementLevel).toBe("advisory");
    expect(old?.message).toContain("— WAIVED until 2099-03-31: migrating, ticket SEC-142");
  });

  it("leave the violation mandatory when expired or unreadable, naming why", async () => {
    const key = "cdguard:waive:CDG-ENC-001";
    const [expired] = await atRest(db("orders", { [key]: "Replica rebuild", [`${key}:until`]: "2001-01-31" }));
    expect(expired?.enforcementLevel).toBe("mandatory");
    expect(expired?.message).toContain("(waiver expired on 2001-01-31: Replica rebuild)");
    const [unreadable] = await atRest(db("orders", { [`${key}:owner`]: "ops@example.com" }));
    expect(unreadable?.enforcementLevel).toBe("mandatory");
    expect(unreadable?.message).toContain(`(waiver tag '${key}:owner' has no tag '${key}' beside it giving the reason)`);
  });

  it("never print a secret reason or owner", async () => {
    const key = "cdguard:waive:CDG-ENC-001";
    const tags = { [key]: secret("hush reason 7c1f"), [`${key}:until`]: "2099-01-31", [`${key}:owner`]: secret("hidden-owner@example.com") };
    const [d] = await atRest(db("orders", tags));
    expect(d?.enforcementLevel).toBe("advisory");
    expect(d?.message).toContain("— WAIVED until 2099-01-31, owner [secret]: [secret]");
    expect(JSON.stringify(d)).not.toMatch(/hush reason|hidden-owner/);
  });
});

describe("a waivers file that cannot be used fails Configure", () => {
  const configureError = (waiversFile: string) =>
    pack.configure({ "pack-settings": { waiversFile } }).then(() => undefined, (e: unknown) => (e as Error).message);

  it("names the file and the line of each problem, and keeps the last good configuration", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "waivers:\n  - rule: CDG-ENC-01\n    resource: '**'\n    reason: r\n    owner: o\n    expires: 2027-02-30\n");
    const message = await configureError(bad);
    expect(message).toContain(`'waiversFile': ${bad}:2: waiver 1: 'CDG-ENC-01' is not a rule (did you mean 'CDG-ENC-001'?)`);
    expect(message).toContain(`'waiversFile': ${bad}:6: waiver 1: expires '2027-02-30' is not a real date`);
    expect(message).not.toMatch(/\n\s+at /);
    const [d] = await atRest(db("ledger-db"));
    expect(d?.enforcementLevel).toBe("advisory");
  });

  it("resolves a relative path against the policy pack's directory, and names the path it tried", async () => {
    expect(await configureError("examples/waivers.yaml")).toBeUndefined();
    expect(await configureError("no/such/waivers.yaml")).toContain(`'waiversFile': ${join(root, "no/such/waivers.yaml")}: cannot read the waivers file (ENOENT)`);
    await pack.configure({ "pack-settings": { waiversFile: WAIVERS } });
  });

  it("applies the example file: its URN waiver waives the example program's table", async () => {
    await pack.configure({ "pack-settings": { waiversFile: join(root, "examples", "waivers.yaml") } });
    const example = { project: "shop-data-violations", stack: "dev" };
    const table = resourceOf(example, "aws:dynamodb/table:Table", "payment-methods", {
      billingMode: "PAY_PER_REQUEST", hashKey: "id", attributes: [{ name: "id", type: "S" }], tags: { "data-classification": "restricted" },
    });
    const { diagnostics } = await pack.analyzeStack([table]);
    const cmk = diagnostics.filter((d) => !isNotAssessedNote(d) && d.policyName === "restricted-data-encrypted-with-customer-managed-key");
    // The example's waiver lasts until 2027-01-31: waived until then, failing again after.
    const active = todayUtc() <= "2027-01-31";
    expect(cmk.map((d) => d.enforcementLevel)).toEqual([active ? "advisory" : "mandatory"]);
    expect(cmk[0]?.message).toContain(active ? "— WAIVED until 2027-01-31, owner payments-platform@example.com:" : "(waiver expired on 2027-01-31, owner payments-platform@example.com:");
    await pack.configure({ "pack-settings": { waiversFile: WAIVERS } });
  });
});
