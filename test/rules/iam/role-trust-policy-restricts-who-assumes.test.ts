import { describe, expect, it } from "vitest";
import { roleTrustPolicyRestrictsWhoAssumes as rule } from "../../../src/rules/iam/role-trust-policy-restricts-who-assumes";
import { engineResource } from "../../helpers/engine";
import { doc, judge, OTHER, OWN, statusOf, T, UNKNOWN } from "./iam-cases";

const ARN = `arn:aws:iam::${OWN}:role/app`;
const GITHUB = `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com`;

const assume = (principal: unknown, condition?: unknown, action = "sts:AssumeRole") => ({
  Effect: "Allow",
  Principal: principal,
  Action: action,
  ...(condition === undefined ? {} : { Condition: condition }),
});
const github = (condition?: unknown) => assume({ Federated: GITHUB }, condition, "sts:AssumeRoleWithWebIdentity");
const AUD = { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" };

const cases: [string, unknown, string][] = [
  ["compliant: a service principal", doc(assume({ Service: "lambda.amazonaws.com" })), "pass"],
  ["compliant: the role's own account", doc(assume({ AWS: `arn:aws:iam::${OWN}:root` })), "pass"],
  ["compliant: another account with sts:ExternalId", doc(assume({ AWS: `arn:aws:iam::${OTHER}:root` }, { StringEquals: { "sts:ExternalId": "ext-123" } })), "pass"],
  ["compliant: another account within the organisation", doc(assume({ AWS: `arn:aws:iam::${OTHER}:role/ci` }, { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } })), "pass"],
  ["compliant: GitHub OIDC restricted to one repository and branch", doc(github({ StringEquals: { ...AUD, "token.actions.githubusercontent.com:sub": "repo:acme/shop:ref:refs/heads/main" } })), "pass"],
  ["compliant: GitHub OIDC restricted to one owner's repositories", doc(github({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } })), "pass"],
  ["violation: Principal \"*\"", doc(assume("*")), "fail"],
  ["violation: {AWS: \"*\"} with only aws:SecureTransport", doc(assume({ AWS: "*" }, { Bool: { "aws:SecureTransport": "true" } })), "fail"],
  ["violation: another account without a condition", doc(assume({ AWS: `arn:aws:iam::${OTHER}:root` })), "fail"],
  ["violation: another account with only aws:SourceIp (not a trust condition)", doc(assume({ AWS: OTHER }, { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } })), "fail"],
  ["violation: GitHub OIDC with an audience but no subject", doc(github({ StringEquals: AUD })), "fail"],
  ["violation: GitHub OIDC with repo:* as subject", doc(github({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:*" } })), "fail"],
  ["violation: NotPrincipal Allow", doc({ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: "sts:AssumeRole" }), "fail"],
  ["violation (malformed): a statement without Principal", doc({ Effect: "Allow", Action: "sts:AssumeRole" }), "fail"],
  ["unknown: the subject condition is computed", doc(github({ StringLike: { "token.actions.githubusercontent.com:sub": UNKNOWN } })), "unknown"],
  ["unknown: the principal is computed", doc(assume({ AWS: UNKNOWN })), "unknown"],
];

describe("CDG-IAM-006 role-trust-policy-restricts-who-assumes", () => {
  for (const [name, trust, expected] of cases) {
    it(`${name} — object document`, () => {
      expect(statusOf(judge(rule, [engineResource(T.role, "app", { arn: ARN, assumeRolePolicy: trust })]))).toBe(expected);
    });
    if (JSON.stringify(trust).includes(UNKNOWN)) continue;
    it(`${name} — JSON string document`, () => {
      expect(statusOf(judge(rule, [engineResource(T.role, "app", { arn: ARN, assumeRolePolicy: JSON.stringify(trust) })]))).toBe(expected);
    });
  }

  it("unknown: the trust policy is computed in preview", () => {
    const [o] = judge(rule, [engineResource(T.role, "app", { assumeRolePolicy: UNKNOWN })]);
    expect(o?.status).toBe("unknown");
    expect(o?.message).toBe("IAM role 'app': its trust policy is unknown (preview: assumeRolePolicy of app is computed during the update)");
  });

  it("unknown until the own account is known: preview, the role's ARN not known yet", () => {
    const role = engineResource(T.role, "app", { assumeRolePolicy: JSON.stringify(doc(assume({ AWS: `arn:aws:iam::${OWN}:root` }))) });
    const [o] = judge(rule, [role]);
    expect(o?.status).toBe("unknown");
    expect(o?.message).toContain("ownAccountIds");
    expect(statusOf(judge(rule, [role], { ownAccountIds: [OWN] }))).toBe("pass");
    expect(statusOf(judge(rule, [role], { ownAccountIds: [OTHER] }))).toBe("fail");
  });

  it("option trustedAccountIds admits another account without a condition", () => {
    const role = engineResource(T.role, "app", { arn: ARN, assumeRolePolicy: JSON.stringify(doc(assume({ AWS: `arn:aws:iam::${OTHER}:root` }))) });
    expect(statusOf(judge(rule, [role], { trustedAccountIds: [OTHER] }))).toBe("pass");
  });

  it("names the role, the statement, its Sid and the principal", () => {
    const role = engineResource(T.role, "app", { arn: ARN, assumeRolePolicy: doc({ Sid: "Partner", ...assume({ AWS: `arn:aws:iam::${OTHER}:root` }) }) });
    expect(judge(rule, [role])[0]?.message).toBe(
      `IAM role 'app' trust policy: Statement[0] (Sid "Partner") allows account ${OTHER}, which is neither this account nor trusted, without sts:ExternalId or aws:PrincipalOrgID (actions: sts:AssumeRole)`,
    );
  });
});
