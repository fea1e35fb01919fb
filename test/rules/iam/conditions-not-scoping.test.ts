import { describe, expect, it } from "vitest";
import { unknown } from "../../../src/core/value";
import { analyzePrincipals, verdictFor } from "../../../src/iam";
import { iamPolicyActionsScopedToResources } from "../../../src/rules/iam/iam-policy-actions-scoped-to-resources";
import { iamPolicyGrantsNoPrivilegeEscalation } from "../../../src/rules/iam/iam-policy-grants-no-privilege-escalation";
import { allow, doc, documentShapes, judge, statusOf, UNKNOWN } from "./iam-cases";

// Issue 11, bullet 3: a condition that does not restrict is not scoping. The unscoped-access rule
// (CDG-IAM-002) and the escalation rule (CDG-IAM-008) judge the statement as if it had no condition;
// a condition the analyzer cannot read never passes it (CDG-IAM-009 names it "needs review").

const readAll = (condition: unknown) => doc(allow("s3:GetObject", "*", { Condition: condition }));
const assumeAny = (condition: unknown) => doc(allow("sts:AssumeRole", "*", { Condition: condition }));

const unscopedCases: [string, unknown, string][] = [
  ["compliant: one named VPC endpoint scopes", readAll({ StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } }), "pass"],
  ["compliant: the resource's account scopes", readAll({ StringEquals: { "aws:ResourceAccount": "111122223333" } }), "pass"],
  ["compliant: a partial account pattern still scopes", readAll({ StringLike: { "aws:ResourceAccount": "1111222233*" } }), "pass"],
  ["compliant: one public range of aws:SourceIp scopes", readAll({ IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }), "pass"],
  ["violation: a date condition that is already true", readAll({ DateGreaterThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }), "fail"],
  ["violation: ForAllValues on single-valued aws:SourceVpce", readAll({ "ForAllValues:StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } }), "fail"],
  ["violation: vpce-* matches every endpoint", readAll({ StringLike: { "aws:SourceVpce": "vpce-*" } }), "fail"],
  ["violation: arn:aws:iam::*:role/* matches every caller role", readAll({ ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/*" } }), "fail"],
  ["violation: an account of wildcards matches every account", readAll({ StringLike: { "aws:ResourceAccount": "????????????" } }), "fail"],
  ["violation: a negated operator excludes one endpoint only", readAll({ StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } }), "fail"],
  ["violation: IfExists passes when the key is absent", readAll({ StringEqualsIfExists: { "aws:SourceVpce": "vpce-1a2b3c4d" } }), "fail"],
  ["violation: only private aws:SourceIp ranges", readAll({ IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "172.16.0.0/12"] } }), "fail"],
  ["compliant: a documented service tag key scopes (ssm:resourceTag/team)", doc(allow("ssm:GetParameter", "*", { Condition: { StringEquals: { "ssm:resourceTag/team": "a" } } })), "pass"],
  ["violation: a tag key AWS does not document does not scope (s3:ResourceTag/team)", readAll({ StringEquals: { "s3:ResourceTag/team": "a" } }), "fail"],
  ["violation: a condition the analyzer cannot read is never passed", readAll({ StringEquals: { "aws:SourceVpcEndpoint": "vpce-1a2b3c4d" } }), "fail"],
  ["unknown: a computed pattern value on a scoping key", readAll({ StringLike: { "aws:SourceVpce": UNKNOWN } }), "unknown"],
];

const escalationCases: [string, unknown, string][] = [
  ["compliant: sts:AssumeRole on * scoped to one account", assumeAny({ StringEquals: { "aws:ResourceAccount": "111122223333" } }), "pass"],
  ["violation: sts:AssumeRole on * under an account wildcard", assumeAny({ StringLike: { "aws:ResourceAccount": "*" } }), "fail"],
  ["violation: sts:AssumeRole on * under a date condition", assumeAny({ DateLessThan: { "aws:CurrentTime": "2099-01-01T00:00:00Z" } }), "fail"],
  ["violation: sts:AssumeRole on * under ForAllValues", assumeAny({ "ForAllValues:StringEquals": { "aws:ResourceAccount": "111122223333" } }), "fail"],
  ["compliant: StringEquals on a computed account still names one account", assumeAny({ StringEquals: { "aws:ResourceAccount": UNKNOWN } }), "pass"],
  ["unknown: a computed account pattern may be a wildcard", assumeAny({ StringLike: { "aws:ResourceAccount": UNKNOWN } }), "unknown"],
];

describe("conditions that do not restrict are not scoping", () => {
  for (const [rule, table] of [
    [iamPolicyActionsScopedToResources, unscopedCases],
    [iamPolicyGrantsNoPrivilegeEscalation, escalationCases],
  ] as const) {
    for (const [name, document, expected] of table) {
      for (const [shape, resource] of documentShapes(document)) {
        it(`${rule.id} ${name} — ${shape}`, () => {
          expect(statusOf(judge(rule, [resource]))).toBe(expected);
        });
      }
      if (JSON.stringify(document).includes(UNKNOWN)) continue;
      const [, stringForm] = documentShapes(JSON.stringify(document))[1] as [string, never];
      it(`${rule.id} ${name} — RolePolicy, JSON string document`, () => {
        expect(statusOf(judge(rule, [stringForm]))).toBe(expected);
      });
    }
  }
});

describe("aws:SourceIp with only private ranges on a public resource policy", () => {
  const bucketPolicy = (ranges: unknown) =>
    doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::data/*", Condition: { IpAddress: { "aws:SourceIp": ranges } } });
  const publicVerdict = (ranges: unknown) => verdictFor(analyzePrincipals(bucketPolicy(ranges), { kind: "resource", accountId: "111122223333" }), "public-principal").verdict;

  it.each([
    ["violation: private ranges only leave the bucket public", ["10.0.0.0/8", "192.168.1.0/24"], "violation"],
    ["violation: a private IPv6 range only", "fd00::/8", "violation"],
    ["compliant: a public range scopes it", ["203.0.113.0/24"], "fine"],
    ["compliant: private and public ranges together", ["10.0.0.0/8", "198.51.100.7/32"], "fine"],
    ["unknown: a computed range", [unknown("preview", "computed in preview")], "unknown"],
  ])("%s", (_name, ranges, expected) => {
    expect(publicVerdict(ranges)).toBe(expected);
  });
});
