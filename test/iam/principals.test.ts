import { describe, expect, it } from "vitest";
import { unknown } from "../../src/core/value";
import { analyzePrincipals, verdictFor, type PrincipalFindingKind, type PrincipalOptions } from "../../src/iam";
import { doc } from "./helpers";

type Verdict = "violation" | "unknown" | "fine" | "malformed";

const OWN = "111122223333";
const OTHER = "999988887777";
const GITHUB = `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com`;

function bucketStatement(principal: unknown, condition?: unknown): Record<string, unknown> {
  return {
    Effect: "Allow",
    Principal: principal,
    Action: "s3:GetObject",
    Resource: "arn:aws:s3:::data/*",
    ...(condition === undefined ? {} : { Condition: condition }),
  };
}

function trustStatement(principal: unknown, condition?: unknown, action: unknown = "sts:AssumeRole"): Record<string, unknown> {
  return { Effect: "Allow", Principal: principal, Action: action, ...(condition === undefined ? {} : { Condition: condition }) };
}

function github(condition?: unknown): Record<string, unknown> {
  return trustStatement({ Federated: GITHUB }, condition, "sts:AssumeRoleWithWebIdentity");
}

interface Case {
  readonly name: string;
  readonly input: unknown;
  readonly options?: PrincipalOptions;
  readonly verdicts: Partial<Record<PrincipalFindingKind, Verdict>>;
}

const own: PrincipalOptions = { accountId: OWN };

