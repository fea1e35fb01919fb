import { describe, expect, it } from "vitest";
import { unknown } from "../../src/core/value";
import { analyzePolicy, conditionKeyInfo, reviewConditions, verdictFor } from "../../src/iam";
import { allow, doc } from "./helpers";

const U = unknown("preview", "computed");
const statement = (condition: unknown) => doc(allow("s3:GetObject", "*", { Condition: condition }));

describe("conditionKeyInfo: the catalogue's condition keys", () => {
  it.each([
    ["aws:sourcevpce", "String"],
    ["aws:resourcetag/team", "String"],
    ["aws:tagkeys", "ArrayOfString"],
    ["aws:currenttime", "Date"],
    ["aws:sourceip", "IPAddress"],
    ["s3:existingobjecttag/team", "String"],
    ["kms:encryptioncontext:department", "String"],
    ["dynamodb:leadingkeys", "ArrayOfString"],
  ])("%s is a %s key", (key, type) => {
    expect(conditionKeyInfo(key)?.type).toBe(type);
  });

  it("knows no undocumented key", () => {
    expect(conditionKeyInfo("aws:sourcevpcendpoint")).toBeUndefined();
    expect(conditionKeyInfo("nosuchservice:key")).toBeUndefined();
    expect(conditionKeyInfo("../../etc:passwd")).toBeUndefined();
  });
});

describe("reviewConditions", () => {
  const kinds = (condition: unknown): string => {
    const r = reviewConditions(statement(condition));
    if (r.status !== "reviewed") return r.status;
    return r.issues.length > 0 ? r.issues.map((i) => i.kind).join(",") : r.unknowns.length > 0 ? "unknown" : "none";
  };

  it.each([
    ["compliant: a named endpoint", { StringEquals: { "aws:SourceVpce": "vpce-1" } }, "none"],
    ["compliant: ForAnyValue on aws:TagKeys", { "ForAnyValue:StringEquals": { "aws:TagKeys": "team" } }, "none"],
    ["compliant: an org path", { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-a1b2/r-ab12/ou-ab12-1/*" } }, "none"],
    ["violation: ForAllValues on aws:SourceVpce", { "ForAllValues:StringEquals": { "aws:SourceVpce": "vpce-1" } }, "for-all-values-single-valued"],
    ["violation: vpce-*", { StringLike: { "aws:SourceVpce": "vpce-*" } }, "does-not-scope"],
    ["violation: any org path", { "StringLike": { "aws:PrincipalOrgID": "o-*" } }, "does-not-scope"],
    ["violation: ARN of any account", { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:*:*" } }, "does-not-scope"],
    ["violation: private ranges only", { IpAddress: { "aws:SourceIp": "192.168.0.0/16" } }, "does-not-scope"],
    ["violation: undocumented key", { StringEquals: { "aws:SourceVpcEndpoint": "vpce-1" } }, "needs-review"],
    ["violation: Bool on a date key", { Bool: { "aws:CurrentTime": "true" } }, "needs-review"],
    ["unknown: the block is computed", U, "unknown"],
    ["unknown: a pattern value is computed", { StringLike: { "aws:SourceVpce": U } }, "unknown"],
    ["compliant: a computed exact value cannot match everything", { StringEquals: { "aws:SourceVpce": U } }, "none"],
  ])("%s", (_name, condition, expected) => {
    expect(kinds(condition)).toBe(expected);
  });

  it("malformed and unknown documents", () => {
    expect(reviewConditions({ Statement: [{ Effect: "Allow" }] }).status).toBe("malformed");
    expect(reviewConditions(U).status).toBe("unknown");
  });
});

describe("escalation: a Resource that only names AWS managed policies is harmless", () => {
  const escalates = (resource: unknown) => verdictFor(analyzePolicy(doc(allow("iam:CreatePolicyVersion", resource))), "privilege-escalation").verdict;
  it.each([
    ["compliant: arn:aws:iam::aws:policy/*", "arn:aws:iam::aws:policy/*", "fine"],
    ["compliant: one AWS managed policy", "arn:aws:iam::aws:policy/ReadOnlyAccess", "fine"],
    ["violation: every account's policies", "arn:aws:iam::*:policy/*", "violation"],
    ["violation: any partition's policies", "arn:*:iam::*:policy/*", "violation"],
    ["violation: one customer policy", "arn:aws:iam::111122223333:policy/app", "violation"],
    ["violation: *", "*", "violation"],
    ["unknown: an AWS managed policy and a computed ARN", ["arn:aws:iam::aws:policy/*", U], "unknown"],
  ])("%s", (_name, resource, expected) => {
    expect(escalates(resource)).toBe(expected);
  });
});
