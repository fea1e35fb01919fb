import { describe, expect, it } from "vitest";
import { unknown } from "../../src/core/value";
import { analyzePolicy, verdictFor, type GrantFindingKind, type PolicyAnalysis } from "../../src/iam";
import { actionsOf, allow, deny, doc, escalationIds } from "./helpers";

type Verdict = "violation" | "unknown" | "fine";

interface Case {
  readonly name: string;
  readonly input: unknown;
  readonly verdicts?: Partial<Record<GrantFindingKind, Verdict>>;
  /** Actions (services for service-wildcard) the findings of a kind must list. */
  readonly includes?: Partial<Record<GrantFindingKind, string[]>>;
  readonly excludes?: Partial<Record<GrantFindingKind, string[]>>;
  readonly escalation?: readonly string[];
  readonly noEscalation?: readonly string[];
  readonly unknownActions?: readonly string[];
}

const arnUnknown = unknown("preview", "aws_s3_bucket.data.arn");
const orgCondition = { StringEquals: { "aws:ResourceAccount": "111122223333" } };

function listed(a: PolicyAnalysis, kind: GrantFindingKind): string[] {
  if (kind === "service-wildcard") return [...new Set(a.findings.flatMap((f) => (f.kind === kind ? f.services ?? [] : [])))];
  return actionsOf(a, kind);
}

