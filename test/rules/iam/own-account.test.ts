// Issue 11, own account: CDG-IAM-006 and CDG-IAM-007 learn the stack's accounts from the configuration,
// the stack tag cdguard:account-ids, the AWS provider's allowedAccountIds and any known ARN of a resource
// the stack manages; until one tells, a named account is "not assessed: own account unknown".
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { accountIdsIn, withOwnAccounts, type OwnAccountContext } from "../../../src/adapters/pulumi/own-account";
import type { AnyRule, Outcome } from "../../../src/core/rule";
import { toPolicy } from "../../../src/pulumi/policy";
import { resourcePoliciesGrantNoExternalAccess as resourceRule } from "../../../src/rules/iam/resource-policies-grant-no-external-access";
import { roleTrustPolicyRestrictsWhoAssumes as trustRule } from "../../../src/rules/iam/role-trust-policy-restricts-who-assumes";
import { engineResource } from "../../helpers/engine";
import { run } from "../../helpers/models";
import { doc, OTHER, OWN, statusOf, T, UNKNOWN, urnOf } from "./iam-cases";

const trusting = (account: string) => doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole" });
const granting = (account: string) => doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "s3:GetObject", Resource: "arn:aws:s3:::orders/*" });
/** A role as Analyze sees it: its ARN is an output, never among its inputs. */
const role = (account: string) => engineResource(T.role, "app", { assumeRolePolicy: JSON.stringify(trusting(account)) });
const bucketPolicy = (account: string) => engineResource("aws:s3/bucketPolicy:BucketPolicy", "bp", { bucket: "orders", policy: granting(account) });
/** Another resource of the stack whose ARN is known (an existing stack, or an input naming it). */
const topicWithArn = (arn: unknown) => engineResource("aws:sns/topic:Topic", "alerts", { arn });

/** The outcomes on the resource judged (the first), not on the others that tell the account. */
function judgeWith(rule: AnyRule, resources: readonly EngineResource[], context: OwnAccountContext = {}, options: Record<string, unknown> = {}): Outcome[] {
  const subject = resources[0]?.name;
  return run(rule, withOwnAccounts(buildInventory(resources), context), options).filter((o) => o.resource.name === subject);
}

const tag = (value: string): OwnAccountContext => ({ stackTags: new Map([["cdguard:account-ids", value]]) });
const provider = (allowedAccountIds: unknown): OwnAccountContext => ({ providerProps: () => ({ region: "eu-west-1", allowedAccountIds }) });

