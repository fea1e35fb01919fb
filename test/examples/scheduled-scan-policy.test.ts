// The scheduled scan's IAM documents built from the scanner's generated policy: split to fit managed policies
// (deterministically, nothing lost), the organization statements, the member role template, the ECR repository
// an image URI names.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memberRoleTemplate } from "../../examples/scheduled-scan/pulumi/member-role";
import {
  MANAGED_POLICY_MAX_CHARS, organizationReadStatements, readPolicyDocument, SCANNER_POLICY_FILE, splitPolicyDocument, type PolicyDocument,
} from "../../examples/scheduled-scan/pulumi/policy-documents";
import { ecrRepositoryArn } from "../../examples/scheduled-scan/pulumi/tasks";
import { repoRoot } from "../../src/engine-client/repo-root";

const actions = (docs: PolicyDocument[]): string[] => docs.flatMap((d) => d.Statement.flatMap((s) => [s.Action ?? []].flat()));
const size = (d: PolicyDocument): number => JSON.stringify(d).length;
const manyActions = (n: number): PolicyDocument => ({
  Version: "2012-10-17",
  Statement: [
    { Sid: "Small", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" },
    { Sid: "Big", Effect: "Allow", Action: Array.from({ length: n }, (_, i) => `service${i % 7}:DescribeSomethingRatherLong${i}`), Resource: "*" },
  ],
});

describe("the scanner's policy split into managed policies", () => {
  it("reads the generated policy from the repository root", () => {
    expect(SCANNER_POLICY_FILE).toBe(join(repoRoot(__dirname), "scanner-iam-policy.json"));
    const doc = readPolicyDocument(SCANNER_POLICY_FILE);
    expect(doc).toEqual(JSON.parse(readFileSync(SCANNER_POLICY_FILE, "utf8")));
  });

  it("the generated policy fits one managed policy today, unchanged", () => {
    const doc = readPolicyDocument(SCANNER_POLICY_FILE);
    expect(splitPolicyDocument(doc)).toEqual([doc]);
  });

  it.each([300, 1000])("a policy of %i actions is cut into parts each within the limit, in order, nothing lost or repeated", (n) => {
    const doc = manyActions(n);
    const parts = splitPolicyDocument(doc);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(size(p)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
    expect(actions(parts)).toEqual(actions([doc]));
    expect(parts[0]!.Statement[0]).toEqual(doc.Statement[0]);
    const sids = parts.flatMap((p) => p.Statement.map((s) => s.Sid));
    expect(sids).toEqual(["Small", ...sids.slice(1).map((_, i) => `Big${i + 1}`)]);
    expect(splitPolicyDocument(doc)).toEqual(parts);
  });

  it("whole statements are kept together while they fit, and a smaller limit gives more parts", () => {
    const doc = manyActions(40);
    expect(splitPolicyDocument(doc)).toEqual([doc]);
    const parts = splitPolicyDocument(doc, 1000);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(size(p)).toBeLessThanOrEqual(1000);
  });

  it("a statement that cannot be cut (one action) and is too large is refused, not truncated", () => {
    const doc: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: Array.from({ length: 300 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`) }] };
    expect(() => splitPolicyDocument(doc)).toThrow(/larger than/);
  });
});

describe("the organization statements of the scan task role", () => {
  it("without the generated org policy: the four organizations reads the scanner needs, on *", () => {
    const statements = organizationReadStatements(join(__dirname, "no-such-file.json"));
    expect(actions([{ Version: "2012-10-17", Statement: statements }]).sort()).toEqual([
      "organizations:DescribeOrganization", "organizations:ListAccounts", "organizations:ListAccountsForParent", "organizations:ListOrganizationalUnitsForParent",
    ]);
  });
});

describe("the member role template", () => {
  it("trusts only the scan task role and attaches one managed policy per part", () => {
    const parts = splitPolicyDocument(manyActions(1000));
    const t = memberRoleTemplate("CdgScanner", "arn:aws:iam::111122223333:role/cdguard-prod-scan-task", parts) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const role = t.Resources.ScannerRole!;
    expect(role.Properties.RoleName).toBe("CdgScanner");
    expect(role.Properties.AssumeRolePolicyDocument).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/cdguard-prod-scan-task" }, Action: "sts:AssumeRole" }],
    });
    expect(role.Properties.ManagedPolicyArns).toEqual(parts.map((_, i) => ({ Ref: `ScannerReadOnly${i + 1}` })));
    expect(parts.map((_, i) => t.Resources[`ScannerReadOnly${i + 1}`]?.Properties.PolicyDocument)).toEqual(parts);
    expect(Object.values(t.Resources).map((r) => r.Type).sort()).toEqual([...parts.map(() => "AWS::IAM::ManagedPolicy"), "AWS::IAM::Role"]);
  });
});

describe("the ECR repository an image URI names", () => {
  it.each([
    ["111122223333.dkr.ecr.eu-west-1.amazonaws.com/cdguard:0.1.0", "aws", "arn:aws:ecr:eu-west-1:111122223333:repository/cdguard"],
    ["111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/cdguard@sha256:abc", "aws", "arn:aws:ecr:eu-west-1:111122223333:repository/team/cdguard"],
    ["111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/cdguard:1", "aws-cn", "arn:aws-cn:ecr:cn-north-1:111122223333:repository/cdguard"],
    ["ghcr.io/acme/cdguard:0.1.0", "aws", undefined],
  ])("%s -> %s", (uri, partition, arn) => {
    expect(ecrRepositoryArn(uri, partition)).toBe(arn);
  });
});