const cases: readonly Case[] = [
  // Full admin and service wildcards
  { name: "* on * is full admin (and wildcards every service)", input: doc(allow("*")), verdicts: { "full-admin": "violation", "service-wildcard": "violation" }, includes: { "service-wildcard": ["s3", "iam"] } },
  { name: "*:* on * is full admin", input: doc(allow("*:*")), verdicts: { "full-admin": "violation" } },
  {
    name: "* on one bucket is not full admin but wildcards every service",
    input: doc(allow("*", "arn:aws:s3:::my-bucket")),
    verdicts: { "full-admin": "fine", "service-wildcard": "violation" },
    includes: { "service-wildcard": ["s3", "iam", "dynamodb"] },
  },
  {
    name: "* on * minus a Deny of iam:* is no longer full admin",
    input: doc(allow("*"), deny("iam:*")),
    verdicts: { "full-admin": "fine", "service-wildcard": "violation" },
    includes: { "service-wildcard": ["s3"] },
    excludes: { "service-wildcard": ["iam"], "permissions-management": ["iam:PutRolePolicy"] },
    noEscalation: ["iam-put-inline-policy", "iam-attach-policy"],
  },
  {
    name: "s3:* lists the service",
    input: doc(allow("s3:*", "arn:aws:s3:::my-bucket/*")),
    verdicts: { "service-wildcard": "violation", "full-admin": "fine" },
    includes: { "service-wildcard": ["s3"] },
  },
  {
    name: "service wildcard in mixed case",
    input: doc(allow(["DynamoDB:*", "Kms:Describe*"])),
    includes: { "service-wildcard": ["dynamodb"] },
    excludes: { "service-wildcard": ["kms"] },
  },
  // Deny statements
  { name: "a Deny alone creates no finding", input: doc(deny("*")), verdicts: { "full-admin": "fine", "data-exfiltration": "fine" } },
  {
    name: "an unconditional Deny on the same action and resource shadows the Allow",
    input: doc(allow("s3:GetObject"), deny("s3:GetObject")),
    verdicts: { "unscoped-data-read": "fine", "data-exfiltration": "fine" },
  },
  {
    name: "a Deny written with a wildcard and other case still shadows",
    input: doc(allow("s3:GetObject"), deny("S3:Get*")),
    verdicts: { "data-exfiltration": "fine" },
  },
  {
    name: "a conditional Deny does not shadow",
    input: doc(allow("s3:GetObject"), deny("s3:GetObject", "*", { Condition: { Bool: { "aws:SecureTransport": "false" } } })),
    verdicts: { "unscoped-data-read": "violation", "data-exfiltration": "violation" },
  },
  {
    name: "a Deny on part of the resources does not shadow an Allow on *",
    input: doc(allow("s3:GetObject"), deny("s3:GetObject", "arn:aws:s3:::secret/*")),
    verdicts: { "data-exfiltration": "violation" },
  },
  {
    name: "a Deny on a wider resource pattern shadows a narrower Allow",
    input: doc(allow("s3:PutBucketPolicy", "arn:aws:s3:::data-bucket"), deny("s3:*", "arn:aws:s3:::*")),
    verdicts: { "resource-exposure": "fine", "permissions-management": "fine" },
  },
  {
    name: "the same Allow without the Deny exposes the bucket policy",
    input: doc(allow("s3:PutBucketPolicy", "arn:aws:s3:::data-bucket")),
    verdicts: { "resource-exposure": "violation", "permissions-management": "violation", "unscoped-permissions-management": "fine" },
  },
  {
    name: "a Deny with NotAction shadows what it does not except",
    input: doc(allow(["s3:GetObject", "s3:ListBucket"]), { Effect: "Deny", NotAction: "s3:ListBucket", Resource: "*" }),
    verdicts: { "data-exfiltration": "fine" },
  },
  // NotAction / NotResource
  {
    name: "Allow with NotAction",
    input: doc({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }),
    verdicts: { "not-action-allow": "violation", "full-admin": "fine", "data-exfiltration": "violation" },
    includes: { "service-wildcard": ["s3", "dynamodb"] },
    excludes: { "service-wildcard": ["iam"], "permissions-management": ["iam:PutRolePolicy"] },
  },
  {
    name: "Allow with NotResource reaches everything else",
    input: doc({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::public/*" }),
    verdicts: { "not-resource-allow": "violation", "unscoped-data-read": "violation" },
  },
  // Access levels and scope
  {
    name: "permissions management on one role is not unscoped",
    input: doc(allow("iam:PutRolePolicy", "arn:aws:iam::111122223333:role/app")),
    verdicts: { "permissions-management": "violation", "unscoped-permissions-management": "fine", "unscoped-write": "fine" },
    escalation: ["iam-put-inline-policy"],
  },
  {
    name: "permissions management on * is unscoped",
    input: doc(allow("iam:PutRolePolicy")),
    verdicts: { "unscoped-permissions-management": "violation" },
  },
  {
    name: "composite level 'Permissions management, Write' counts as permissions management, not plain write",
    input: doc(allow("s3:PutBucketPolicy")),
    includes: { "unscoped-permissions-management": ["s3:PutBucketPolicy"] },
    excludes: { "unscoped-write": ["s3:PutBucketPolicy"] },
  },
  {
    name: "composite level 'Tagging, Write' counts as write",
    input: doc(allow("s3:PutObjectTagging")),
    includes: { "unscoped-write": ["s3:PutObjectTagging"] },
  },
  {
    name: "ec2:Describe* on * is never unscoped: it cannot be scoped",
    input: doc(allow("ec2:Describe*")),
    verdicts: { "unscoped-write": "fine", "unscoped-data-read": "fine", "unscoped-permissions-management": "fine" },
  },
  {
    name: "ec2:TerminateInstances on * is an unscoped write",
    input: doc(allow("ec2:TerminateInstances")),
    includes: { "unscoped-write": ["ec2:TerminateInstances"] },
  },
  {
    name: "a wildcard ARN covering every instance is unscoped",
    input: doc(allow("ec2:TerminateInstances", "arn:aws:ec2:*:*:instance/*")),
    verdicts: { "unscoped-write": "violation" },
  },
  {
    name: "one instance ARN is scoped",
    input: doc(allow("ec2:TerminateInstances", "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc")),
    verdicts: { "unscoped-write": "fine" },
  },
  { name: "arn:aws:s3:::* covers every bucket and object", input: doc(allow("s3:GetObject", "arn:aws:s3:::*")), verdicts: { "unscoped-data-read": "violation" } },
  { name: "arn:aws:s3:::*/* covers every object", input: doc(allow("s3:GetObject", "arn:aws:s3:::*/*")), verdicts: { "data-exfiltration": "violation" } },
  { name: "one bucket's objects are scoped", input: doc(allow("s3:GetObject", "arn:aws:s3:::my-bucket/*")), verdicts: { "data-exfiltration": "fine", "unscoped-data-read": "fine" } },
  {
    name: "an ARN of another service does not unscope",
    input: doc(allow("dynamodb:Scan", "arn:aws:s3:::*")),
    verdicts: { "unscoped-data-read": "fine" },
  },
  // Wildcard actions
  {
    name: "s3:Get* reaches s3:GetObject",
    input: doc(allow("s3:Get*")),
    includes: { "unscoped-data-read": ["s3:GetObject", "s3:GetObjectVersion"], "data-exfiltration": ["s3:GetObject"] },
  },
  {
    name: "iam:*Policy* reaches policy writes and escalation",
    input: doc(allow("iam:*Policy*")),
    includes: { "unscoped-permissions-management": ["iam:PutRolePolicy", "iam:CreatePolicyVersion", "iam:AttachRolePolicy"] },
    escalation: ["iam-create-policy-version", "iam-attach-policy", "iam-put-inline-policy", "iam-set-default-policy-version"],
    noEscalation: ["iam-create-access-key"],
  },
  {
    name: "a single string Action works like a one-item list",
    input: doc({ Effect: "Allow", Action: "dynamodb:Scan", Resource: "*" }),
    includes: { "data-exfiltration": ["dynamodb:Scan"] },
  },
  {
    name: "a JSON string document is read like an object",
    input: JSON.stringify(doc(allow(["secretsmanager:GetSecretValue"]))),
    includes: { "data-exfiltration": ["secretsmanager:GetSecretValue"], "unscoped-data-read": ["secretsmanager:GetSecretValue"] },
  },
  {
    name: "a single statement object (not a list) is read",
    input: { Version: "2012-10-17", Statement: allow("kms:Decrypt") },
    includes: { "data-exfiltration": ["kms:Decrypt"] },
  },
  {
    name: "export actions count as exfiltration but not as data reads",
    input: doc(allow(["dynamodb:ExportTableToPointInTime", "rds:CopyDBSnapshot"])),
    includes: { "data-exfiltration": ["dynamodb:ExportTableToPointInTime", "rds:CopyDBSnapshot"] },
    verdicts: { "unscoped-data-read": "fine" },
  },
  // Conditions
  { name: "StringEquals aws:ResourceAccount scopes", input: doc(allow("s3:GetObject", "*", { Condition: orgCondition })), verdicts: { "unscoped-data-read": "fine", "data-exfiltration": "fine" } },
  {
    name: "StringEqualsIfExists does not scope (passes when the key is absent)",
    input: doc(allow("s3:GetObject", "*", { Condition: { StringEqualsIfExists: { "aws:ResourceAccount": "111122223333" } } })),
    verdicts: { "data-exfiltration": "violation" },
  },
  {
    name: "Bool aws:SecureTransport alone does not scope",
    input: doc(allow("s3:GetObject", "*", { Condition: { Bool: { "aws:SecureTransport": true } } })),
    verdicts: { "data-exfiltration": "violation" },
  },
  {
    name: "StringLike with * matches everything, so does not scope",
    input: doc(allow("s3:GetObject", "*", { Condition: { StringLike: { "aws:SourceVpce": "*" } } })),
    verdicts: { "data-exfiltration": "violation" },
  },
  {
    name: "ForAllValues does not scope (passes on an empty set)",
    input: doc(allow("s3:GetObject", "*", { Condition: { "ForAllValues:StringEquals": { "aws:SourceVpce": ["vpce-1"] } } })),
    verdicts: { "data-exfiltration": "violation" },
  },
  {
    name: "ForAnyValue:StringEquals on aws:SourceVpce scopes",
    input: doc(allow("s3:GetObject", "*", { Condition: { "ForAnyValue:StringEquals": { "aws:SourceVpce": ["vpce-1"] } } })),
    verdicts: { "data-exfiltration": "fine" },
  },
  {
    name: "kms:ViaService scopes kms:Decrypt",
    input: doc(allow("kms:Decrypt", "*", { Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } } })),
    verdicts: { "data-exfiltration": "fine" },
  },
  {
    name: "a Deny firing outside the account narrows an Allow on *",
    input: doc(allow("s3:GetObject"), deny("s3:*", "*", { Condition: { StringNotEquals: { "aws:ResourceAccount": "111122223333" } } })),
    verdicts: { "data-exfiltration": "fine", "unscoped-data-read": "fine" },
  },
  // Escalation
  {
    name: "PassRole and RunInstances in two statements",
    input: doc(allow("iam:PassRole", "arn:aws:iam::111122223333:role/app"), allow("ec2:RunInstances")),
    escalation: ["passrole-ec2"],
  },
  { name: "PassRole alone is no path", input: doc(allow("iam:PassRole")), noEscalation: ["passrole-ec2", "passrole-lambda-invoke"] },
  {
    name: "PassRole, CreateFunction and InvokeFunction",
    input: doc(allow(["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"])),
    escalation: ["passrole-lambda-invoke"],
  },
  {
    name: "iam:PassedToService limited to another service breaks the path",
    input: doc(
      allow("iam:PassRole", "*", { Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } } }),
      allow("ec2:RunInstances"),
    ),
    noEscalation: ["passrole-ec2"],
  },
  { name: "sts:AssumeRole on * assumes any role", input: doc(allow("sts:AssumeRole")), escalation: ["sts-assume-any-role"] },
  {
    name: "sts:AssumeRole on one role is not any role",
    input: doc(allow("sts:AssumeRole", "arn:aws:iam::111122223333:role/reader")),
    noEscalation: ["sts-assume-any-role"],
  },
  {
    name: "UpdateAssumeRolePolicy with AssumeRole",
    input: doc(allow(["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"], "arn:aws:iam::111122223333:role/admin")),
    escalation: ["iam-update-assume-role-policy"],
    includes: { "resource-exposure": ["iam:UpdateAssumeRolePolicy"] },
  },
  { name: "kms:PutKeyPolicy exposes a key", input: doc(allow("kms:PutKeyPolicy", "arn:aws:kms:eu-west-1:111122223333:key/abc")), includes: { "resource-exposure": ["kms:PutKeyPolicy"] } },
  // Unknown values
  {
    name: "an unknown Resource gives unknown scope, never a violation",
    input: doc(allow(["s3:GetObject", "iam:PutRolePolicy"], arnUnknown)),
    verdicts: { "data-exfiltration": "unknown", "unscoped-data-read": "unknown", "unscoped-permissions-management": "unknown", "permissions-management": "violation" },
  },
  {
    name: "an unknown entry next to * still reaches everything",
    input: doc(allow("s3:GetObject", ["*", arnUnknown])),
    verdicts: { "data-exfiltration": "violation" },
  },
  {
    name: "an unknown ARN next to a scoped one is unknown",
    input: doc(allow("s3:GetObject", ["arn:aws:s3:::logs/*", arnUnknown])),
    verdicts: { "data-exfiltration": "unknown" },
  },
  {
    name: "an unknown Action element is unknown for every kind",
    input: doc(allow(unknown("preview", "actions from config"))),
    verdicts: { "full-admin": "unknown", "data-exfiltration": "unknown", "privilege-escalation": "unknown" },
  },
  {
    name: "a known action next to an unknown one is still judged",
    input: doc(allow(["s3:GetObject", unknown("preview", "extra action")])),
    verdicts: { "data-exfiltration": "violation", "full-admin": "unknown" },
  },
  { name: "an unknown document is unknown", input: unknown("preview", "policy"), verdicts: { "full-admin": "unknown", "data-exfiltration": "unknown" } },
  {
    name: "an unknown statement might deny: the Allow becomes unknown",
    input: doc(unknown("preview", "statement"), allow("s3:GetObject")),
    verdicts: { "data-exfiltration": "unknown" },
  },
  {
    name: "a Deny with an unknown Resource leaves the Allow in doubt",
    input: doc(allow("s3:GetObject"), deny("s3:GetObject", arnUnknown)),
    verdicts: { "data-exfiltration": "unknown" },
  },
  {
    name: "a Deny with unknown conditions leaves the Allow in doubt",
    input: doc(allow("s3:GetObject"), deny("s3:GetObject", "*", { Condition: unknown("preview", "condition") })),
    verdicts: { "data-exfiltration": "unknown" },
  },
  {
    name: "a Deny on other actions is not in doubt even with unknown resources",
    input: doc(allow("s3:GetObject"), deny("ec2:*", arnUnknown)),
    verdicts: { "data-exfiltration": "violation" },
  },
  {
    name: "unknown Allow conditions leave scope unknown",
    input: doc(allow("s3:GetObject", "*", { Condition: unknown("preview", "condition") })),
    verdicts: { "data-exfiltration": "unknown", "resource-exposure": "fine" },
  },
  {
    name: "a StringLike scoping value that is unknown leaves scope unknown",
    input: doc(allow("s3:GetObject", "*", { Condition: { StringLike: { "aws:SourceVpce": unknown("preview", "vpce id") } } })),
    verdicts: { "data-exfiltration": "unknown" },
  },
  {
    name: "a StringEquals scoping value that is unknown still scopes",
    input: doc(allow("s3:GetObject", "*", { Condition: { StringEquals: { "aws:SourceVpce": unknown("preview", "vpce id") } } })),
    verdicts: { "data-exfiltration": "fine" },
  },
  {
    name: "an unknown Effect is unknown",
    input: doc({ Effect: unknown("preview", "effect"), Action: "s3:GetObject", Resource: "*" }),
    verdicts: { "data-exfiltration": "unknown" },
  },
  // Actions the catalogue does not know
  {
    name: "unknown actions are kept and flagged",
    input: doc(allow(["foo:Bar", "s3:NotARealAction", "s3:GetObject"])),
    unknownActions: ["foo:Bar", "s3:NotARealAction"],
    includes: { "data-exfiltration": ["s3:GetObject"] },
  },
];

describe("analyzePolicy", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const a = analyzePolicy(c.input);
    for (const [kind, expected] of Object.entries(c.verdicts ?? {})) {
      expect({ kind, verdict: verdictFor(a, kind as GrantFindingKind).verdict }).toEqual({ kind, verdict: expected });
    }
    for (const [kind, wanted] of Object.entries(c.includes ?? {})) {
      expect(listed(a, kind as GrantFindingKind)).toEqual(expect.arrayContaining(wanted));
    }
    for (const [kind, unwanted] of Object.entries(c.excludes ?? {})) {
      const got = listed(a, kind as GrantFindingKind);
      for (const u of unwanted) expect(got).not.toContain(u);
    }
    if (c.escalation) expect(escalationIds(a)).toEqual(expect.arrayContaining([...c.escalation]));
    for (const id of c.noEscalation ?? []) expect(escalationIds(a)).not.toContain(id);
    if (c.unknownActions) expect(a.unknownActions.map((u) => u.action).sort()).toEqual([...c.unknownActions].sort());
  });
});

describe("analyzePolicy finding details", () => {
  it("names the statement index and Sid, the actions and the resources", () => {
    const a = analyzePolicy(doc(allow("s3:ListBucket"), { Sid: "ReadAll", ...allow("s3:GetObject", "arn:aws:s3:::*") }));
    const f = a.findings.find((x) => x.kind === "data-exfiltration");
    expect(f).toMatchObject({ statements: [{ index: 1, sid: "ReadAll" }], actions: ["s3:GetObject"], resources: ["arn:aws:s3:::*"] });
    expect(f?.message).toContain("Statement[1]");
  });

  it("names every statement of a cross-statement escalation path", () => {
    const a = analyzePolicy(doc(allow("iam:PassRole"), allow("glue:CreateDevEndpoint")));
    const f = a.findings.find((x) => x.escalationPath?.id === "passrole-glue-dev-endpoint");
    expect(f?.statements.map((s) => s.index)).toEqual([0, 1]);
    expect(f?.actions).toEqual(["glue:CreateDevEndpoint", "iam:PassRole"]);
  });

  it("records NotAction exceptions and NotResource exclusions", () => {
    const a = analyzePolicy(doc({ Effect: "Allow", NotAction: "iam:*", NotResource: "arn:aws:s3:::x" }));
    expect(a.findings.find((f) => f.kind === "not-action-allow")).toMatchObject({ actions: ["*"], excludedActions: ["iam:*"] });
    expect(a.findings.find((f) => f.kind === "not-resource-allow")).toMatchObject({ resources: ["*"], excludedResources: ["arn:aws:s3:::x"] });
  });

  it("reports a malformed document with its problems and no findings", () => {
    const a = analyzePolicy(doc({ Effect: "allow", Action: "s3:GetObject", Resource: "*" }));
    expect(a.status).toBe("malformed");
    expect(a.findings).toEqual([]);
    expect(verdictFor(a, "data-exfiltration").verdict).toBe("malformed");
  });

  it("records the iam-data version it judged with", () => {
    expect(analyzePolicy(doc(allow("s3:GetObject"))).iamDataVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("lists the condition keys of the statement on its findings", () => {
    const a = analyzePolicy(doc(allow("s3:PutBucketPolicy", "*", { Condition: { Bool: { "aws:SecureTransport": "true" } } })));
    expect(a.findings.find((f) => f.kind === "resource-exposure")?.conditionKeys).toEqual(["aws:SecureTransport"]);
  });
});
