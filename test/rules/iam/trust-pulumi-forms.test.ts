// Issue 11 through a real Pulumi program (fixtures/trust-program) under the recorder's mocks: trust and
// resource policies in object form, pulumi.jsonStringify, pulumi.interpolate and aws.iam.getPolicyDocument,
// judged as Analyze sends them (inputs only: a role's own ARN is never among them), in a new stack's
// preview and with every value known, with and without the stack tag naming the account.
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnyRule } from "../../../src/core/rule";
import { recordProgram, type RecordedResource } from "../../../src/engine-client/record";
import { ACCOUNT_ID } from "../../../src/engine-client/record-invokes";
import { toPolicy } from "../../../src/pulumi/policy";
import { resourcePoliciesGrantNoExternalAccess } from "../../../src/rules/iam/resource-policies-grant-no-external-access";
import { roleTrustPolicyRestrictsWhoAssumes } from "../../../src/rules/iam/role-trust-policy-restricts-who-assumes";

const PROGRAM = join(__dirname, "fixtures", "trust-program", "index.ts");
const TAGGED = new Map([["cdguard:account-ids", ACCOUNT_ID]]);

let preview: RecordedResource[];
let known: RecordedResource[];
/** A preview of a stack whose AWS provider config names its account (`aws:allowedAccountIds`). */
let previewAllowed: RecordedResource[];

beforeAll(async () => {
  const record = (p: boolean, config: Record<string, string> = {}) =>
    recordProgram(PROGRAM, { stack: "dev", preview: p, config: { "aws:region": "eu-west-1", ...config } });
  [preview, known, previewAllowed] = await Promise.all([record(true), record(false), record(true, { "aws:allowedAccountIds": JSON.stringify([ACCOUNT_ID]) })]);
}, 180_000);

class NotApplicable extends Error {}

/** pass, fail or unknown, with the message: one resource through the pack's resource policy, as Analyze runs it. */
function analyze(rule: AnyRule, r: RecordedResource, stackTags: ReadonlyMap<string, string>): { status: string; message: string } {
  const policy = toPolicy(rule) as ResourceValidationPolicy;
  const violations: string[] = [];
  const notes: string[] = [];
  const args = {
    type: r.type,
    name: r.name,
    urn: r.urn,
    props: r.properties,
    getConfig: () => ({}),
    stackTags,
    ...(r.provider ? { provider: { type: r.provider.type, name: r.provider.name, urn: r.provider.urn, props: r.provider.properties } } : {}),
    notApplicable: (reason?: string) => {
      throw new NotApplicable(reason);
    },
  };
  const validate = policy.validateResource;
  if (typeof validate !== "function") throw new Error(`${rule.slug} is not a resource policy`);
  try {
    validate(args as never, (m: unknown) => {
      const text = typeof m === "string" ? m : (m as { message: string }).message;
      (/^\[CDG-[A-Z]{3}-\d{3}\] not assessed\b/.test(text) ? notes : violations).push(text);
    });
  } catch (e) {
    if (!(e instanceof NotApplicable)) throw e;
    return { status: e.message.startsWith("not assessed") ? "unknown" : "not-applicable", message: e.message };
  }
  return violations.length > 0 ? { status: "fail", message: violations.join("\n") } : { status: "pass", message: notes.join("\n") };
}

const TRUST = roleTrustPolicyRestrictsWhoAssumes;
const RESOURCE = resourcePoliciesGrantNoExternalAccess;