const cases: readonly Case[] = [
  { name: 'Principal "*" without a condition', input: doc(bucketStatement("*")), options: own, verdicts: { "public-principal": "violation" } },
  { name: '{"AWS": "*"} without a condition', input: doc(bucketStatement({ AWS: "*" })), options: own, verdicts: { "public-principal": "violation" } },
  { name: "an account wildcard in an ARN is public", input: doc(bucketStatement({ AWS: "arn:aws:iam::*:root" })), options: own, verdicts: { "public-principal": "violation" } },
  {
    name: "public but only through one VPC endpoint",
    input: doc(bucketStatement("*", { StringEquals: { "aws:SourceVpce": "vpce-1a2b" } })),
    options: own,
    verdicts: { "public-principal": "fine" },
  },
  {
    name: "public but only to the organisation",
    input: doc(bucketStatement("*", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } })),
    options: own,
    verdicts: { "public-principal": "fine" },
  },
  {
    name: "aws:SecureTransport alone does not scope a public principal",
    input: doc(bucketStatement("*", { Bool: { "aws:SecureTransport": "true" } })),
    options: own,
    verdicts: { "public-principal": "violation" },
  },
  {
    name: "IfExists does not scope a public principal",
    input: doc(bucketStatement("*", { StringEqualsIfExists: { "aws:SourceVpce": "vpce-1a2b" } })),
    options: own,
    verdicts: { "public-principal": "violation" },
  },
  {
    name: "a Deny outside the organisation scopes a public Allow",
    input: doc(
      bucketStatement("*"),
      { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } } },
    ),
    options: own,
    verdicts: { "public-principal": "fine" },
  },
  {
    name: "an unconditional Deny of the same action shadows the public Allow",
    input: doc(bucketStatement("*"), { Effect: "Deny", Principal: "*", Action: "s3:GetObject", Resource: "*" }),
    options: own,
    verdicts: { "public-principal": "fine" },
  },
  { name: "a Deny statement is never a finding", input: doc({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" }), options: own, verdicts: { "public-principal": "fine" } },
  {
    name: "another account without a condition, resource policy",
    input: doc(bucketStatement({ AWS: `arn:aws:iam::${OTHER}:root` })),
    options: own,
    verdicts: { "cross-account-without-condition": "violation", "public-principal": "fine" },
  },
  {
    name: "another account given as a bare id",
    input: doc(bucketStatement({ AWS: OTHER })),
    options: own,
    verdicts: { "cross-account-without-condition": "violation" },
  },
  {
    name: "another account with a scoping condition, resource policy",
    input: doc(bucketStatement({ AWS: OTHER }, { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${OTHER}:role/reader` } })),
    options: own,
    verdicts: { "cross-account-without-condition": "fine" },
  },
  { name: "a trusted account", input: doc(bucketStatement({ AWS: OTHER })), options: { accountId: OWN, trustedAccounts: [OTHER] }, verdicts: { "cross-account-without-condition": "fine" } },
  { name: "the own account's role", input: doc(bucketStatement({ AWS: `arn:aws:iam::${OWN}:role/app` })), options: own, verdicts: { "cross-account-without-condition": "fine" } },
  {
    name: "trust policy: another account with only aws:SourceIp is not enough",
    input: doc(trustStatement({ AWS: OTHER }, { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } })),
    options: own,
    verdicts: { "cross-account-without-condition": "violation" },
  },
  {
    name: "trust policy: another account with sts:ExternalId",
    input: doc(trustStatement({ AWS: OTHER }, { StringEquals: { "sts:ExternalId": "s3cr3t" } })),
    options: own,
    verdicts: { "cross-account-without-condition": "fine" },
  },
  {
    name: "trust policy kind forces the strict keys even for other actions",
    input: doc(bucketStatement({ AWS: OTHER }, { StringEquals: { "aws:SourceVpce": "vpce-1" } })),
    options: { accountId: OWN, kind: "trust" },
    verdicts: { "cross-account-without-condition": "violation" },
  },
  { name: "a service principal is no finding", input: doc(trustStatement({ Service: "lambda.amazonaws.com" })), options: own, verdicts: { "public-principal": "fine", "cross-account-without-condition": "fine" } },
  { name: "NotPrincipal with Allow", input: doc({ Effect: "Allow", NotPrincipal: { AWS: OTHER }, Action: "s3:GetObject", Resource: "*" }), options: own, verdicts: { "not-principal-allow": "violation" } },
  // Unknown values
  { name: "the own account is unknown", input: doc(bucketStatement({ AWS: OTHER })), options: { accountId: unknown("preview", "caller identity") }, verdicts: { "cross-account-without-condition": "unknown" } },
  { name: "the own account is not given", input: doc(bucketStatement({ AWS: OTHER })), options: {}, verdicts: { "cross-account-without-condition": "unknown" } },
  {
    name: "a trusted account list with an unknown entry",
    input: doc(bucketStatement({ AWS: OTHER })),
    options: { accountId: OWN, trustedAccounts: [unknown("preview", "security account")] },
    verdicts: { "cross-account-without-condition": "unknown" },
  },
  { name: "an unknown principal ARN", input: doc(bucketStatement({ AWS: unknown("preview", "role arn") })), options: own, verdicts: { "cross-account-without-condition": "unknown", "public-principal": "unknown" } },
  { name: "an unknown Principal element", input: doc(bucketStatement(unknown("preview", "principal"))), options: own, verdicts: { "public-principal": "unknown" } },
  { name: "an unknown condition on a public principal", input: doc(bucketStatement("*", unknown("preview", "condition"))), options: own, verdicts: { "public-principal": "unknown" } },
  { name: "an unknown document", input: unknown("preview", "bucket policy"), options: own, verdicts: { "public-principal": "unknown" } },
  // Web identity
  { name: "GitHub OIDC without conditions", input: doc(github()), options: own, verdicts: { "web-identity-unrestricted-subject": "violation" } },
  {
    name: "GitHub OIDC with an audience but no subject condition",
    input: doc(github({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } })),
    options: own,
    verdicts: { "web-identity-unrestricted-subject": "violation" },
  },
  {
    name: "GitHub OIDC with sub repo:*",
    input: doc(github({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:*" } })),
    options: own,
    verdicts: { "web-identity-unrestricted-subject": "violation" },
  },
  {
    name: "GitHub OIDC with any owner's main branch",
    input: doc(github({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:*:ref:refs/heads/main" } })),
    options: own,
    verdicts: { "web-identity-unrestricted-subject": "violation" },
  },
  {
    name: "GitHub OIDC restricted to one repository",
    input: doc(github({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/app:*" } })),
    options: own,
    verdicts: { "web-identity-unrestricted-subject": "fine" },
  },
  {
    name: "GitHub OIDC with the key in another case and StringEquals",
    input: doc(github({ StringEquals: { "Token.Actions.GitHubUserContent.com:SUB": "repo:acme/app:ref:refs/heads/main" } })),
    options: own,
    verdicts: { "web-identity-unrestricted-subject": "fine" },
  },
  {
    name: "GitHub OIDC with a StringLike subject that is unknown",
    input: doc(github({ StringLike: { "token.actions.githubusercontent.com:sub": unknown("preview", "repo pattern") } })),
    options: own,
    verdicts: { "web-identity-unrestricted-subject": "unknown" },
  },
  {
    name: "Cognito identity pool without an audience",
    input: doc(trustStatement({ Federated: "cognito-identity.amazonaws.com" }, undefined, "sts:AssumeRoleWithWebIdentity")),
    options: own,
    verdicts: { "web-identity-unrestricted-subject": "violation" },
  },
  {
    name: "Cognito identity pool with an audience",
    input: doc(
      trustStatement({ Federated: "cognito-identity.amazonaws.com" }, { StringEquals: { "cognito-identity.amazonaws.com:aud": "eu-west-1:pool" } }, "sts:AssumeRoleWithWebIdentity"),
    ),
    options: own,
    verdicts: { "web-identity-unrestricted-subject": "fine" },
  },
  {
    name: "a SAML provider is not judged as web identity",
    input: doc(trustStatement({ Federated: `arn:aws:iam::${OWN}:saml-provider/okta` }, undefined, "sts:AssumeRoleWithSAML")),
    options: own,
    verdicts: { "web-identity-unrestricted-subject": "fine" },
  },
  { name: "a malformed policy", input: doc({ Effect: "Allow", Principal: "bob", Action: "s3:GetObject", Resource: "*" }), options: own, verdicts: { "public-principal": "malformed" } },
];

describe("analyzePrincipals", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const a = analyzePrincipals(c.input, c.options);
    for (const [kind, expected] of Object.entries(c.verdicts)) {
      expect({ kind, verdict: verdictFor(a, kind as PrincipalFindingKind).verdict }).toEqual({ kind, verdict: expected });
    }
  });

  it("names the statement, principal and account of a cross-account finding", () => {
    const a = analyzePrincipals(doc({ Sid: "Partner", ...bucketStatement({ AWS: `arn:aws:iam::${OTHER}:role/x` }) }), own);
    expect(a.findings).toEqual([
      expect.objectContaining({
        kind: "cross-account-without-condition",
        statements: [{ index: 0, sid: "Partner" }],
        principal: `AWS:arn:aws:iam::${OTHER}:role/x`,
        account: OTHER,
        actions: ["s3:GetObject"],
      }),
    ]);
  });
});
