// The real pack, started as the Pulumi CLI starts it, judging the example programs recorded in preview.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeProgram, violationPairs, type ProgramAnalysis } from "../../src/engine-client/analyze-program";
import { startPack, type PackClient } from "../../src/engine-client/harness";
import { repoRoot } from "../../src/engine-client/repo-root";
import { withoutHygiene } from "./pillars";
import { iamDataVersion } from "../../src/iam";
import { ALL_RULES } from "../../src/rules";
import { packSettingsPolicy, toPolicy } from "../../src/pulumi/policy";

const root = repoRoot(__dirname);
let pack: PackClient;
let compliant: ProgramAnalysis;
let violations: ProgramAnalysis;

beforeAll(async () => {
  pack = await startPack(root);
  await pack.configure({});
  compliant = await analyzeProgram(pack, join(root, "examples", "encryption-compliant"));
  violations = await analyzeProgram(pack, join(root, "examples", "encryption-violations"));
});
afterAll(async () => {
  await pack?.close();
});

describe("the pack as the engine sees it", () => {
  it("offers every rule as a policy with its metadata, and names the IAM data version", async () => {
    const info = await pack.getAnalyzerInfo();
    expect(info.name).toBe("customer-data-guard");
    expect(info.description).toContain(`IAM data ${iamDataVersion()}`);
    expect(info.policies.map((p) => p.name).sort()).toEqual([...ALL_RULES.map((r) => r.slug), "pack-settings"].sort());
    for (const rule of ALL_RULES) {
      const p = info.policies.find((x) => x.name === rule.slug);
      expect(p?.policyType).toBe(rule.scope);
      expect(p?.tags).toContain(rule.id);
      expect(p?.severity).toBe(rule.severity);
      expect(p?.remediationSteps).toBe(rule.remediation);
      expect(p?.url).toBe(rule.links[0]);
      expect(Object.keys(p?.configSchema?.properties ?? {})).toEqual(expect.arrayContaining(Object.keys(rule.options ?? {})));
      // The schemas travel as bytes the pack encodes itself (src/pulumi/analyzer-info-schemas.ts): the same JSON.
      expect(p?.configSchema).toEqual({ properties: toPolicy(rule).configSchema?.properties, required: [] });
    }
    expect(info.policies.find((x) => x.name === "pack-settings")?.configSchema).toEqual({
      properties: packSettingsPolicy(ALL_RULES).configSchema?.properties,
      required: [],
    });
  });
});

describe("the default pack on the example programs (preview)", () => {
  it("finds nothing wrong in the compliant program", () => {
    expect(withoutHygiene(compliant.diagnostics)).toEqual([]);
  });

  it("reports exactly the planted violations, each against its resource", () => {
    expect(violationPairs(withoutHygiene(violations.diagnostics))).toEqual(
      [
        "copies-and-replicas-stay-encrypted accounts-db-replica",
        "data-store-encrypted-at-rest ledger-db",
        "data-store-encrypted-at-rest order-notifications",
        "data-store-encrypted-at-rest scratch",
        "kms-key-deletion-window-sufficient weak-key",
        "kms-key-rotation-enabled weak-key",
        "restricted-data-encrypted-with-customer-managed-key customer-exports",
        "restricted-data-encrypted-with-customer-managed-key ledger-db",
        "restricted-data-encrypted-with-customer-managed-key legacy-import",
        "restricted-data-encrypted-with-customer-managed-key payment-methods",
        // Network isolation catches what this encryption example leaves out on purpose.
        "data-store-in-private-subnets accounts-db",
        "data-store-in-private-subnets ledger-db",
        "s3-bucket-public-access-blocked customer-exports",
        "s3-bucket-public-access-blocked legacy-import",
        "s3-bucket-requires-tls customer-exports",
        "s3-bucket-requires-tls legacy-import",
      ].sort(),
    );
  });

  it("blocks on high-severity findings and only warns on waived and medium ones", () => {
    const level = (policy: string, name: string) =>
      violations.diagnostics.find((d) => d.policyName === policy && d.urn.endsWith(`::${name}`))?.enforcementLevel;
    expect(level("data-store-encrypted-at-rest", "ledger-db")).toBe("mandatory");
    expect(level("kms-key-rotation-enabled", "weak-key")).toBe("advisory");
    expect(level("restricted-data-encrypted-with-customer-managed-key", "legacy-import")).toBe("advisory");
    const waived = violations.diagnostics.find(
      (d) => d.policyName === "restricted-data-encrypted-with-customer-managed-key" && d.urn.endsWith("::legacy-import"),
    );
    expect(waived?.message).toMatch(/WAIVED until 2027-03-31: migrating to the orders key, ticket SEC-142/);
  });

  it("names the resource and the observed value in messages", () => {
    const ledger = violations.diagnostics.find((d) => d.policyName === "data-store-encrypted-at-rest" && d.urn.endsWith("::ledger-db"));
    expect(ledger?.message).toContain("[CDG-ENC-001] RDS instance 'ledger-db' is not encrypted at rest (storageEncrypted=false)");
  });

  it("never prints a secret", () => {
    // What the pack answered (the analyses also hold the program's own inputs, secrets included).
    const answered = (a: ProgramAnalysis) => [a.diagnostics, a.notAssessed, a.notApplicable];
    const text = JSON.stringify([answered(violations), answered(compliant)]);
    for (const secretValue of ["Tr0ub4dor&3-never-print-me", "another-Secret-value-99", "Correct-Horse-Battery-Staple-42"]) {
      expect(text).not.toContain(secretValue);
    }
  });
});