/** [resource, how it is written, rule, preview (no tag), preview (tag), known values (no tag), known values (tag)] */
const cases: [string, string, AnyRule, string, string, string, string][] = [
  // Bullet: everyone is open even with sts:ExternalId.
  ["vendor-external-id", "object form", TRUST, "fail", "fail", "fail", "fail"],
  ["org-wide", "aws.iam.getPolicyDocument", TRUST, "pass", "pass", "pass", "pass"],
  // Bullet: foreign accounts need sts:ExternalId or aws:PrincipalOrgID (the partner is foreign once the own account is known).
  ["partner-external-id", "pulumi.interpolate", TRUST, "pass", "pass", "pass", "pass"],
  ["partner-open", "pulumi.jsonStringify", TRUST, "unknown", "fail", "unknown", "fail"],
  // Bullet: own account, from the stack tag (a role's ARN is never an Analyze input).
  ["own-root", "pulumi.jsonStringify + getCallerIdentity", TRUST, "unknown", "pass", "unknown", "pass"],
  ["trusts-ci", "pulumi.jsonStringify of another role's ARN", TRUST, "unknown", "unknown", "unknown", "pass"],
  // Bullet: service principals without aws:SourceArn/aws:SourceAccount (confused deputy).
  ["config-recorder", "object form", TRUST, "fail", "fail", "fail", "fail"],
  ["config-recorder-scoped", "pulumi.jsonStringify", TRUST, "pass", "pass", "pass", "pass"],
  ["ci", "object form, a service with no source to name", TRUST, "pass", "pass", "pass", "pass"],
  ["alerts-from-rule", "pulumi.jsonStringify of the rule's ARN", RESOURCE, "unknown", "unknown", "pass", "pass"],
  ["alerts-open", "pulumi.interpolate of the topic's ARN", RESOURCE, "unknown", "unknown", "fail", "fail"],
  ["orders-from-topic", "aws.iam.getPolicyDocument of the topic's ARN", RESOURCE, "unknown", "unknown", "pass", "pass"],
  ["orders-open", "aws.iam.getPolicyDocument", RESOURCE, "fail", "fail", "fail", "fail"],
];

describe("CDG-IAM-006/007 over a real program's policies (issue 11)", () => {
  const runs = [
    ["a new stack's preview", () => preview, new Map<string, string>(), 3],
    ["a new stack's preview, stack tag cdguard:account-ids", () => preview, TAGGED, 4],
    ["known values", () => known, new Map<string, string>(), 5],
    ["known values, stack tag cdguard:account-ids", () => known, TAGGED, 6],
  ] as const;
  for (const [name, how, rule, ...expected] of cases) {
    for (const [run, resources, tags, column] of runs) {
      it(`${rule.id} ${name} (${how}) — ${run}: ${expected[column - 3]}`, () => {
        const r = resources().find((x) => x.name === name);
        if (r === undefined) throw new Error(`the program registers no ${name}`);
        const result = analyze(rule, r, tags);
        expect(result.status, result.message).toBe(expected[column - 3]);
      });
    }
  }

  it.each([
    ["own-root", "pass"],
    ["partner-open", "fail"],
    ["partner-external-id", "pass"],
  ])("the default provider's allowedAccountIds (stack config aws:allowedAccountIds) tells the own account: %s %s", (name, expected) => {
    const r = previewAllowed.find((x) => x.name === name) as RecordedResource;
    expect(r.provider?.properties.allowedAccountIds).toBeDefined();
    const result = analyze(TRUST, r, new Map());
    expect(result.status, result.message).toBe(expected);
  });

  it("says once what is unknown and how to set it", () => {
    const r = preview.find((x) => x.name === "own-root") as RecordedResource;
    const { message } = analyze(TRUST, r, new Map());
    expect(message).toContain(`own account unknown: set the rule's ownAccountIds option`);
    expect(message).toContain("the stack tag cdguard:account-ids");
    expect(message.match(/own account unknown/g)).toHaveLength(1);
  });

  it("names why sts:ExternalId does not close a trust to everyone", () => {
    const r = known.find((x) => x.name === "vendor-external-id") as RecordedResource;
    expect(analyze(TRUST, r, TAGGED).message).toBe(
      "[CDG-IAM-006] IAM role 'vendor-external-id' trust policy: Statement[0] lets everyone assume the role: its conditions on sts:ExternalId name no identity (sts:ExternalId is a shared secret, not an identity)",
    );
  });
});
