// Resources the engine may send that are not what a provider schema promises, and values unknown in
// preview: the real pack answers with a clear violation or "not assessed", never a crash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_RULES } from "../../src/rules";
import { resourceOf } from "../../src/engine-client/resource-builder";
import { startPack, UNKNOWN, secret, type PackClient } from "../../src/engine-client/harness";
import { repoRoot } from "../../src/engine-client/repo-root";
import { isNotAssessedNote } from "../../src/engine-client/analyze-program";
import type { Diagnostic } from "../../src/engine-client/analyzer-types";

/** Violations only: the pack also shows what it could not judge as advisory "not assessed" notes. */
const violations = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.filter((d) => !isNotAssessedNote(d));

const STACK = { project: "shop", stack: "dev" };
const resource = (type: string, name: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}) =>
  resourceOf(STACK, type, name, props, { propertyDependencies: deps });

let pack: PackClient;
beforeAll(async () => {
  pack = await startPack(repoRoot(__dirname));
  await pack.configure({});
});
afterAll(async () => {
  await pack?.close();
});

const restricted = { "data-classification": "restricted" };
// [case, type, properties, Analyze not assessed, AnalyzeStack not assessed]
const malformed = [
  ["S3 encryption configuration given as a string", "aws:s3/bucket:Bucket", { serverSideEncryptionConfiguration: "AES256", tags: restricted }, true, true],
  ["RDS switch given as a string", "aws:rds/instance:Instance", { storageEncrypted: "yes", tags: restricted }, true, true],
  ["KMS window given as a string", "aws:kms/key:Key", { deletionWindowInDays: "seven", enableKeyRotation: true }, true, false],
  ["DynamoDB block given as a list of strings", "aws:dynamodb/table:Table", { serverSideEncryption: ["on"], tags: restricted }, true, true],
  ["tags given as a string", "aws:efs/fileSystem:FileSystem", { encrypted: true, tags: "restricted" }, false, true],
  ["EC2 block devices given as a number", "aws:ec2/instance:Instance", { rootBlockDevice: { encrypted: true, kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }, ebsBlockDevices: 3, tags: restricted }, true, true],
] as const;

const reasonsOf = (r: { notApplicable: { reason: string }[] }) => r.notApplicable.map((n) => n.reason).join("\n");
/** The malformed properties are encryption settings: the encryption pillar must not call them violations. */
const ENCRYPTION_POLICIES = new Set(ALL_RULES.filter((r) => r.pillar === "encryption").map((r) => r.slug));
const encryptionDiagnostics = (r: { diagnostics: Diagnostic[] }) => violations(r).filter((d) => ENCRYPTION_POLICIES.has(d.policyName));

describe("malformed resources", () => {
  it.each(malformed)("%s: not assessed with the property named, never a violation", async (_name, type, props, analyzeNA, stackNA) => {
    const r = resource(type, "odd", { ...props });
    const single = await pack.analyze(r);
    const stack = await pack.analyzeStack([r]);
    expect(encryptionDiagnostics(single)).toEqual([]);
    expect(encryptionDiagnostics(stack)).toEqual([]);
    const judged = [...(analyzeNA ? [reasonsOf(single)] : []), ...(stackNA ? [reasonsOf(stack)] : [])];
    expect(judged.length).toBeGreaterThan(0);
    for (const reasons of judged) expect(reasons).toMatch(/not assessed.*property '[^']+' of odd should be/);
  });

  it("a pack that got garbage keeps serving", async () => {
    await pack.analyze(resource("aws:s3/bucket:Bucket", "odd", { serverSideEncryptionConfiguration: 42 }));
    const ok = await pack.analyze(resource("aws:rds/instance:Instance", "plain", { storageEncrypted: false, deletionProtection: true }));
    expect(violations(ok).map((d) => d.policyName)).toEqual(["data-store-encrypted-at-rest"]);
  });
});

describe("unknown values in preview", () => {
  it("an unknown switch is not assessed, never a violation, never the engine's UnknownValueError warning", async () => {
    const r = resource("aws:rds/instance:Instance", "db", { storageEncrypted: UNKNOWN, deletionProtection: true, tags: { "data-classification": "restricted" } });
    const result = await pack.analyze(r);
    expect(violations(result)).toEqual([]);
    const na = result.notApplicable.find((n) => n.policyName === "data-store-encrypted-at-rest");
    expect(na?.reason).toMatch(/^not assessed: .*storageEncrypted of db is computed during the update/);
    // Shown where the engine shows something: an advisory note of the rule's own policy, on the resource.
    const note = result.diagnostics.find((d) => d.policyName === "data-store-encrypted-at-rest");
    expect(note).toMatchObject({ enforcementLevel: "advisory", urn: r.urn });
    expect(note?.message).toMatch(/^\[CDG-ENC-001\] not assessed \(known only after the update\): RDS instance 'db': .*storageEncrypted of db is computed during the update/m);
  });

  it("a key computed in preview but coming from a KMS key resource is judged customer-managed", async () => {
    const key = resource("aws:kms/key:Key", "k", { enableKeyRotation: true });
    const db = resource(
      "aws:rds/instance:Instance",
      "db",
      { storageEncrypted: true, kmsKeyId: UNKNOWN, tags: { "data-classification": "restricted" } },
      { kmsKeyId: [key.urn] },
    );
    const result = await pack.analyzeStack([key, db]);
    expect(encryptionDiagnostics(result)).toEqual([]);
  });

  it("a secret value is never echoed", async () => {
    const r = resource("aws:rds/instance:Instance", "db", { storageEncrypted: secret("hunter2-secret"), password: secret("pw-secret-1") });
    const text = JSON.stringify([await pack.analyze(r), await pack.analyzeStack([r])]);
    expect(text).not.toContain("hunter2-secret");
    expect(text).not.toContain("pw-secret-1");
    expect(text).toMatch(/should be true or false, got string/);
  });
});

describe("policy config", () => {
  it("a rule option changes the verdict", async () => {
    const key = resource("aws:kms/key:Key", "k", { enableKeyRotation: true, deletionWindowInDays: 20 });
    expect(violations(await pack.analyze(key))).toEqual([]);
    await pack.configure({ "kms-key-deletion-window-sufficient": { minimumDays: 30 } });
    const strict = await pack.analyze(key);
    expect(violations(strict).map((d) => d.message)).toEqual([
      expect.stringContaining("deletion window of 20 days, shorter than the required 30 days"),
    ]);
    await pack.configure({});
  });

  it("a bad option is refused by name before any resource is judged", async () => {
    await expect(pack.configure({ "kms-key-deletion-window-sufficient": { minimumDays: 3 } })).rejects.toThrow(/minimumDays/);
  });
});
