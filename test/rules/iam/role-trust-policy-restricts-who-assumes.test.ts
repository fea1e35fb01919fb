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

const EXTERNAL_ID = { StringEquals: { "sts:ExternalId": "ext-123" } };
const ORG = { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } };
const denyOutside = (condition: unknown) => ({ Effect: "Deny", Principal: "*", Action: "sts:AssumeRole", Condition: condition });

/** Bullet: everyone is open to the world even with sts:ExternalId (a shared secret, not an identity). */
const publicCases: [string, unknown, string][] = [
  ["compliant: everyone within the organisation (aws:PrincipalOrgID)", doc(assume("*", ORG)), "pass"],
  ["compliant: everyone of one account (aws:PrincipalAccount)", doc(assume({ AWS: "*" }, { StringEquals: { "aws:PrincipalAccount": OTHER } })), "pass"],
  ["compliant: sts:ExternalId together with aws:PrincipalOrgID", doc(assume("*", { StringEquals: { "sts:ExternalId": "ext-123", "aws:PrincipalOrgID": "o-abc123" } })), "pass"],
  ["compliant: everyone, but a Deny outside the organisation", doc(assume("*"), denyOutside({ StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } })), "pass"],
  ["violation: Principal \"*\" with only sts:ExternalId", doc(assume("*", EXTERNAL_ID)), "fail"],
  ["violation: {AWS: \"*\"} with only sts:ExternalId", doc(assume({ AWS: "*" }, EXTERNAL_ID)), "fail"],
  ["violation: an account wildcard ARN with only sts:ExternalId", doc(assume({ AWS: "arn:aws:iam::*:root" }, EXTERNAL_ID)), "fail"],
  ["violation: everyone with aws:ResourceAccount (the role's own account: every caller matches)", doc(assume("*", { StringEquals: { "aws:ResourceAccount": OWN } })), "fail"],
  ["violation: everyone, with a Deny unless sts:ExternalId (still a shared secret)", doc(assume("*"), denyOutside({ StringNotEquals: { "sts:ExternalId": "ext-123" } })), "fail"],
  ["unknown: everyone, the organisation pattern is computed", doc(assume("*", { StringLike: { "aws:PrincipalOrgID": UNKNOWN } })), "unknown"],
  ["unknown: everyone, the conditions are computed", doc(assume("*", UNKNOWN)), "unknown"],
];

/** Bullet: foreign-account principals need sts:ExternalId or aws:PrincipalOrgID. */
const foreignCases: [string, unknown, string][] = [
  ["compliant: another account with sts:ExternalId", doc(assume({ AWS: OTHER }, EXTERNAL_ID)), "pass"],
  ["compliant: another account's role within the organisation", doc(assume({ AWS: `arn:aws:iam::${OTHER}:role/ci` }, ORG)), "pass"],
  ["violation: another account with sts:ExternalId under IfExists (absent passes)", doc(assume({ AWS: OTHER }, { StringEqualsIfExists: { "sts:ExternalId": "ext-123" } })), "fail"],
  ["violation: another account with only aws:SourceArn (not a trust condition)", doc(assume({ AWS: OTHER }, { ArnLike: { "aws:SourceArn": `arn:aws:s3:::orders` } })), "fail"],
  ["violation: one of two accounts without a condition", doc(assume({ AWS: [`arn:aws:iam::${OWN}:root`, `arn:aws:iam::${OTHER}:root`] })), "fail"],
  ["unknown: the partner account is computed", doc(assume({ AWS: [UNKNOWN] }, undefined)), "unknown"],
];