type Source = [string, (account: string) => { extra: EngineResource[]; context: OwnAccountContext; options: Record<string, unknown> }];
const SOURCES: Source[] = [
  ["the ownAccountIds option", (a) => ({ extra: [], context: {}, options: { ownAccountIds: [a] } })],
  ["the stack tag cdguard:account-ids", (a) => ({ extra: [], context: tag(`${a}, 444455556666`), options: {} })],
  ["the provider's allowedAccountIds (as provider config arrives: JSON text)", (a) => ({ extra: [], context: provider(JSON.stringify([a])), options: {} })],
  ["the provider's allowedAccountIds (a list)", (a) => ({ extra: [], context: provider([a]), options: {} })],
  ["a known ARN of another resource of the stack", (a) => ({ extra: [topicWithArn(`arn:aws:sns:eu-west-1:${a}:alerts`)], context: {}, options: {} })],
  [
    "a customer-managed policy a role attaches (IAM attaches only its own account's)",
    (a) => ({ extra: [engineResource(T.role, "other", { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", `arn:aws:iam::${a}:policy/app`] })], context: {}, options: {} }),
  ],
];

describe("own account, learned without configuration (CDG-IAM-006 and CDG-IAM-007)", () => {
  for (const [source, given] of SOURCES) {
    for (const [rule, subject] of [
      [trustRule, role],
      [resourceRule, bucketPolicy],
    ] as const) {
      it(`${rule.id} compliant: the own account named, known from ${source}`, () => {
        const { extra, context, options } = given(OWN);
        expect(statusOf(judgeWith(rule, [subject(OWN), ...extra], context, options))).toBe("pass");
      });
      it(`${rule.id} violation: another account without a condition, the own one known from ${source}`, () => {
        const { extra, context, options } = given(OWN);
        expect(statusOf(judgeWith(rule, [subject(OTHER), ...extra], context, options))).toBe("fail");
      });
    }
  }

  const unknownCases: [string, EngineResource[], OwnAccountContext][] = [
    ["nothing tells the account", [], {}],
    ["the other resource's ARN is computed (preview)", [topicWithArn(UNKNOWN)], {}],
    ["the stack tag holds no account id", [], tag("prod")],
    ["an ARN names no account (S3)", [engineResource("aws:s3/bucket:Bucket", "b", { arn: "arn:aws:s3:::orders" })], {}],
    ["a role attaches only AWS managed policies", [engineResource(T.role, "other", { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"], permissionsBoundary: UNKNOWN })], {}],
  ];
  for (const [name, extra, context] of unknownCases) {
    for (const [rule, subject] of [
      [trustRule, role],
      [resourceRule, bucketPolicy],
    ] as const) {
      it(`${rule.id} unknown: ${name}`, () => {
        const outcomes = judgeWith(rule, [subject(OWN), ...extra], context);
        expect(statusOf(outcomes)).toBe("unknown");
        const message = outcomes[0]?.message ?? "";
        expect(message).toMatch(/: own account unknown: set the rule's ownAccountIds option .*the stack tag cdguard:account-ids/);
        expect(message.match(/own account unknown/g)).toHaveLength(1);
        expect(message).toContain(`whether account ${OWN} is this stack's own or a foreign one is not judged`);
      });
    }
  }

  it("needs no own account when every account named is admitted as a foreign one must be (sts:ExternalId)", () => {
    const trust = doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "x-1" } } });
    expect(statusOf(judgeWith(trustRule, [engineResource(T.role, "app", { assumeRolePolicy: trust })]))).toBe("pass");
    const grant = doc({ Effect: "Allow", Principal: { AWS: OTHER }, Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } });
    expect(statusOf(judgeWith(resourceRule, [engineResource("aws:s3/bucketPolicy:BucketPolicy", "bp", { bucket: "orders", policy: grant })]))).toBe("pass");
  });

  it("says it once for a document naming several accounts", () => {
    const trust = doc(
      { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: "sts:AssumeRole" },
      { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: "sts:AssumeRole" },
    );
    const [o] = judgeWith(trustRule, [engineResource(T.role, "app", { assumeRolePolicy: trust })]);
    expect(o?.message.match(/own account unknown/g)).toHaveLength(1);
    expect(o?.message).toContain(`whether accounts ${OWN}, ${OTHER} are this stack's own or foreign ones is not judged`);
  });

  it("an ARN a resource refers to is not the stack's own (a key of another account)", () => {
    const copy = engineResource("aws:sns/topic:Topic", "t", { kmsMasterKeyId: `arn:aws:kms:eu-west-1:${OTHER}:key/1234abcd-12ab-34cd-56ef-1234567890ab` });
    expect(buildInventory([copy]).ownAccountIds).toEqual([]);
    expect(statusOf(judgeWith(trustRule, [role(OTHER), copy]))).toBe("unknown");
  });

  it("in Analyze, a role's own attachments tell its account: its trust policy is judged without configuration", () => {
    const trustingWith = (account: string) =>
      engineResource(T.role, "app", { assumeRolePolicy: JSON.stringify(trusting(account)), permissionsBoundary: `arn:aws:iam::${OWN}:policy/boundary` });
    expect(statusOf(judgeWith(trustRule, [trustingWith(OWN)]))).toBe("pass");
    expect(statusOf(judgeWith(trustRule, [trustingWith(OTHER)]))).toBe("fail");
  });

  it("a queue's URL tells its account", () => {
    const queue = engineResource("aws:sqs/queue:Queue", "q", { url: `https://sqs.eu-west-1.amazonaws.com/${OWN}/orders` });
    expect(buildInventory([queue]).ownAccountIds).toEqual([OWN]);
  });

  it("reads the tag's ids separated by commas, spaces or semicolons, and nothing else", () => {
    expect(accountIdsIn(`${OWN},${OTHER}; 444455556666 prod 12345`)).toEqual([OWN, OTHER, "444455556666"]);
  });
});

describe("own account through the Pulumi front (Analyze: the role's ARN is never an input)", () => {
  class NotApplicable extends Error {}
  function analyze(rule: AnyRule, r: EngineResource, extra: { stackTags?: Map<string, string>; provider?: unknown } = {}): { violations: string[]; notApplicable?: string } {
    const policy = toPolicy(rule) as ResourceValidationPolicy;
    const violations: string[] = [];
    const args = {
      type: r.type,
      name: r.name,
      urn: urnOf(r.type, r.name),
      props: r.props,
      getConfig: () => ({}),
      stackTags: extra.stackTags ?? new Map(),
      ...(extra.provider === undefined ? {} : { provider: { type: "pulumi:providers:aws", name: "default", urn: "urn:provider", props: extra.provider } }),
      notApplicable: (reason?: string) => {
        throw new NotApplicable(reason);
      },
    };
    const validate = policy.validateResource;
    if (typeof validate !== "function") throw new Error(`${rule.slug} is not a resource policy`);
    try {
      validate(args as never, (m: unknown) => {
        const text = typeof m === "string" ? m : (m as { message: string }).message;
        if (!/^\[CDG-[A-Z]{3}-\d{3}\] not assessed\b/.test(text)) violations.push(text);
      });
    } catch (e) {
      if (e instanceof NotApplicable) return { violations, notApplicable: e.message };
      throw e;
    }
    return { violations };
  }

  it.each([
    ["compliant: own account from the stack tag", role(OWN), { stackTags: new Map([["cdguard:account-ids", OWN]]) }, "pass"],
    ["compliant: own account from the provider's allowedAccountIds", role(OWN), { provider: { allowedAccountIds: JSON.stringify([OWN]) } }, "pass"],
    ["violation: another account, own account from the stack tag", role(OTHER), { stackTags: new Map([["cdguard:account-ids", OWN]]) }, "fail"],
    ["unknown: no tag, no provider account, no option", role(OWN), {}, "unknown"],
  ] as const)("%s", (_name, r, extra, expected) => {
    const result = analyze(trustRule, r, extra);
    if (expected === "pass") expect(result).toEqual({ violations: [] });
    if (expected === "fail") expect(result.violations).toEqual([expect.stringMatching(new RegExp(`^\\[CDG-IAM-006\\] IAM role 'app' trust policy: Statement\\[0\\] allows account ${OTHER}`))]);
    if (expected === "unknown") {
      expect(result.violations).toEqual([]);
      expect(result.notApplicable).toContain("not assessed: IAM role 'app' trust policy: own account unknown: set the rule's ownAccountIds option");
    }
  });
});
