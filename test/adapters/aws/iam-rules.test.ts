import type { ManagedPolicyDetail, RoleDetail } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { adaptIam } from "../../../src/adapters/aws/iam";
import { DEFAULT_CONFIG } from "../../../src/core/config";
import { evaluate } from "../../../src/core/evaluate";
import type { Finding } from "../../../src/core/finding";
import { resolveOptions } from "../../../src/core/rule";
import type { IamAnswers } from "../../../src/fetchers/aws/iam";
import type { IamInventory } from "../../../src/models/iam";
import type { Inventory } from "../../../src/models/inventory";
import { IAM_RULES } from "../../../src/rules/iam";
import { noPrincipalReachesTwoSegments } from "../../../src/rules/segregation/no-principal-reaches-two-segments";
import { run, store } from "../../helpers/models";
import { everyKeyCustomerManaged } from "./fixtures";

const ACCOUNT = "111122223333";
const PARTNER = "999988887777";
const CTX = everyKeyCustomerManaged(ACCOUNT);

const doc = (...statements: unknown[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const encoded = (json: string): string => encodeURIComponent(json);
const trust = (principal: unknown, extra: Record<string, unknown> = {}): string =>
  encoded(doc({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra }));
const LAMBDA = { Service: "lambda.amazonaws.com" };

const role = (name: string, over: Partial<RoleDetail> = {}): RoleDetail => ({
  RoleName: name,
  Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
  Path: "/",
  AssumeRolePolicyDocument: trust(LAMBDA),
  RolePolicyList: [],
  AttachedManagedPolicies: [],
  Tags: [],
  ...over,
});

const LAUNCH_ARN = `arn:aws:iam::${ACCOUNT}:policy/launch-anything`;
const launchPolicy: ManagedPolicyDetail = {
  PolicyName: "launch-anything",
  Arn: LAUNCH_ARN,
  DefaultVersionId: "v1",
  PolicyVersionList: [
    {
      VersionId: "v1",
      IsDefaultVersion: true,
      Document: encoded(doc({ Effect: "Allow", Action: ["iam:PassRole", "ec2:RunInstances"], Resource: "*" })),
    },
  ],
};

/** Recorded answers of an account with one problem per role, and one compliant role. */
const answers: IamAnswers = {
  details: {
    ok: true,
    value: {
      roles: [
        role("open-trust", { AssumeRolePolicyDocument: trust({ AWS: "*" }) }),
        role("partner", { AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${PARTNER}:root` }) }),
        role("partner-with-external-id", {
          AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${PARTNER}:root` }, { Condition: { StringEquals: { "sts:ExternalId": "x-7f3a" } } }),
        }),
        role("s3-everything", { RolePolicyList: [{ PolicyName: "all-s3", PolicyDocument: encoded(doc({ Effect: "Allow", Action: "s3:*", Resource: "*" })) }] }),
        role("launcher", { AttachedManagedPolicies: [{ PolicyName: "launch-anything", PolicyArn: LAUNCH_ARN }] }),
        role("reader", {
          RolePolicyList: [{ PolicyName: "read", PolicyDocument: encoded(doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::orders/*" })) }],
        }),
      ],
      users: [],
      groups: [],
      policies: [launchPolicy],
    },
  },
};

function scan(): Finding[] {
  const out = adaptIam(answers, CTX);
  const inventory: Inventory = { stores: [], keys: [], iam: out.iam as IamInventory, resourcePolicies: [], tags: new Map(out.tags) };
  return evaluate(IAM_RULES, inventory, (rule) => ({ config: DEFAULT_CONFIG, options: resolveOptions(rule, {}) }), {
    scope: { id: ACCOUNT, type: "AWS::Account", name: ACCOUNT, label: "AWS account" },
    today: "2026-01-15",
  });
}

const failures = (findings: Finding[], name: string): string[] =>
  [...new Set(findings.filter((f) => f.status === "fail" && f.resource.name === name).map((f) => f.rule.id))].sort();

describe("CDG-IAM rules over an IAM inventory from recorded GetAccountAuthorizationDetails answers", () => {
  const findings = scan();

  it("a role trusting any AWS principal fails CDG-IAM-006", () => {
    expect(failures(findings, "open-trust")).toEqual(["CDG-IAM-006"]);
    const f = findings.find((x) => x.rule.id === "CDG-IAM-006" && x.resource.name === "open-trust");
    expect(f?.resource.id).toBe(`arn:aws:iam::${ACCOUNT}:role/open-trust`);
    expect(f?.message).toContain("IAM role 'open-trust' trust policy");
  });

  it("a cross-account trust without sts:ExternalId fails CDG-IAM-006; with it, it passes", () => {
    expect(failures(findings, "partner")).toEqual(["CDG-IAM-006"]);
    expect(findings.find((x) => x.rule.id === "CDG-IAM-006" && x.resource.name === "partner")?.message).toContain(PARTNER);
    expect(failures(findings, "partner-with-external-id")).toEqual([]);
    expect(findings.find((x) => x.rule.id === "CDG-IAM-006" && x.resource.name === "partner-with-external-id")?.status).toBe("pass");
  });

  it("an inline policy granting s3:* on * fails CDG-IAM-001 (and CDG-IAM-002)", () => {
    expect(failures(findings, "s3-everything")).toEqual(["CDG-IAM-001", "CDG-IAM-002"]);
    const f = findings.find((x) => x.rule.id === "CDG-IAM-001" && x.resource.name === "s3-everything");
    expect(f?.message).toContain("inline policy 'all-s3'");
  });

  it("PassRole with RunInstances (a customer managed policy) fails CDG-IAM-003 on the role holding it", () => {
    expect(failures(findings, "launcher")).toContain("CDG-IAM-003");
    const f = findings.find((x) => x.rule.id === "CDG-IAM-003" && x.resource.name === "launcher");
    expect(f?.message).toMatch(/iam:passrole/i);
    expect(f?.message).toMatch(/ec2:runinstances/i);
  });

  it("a role trusting Lambda with a scoped read policy fails nothing, and nothing is left unassessed", () => {
    expect(failures(findings, "reader")).toEqual([]);
    expect(findings.filter((f) => f.status === "not-assessed")).toEqual([]);
  });
});

describe("CDG-SEG-005 over principals from GetAccountAuthorizationDetails", () => {
  const bucket = (name: string, segment: string) =>
    store({
      ref: { id: `arn:aws:s3:::${name}`, type: "AWS::S3::Bucket", name, label: "S3 bucket", account: ACCOUNT, region: "eu-west-1" },
      kind: "s3-bucket",
      physicalName: name,
      tags: { "data-classification": "restricted", "customer-segment": segment },
    });
  const readBoth = encoded(doc({ Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:aws:s3:::acme-data/*", "arn:aws:s3:::globex-data/*"] }));
  const readOne = encoded(doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::acme-data/*" }));
  const out = adaptIam(
    {
      details: {
        ok: true,
        value: {
          roles: [role("acme-app", { RolePolicyList: [{ PolicyName: "read", PolicyDocument: readOne }] })],
          // The user reaches both segments through its group's policy only.
          users: [{ UserName: "analyst", Arn: `arn:aws:iam::${ACCOUNT}:user/analyst`, GroupList: ["analysts"], UserPolicyList: [], AttachedManagedPolicies: [] }],
          groups: [{ GroupName: "analysts", Arn: `arn:aws:iam::${ACCOUNT}:group/analysts`, GroupPolicyList: [{ PolicyName: "read-all", PolicyDocument: readBoth }] }],
          policies: [],
        },
      },
    },
    CTX,
  );
  const outcomes = run(noPrincipalReachesTwoSegments, { stores: [bucket("acme-data", "acme"), bucket("globex-data", "globex")], iam: out.iam as IamInventory });
  const statusOf = (name: string) => outcomes.find((o) => o.resource.name === name)?.status;

  it("a user whose group reads two segments' buckets fails; so does the group; a role reading one passes", () => {
    expect(statusOf("analyst")).toBe("fail");
    expect(statusOf("analysts")).toBe("fail");
    expect(statusOf("acme-app")).toBe("pass");
    expect(outcomes.find((o) => o.resource.name === "analyst")?.message).toContain("'acme'");
  });
});