/** Bullet: service principals AWS recommends tying to their source (confused deputy). */
const serviceCases: [string, unknown, string][] = [
  ["compliant: Lambda (no source to name)", doc(assume({ Service: "lambda.amazonaws.com" })), "pass"],
  ["compliant: Config with aws:SourceAccount", doc(assume({ Service: "config.amazonaws.com" }, { StringEquals: { "aws:SourceAccount": OWN } })), "pass"],
  ["compliant: CloudTrail with aws:SourceArn", doc(assume({ Service: "cloudtrail.amazonaws.com" }, { ArnLike: { "aws:SourceArn": `arn:aws:cloudtrail:eu-west-1:${OWN}:trail/*` } })), "pass"],
  ["compliant: Config, with a Deny outside the account", doc(assume({ Service: "config.amazonaws.com" }), { Effect: "Deny", Principal: { Service: "config.amazonaws.com" }, Action: "sts:*", Condition: { StringNotEquals: { "aws:SourceAccount": OWN } } }), "pass"],
  ["violation: Config without a condition", doc(assume({ Service: "config.amazonaws.com" })), "fail"],
  ["violation: CloudWatch Logs (regional principal) without a condition", doc(assume({ Service: ["lambda.amazonaws.com", "logs.eu-west-1.amazonaws.com"] })), "fail"],
  ["violation: Config with aws:SourceAccount under IfExists", doc(assume({ Service: "config.amazonaws.com" }, { StringEqualsIfExists: { "aws:SourceAccount": OWN } })), "fail"],
  ["violation: CloudTrail with sts:ExternalId only", doc(assume({ Service: "cloudtrail.amazonaws.com" }, EXTERNAL_ID)), "fail"],
  ["unknown: Config with a computed aws:SourceArn pattern", doc(assume({ Service: "config.amazonaws.com" }, { ArnLike: { "aws:SourceArn": UNKNOWN } })), "unknown"],
];

describe("CDG-IAM-006 role-trust-policy-restricts-who-assumes", () => {
  for (const [name, trust, expected] of [...cases, ...publicCases, ...foreignCases, ...serviceCases]) {
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
    expect(o?.message).toBe("IAM role 'app': its trust policy cannot be judged: assumeRolePolicy of app is computed during the update");
  });

  it("unknown until the own account is known: preview, the role's ARN not known yet", () => {
    const role = engineResource(T.role, "app", { assumeRolePolicy: JSON.stringify(doc(assume({ AWS: `arn:aws:iam::${OWN}:root` }))) });
    const [o] = judge(rule, [role]);
    expect(o?.status).toBe("unknown");
    expect(o?.message).toBe(
      `IAM role 'app' trust policy: own account unknown: set the rule's ownAccountIds option (or the pack-wide settings), ` +
        `the stack tag cdguard:account-ids (12-digit ids separated by commas) or the AWS provider's allowedAccountIds; ` +
        `a known ARN of any resource of the stack also tells it; until then whether account ${OWN} is this stack's own or a foreign one is not judged`,
    );
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

  it("names the statement, the principal and why sts:ExternalId does not close it", () => {
    const role = engineResource(T.role, "app", { arn: ARN, assumeRolePolicy: doc({ Sid: "Vendor", ...assume({ AWS: "*" }, EXTERNAL_ID) }) });
    expect(judge(rule, [role])[0]?.message).toBe(
      `IAM role 'app' trust policy: Statement[0] (Sid "Vendor") lets everyone assume the role: its conditions on sts:ExternalId name no identity (sts:ExternalId is a shared secret, not an identity)`,
    );
  });

  it("reports a public principal without any condition once, as before", () => {
    const role = engineResource(T.role, "app", { arn: ARN, assumeRolePolicy: doc(assume("*")) });
    expect(judge(rule, [role])[0]?.message).toBe(`IAM role 'app' trust policy: Statement[0] allows everyone without a condition that scopes it (actions: sts:AssumeRole)`);
  });

  it("names the service, the missing condition and AWS's page for it", () => {
    const role = engineResource(T.role, "app", { arn: ARN, assumeRolePolicy: doc(assume({ Service: "config.amazonaws.com" })) });
    expect(judge(rule, [role])[0]?.message).toBe(
      "IAM role 'app' trust policy: Statement[0] lets config.amazonaws.com act for any account: no aws:SourceArn or aws:SourceAccount condition ties it to your own resources " +
        "(confused deputy; https://docs.aws.amazon.com/config/latest/developerguide/cross-service-confused-deputy-prevention.html)",
    );
  });
});
