// CDG-SEG-005 on identity policies written the usual ways (`pulumi.jsonStringify`, `pulumi.interpolate`,
// an object with outputs inside), as AnalyzeStack receives them: in a new stack's preview (bucket names
// and ARNs unknown, joins by propertyDependencies) and in an existing stack (every value known).
import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { noPrincipalReachesTwoSegments as rule } from "../../../src/rules/segregation";
import { engineResource, UNKNOWN, urnOf } from "../../helpers/engine";
import { run } from "../../helpers/models";

const BUCKET = "aws:s3/bucket:Bucket";
const ROLE = "aws:iam/role:Role";
const USER = "aws:iam/user:User";
const POLICY = "aws:iam/policy:Policy";
const ACCOUNT = "111122223333";
const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] });

type Mode = "preview" | "known";
type Segment = "a" | "b";
type Form = "jsonStringify" | "interpolate" | "object";
type Carrier = "RolePolicy" | "Policy + RolePolicyAttachment" | "UserPolicy";

const planned = (...args: Parameters<typeof engineResource>): EngineResource => ({ ...engineResource(...args), plannedState: true });
const bucketUrn = (s: Segment) => urnOf(BUCKET, `docs-${s}`);
const bucketArn = (s: Segment) => `arn:aws:s3:::docs-${s}-7f3a9c1`;
const bucket = (s: Segment, mode: Mode) =>
  planned(BUCKET, `docs-${s}`, {
    bucket: mode === "known" ? `docs-${s}-7f3a9c1` : UNKNOWN,
    arn: mode === "known" ? bucketArn(s) : UNKNOWN,
    tags: { "data-classification": "restricted", "customer-segment": s },
  });

/** The principal reading the documents, tagged with a segment or not. */
const principalOf = (carrier: Carrier, mode: Mode, segment?: Segment): EngineResource => {
  const tags = segment ? { "customer-segment": segment } : {};
  if (carrier === "UserPolicy") return planned(USER, "reporting", { name: "reporting", arn: mode === "known" ? `arn:aws:iam::${ACCOUNT}:user/reporting` : UNKNOWN, tags });
  return planned(ROLE, "reporting", { name: mode === "known" ? "reporting-4f1c2e9" : UNKNOWN, arn: mode === "known" ? `arn:aws:iam::${ACCOUNT}:role/reporting-4f1c2e9` : UNKNOWN, assumeRolePolicy: TRUST, tags });
};

/** `s3:GetObject` on the segments' buckets; no segment: `logs:CreateLogStream` on the role's own log group. */
const statements = (reads: readonly Segment[], arnOf: (s: Segment) => unknown) =>
  reads.length === 0
    ? [{ Effect: "Allow", Action: "logs:CreateLogStream", Resource: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws/lambda/reporting:*` }]
    : [{ Effect: "Allow", Action: "s3:GetObject", Resource: reads.map(arnOf) }];

/** The `policy` property as the engine sends it: one unknown string in preview for the two output-building forms. */
function policyValue(form: Form, mode: Mode, reads: readonly Segment[]): unknown {
  if (mode === "preview" && form !== "object") return UNKNOWN;
  const arnOf = (s: Segment) => (mode === "known" ? `${bucketArn(s)}/*` : UNKNOWN);
  const doc = { Version: "2012-10-17", Statement: statements(reads, arnOf) };
  if (form === "object") return doc;
  // pulumi.interpolate`{ ... "Resource": ["${a.arn}/*"] ... }`: hand-written JSON, its own spacing.
  if (form === "interpolate") return JSON.stringify(doc, null, 2);
  return JSON.stringify(doc);
}

/** The resources carrying the document, with `policy` depending on the buckets it reads (or on the role). */
function carrierOf(carrier: Carrier, form: Form, mode: Mode, reads: readonly Segment[]): EngineResource[] {
  const policy = policyValue(form, mode, reads);
  const principal = carrier === "UserPolicy" ? urnOf(USER, "reporting") : urnOf(ROLE, "reporting");
  const sources = reads.length === 0 ? [principal] : reads.map(bucketUrn);
  const principalName = mode === "known" ? "reporting-4f1c2e9" : UNKNOWN;
  if (carrier === "RolePolicy") return [planned("aws:iam/rolePolicy:RolePolicy", "reporting-read", { role: principalName, policy }, { role: [principal], policy: sources })];
  if (carrier === "UserPolicy") return [planned("aws:iam/userPolicy:UserPolicy", "reporting-read", { user: "reporting", policy }, { user: [principal], policy: sources })];
  const arn = mode === "known" ? `arn:aws:iam::${ACCOUNT}:policy/read-docs-0b1d2e3` : UNKNOWN;
  return [
    planned(POLICY, "read-docs", { name: mode === "known" ? "read-docs-0b1d2e3" : UNKNOWN, arn, policy }, { policy: sources }),
    planned("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "reporting-read-docs", { role: principalName, policyArn: arn }, { role: [principal], policyArn: [urnOf(POLICY, "read-docs")] }),
  ];
}

function verdict(c: { carrier: Carrier; form: Form; mode: Mode; reads: readonly Segment[]; tagged?: Segment }) {
  const resources = [bucket("a", c.mode), bucket("b", c.mode), principalOf(c.carrier, c.mode, c.tagged), ...carrierOf(c.carrier, c.form, c.mode, c.reads)];
  return run(rule, buildInventory(resources)).find((o) => o.resource.name === "reporting");
}

const INFERRED = ", inferred from the resources its policy document is built from (the document is not known until the update)";
const BOTH = "can reach the data of segments 'a' (S3 bucket 'docs-a') and 'b' (S3 bucket 'docs-b')";
const OUTSIDE = "belongs to segment 'a' (its tag) but can reach the data of segment 'b' (S3 bucket 'docs-b')";

interface Case {
  readonly name: string;
  readonly reads: readonly Segment[];
  readonly tagged?: Segment;
  /** Expected status and message (after "<principal> ") when the document's values are all known or only its ARNs are not. */
  readonly judged: readonly [status: string, message: string];
  /** Expected when the whole document is one unknown value (jsonStringify / interpolate in preview). */
  readonly inferred: readonly [status: string, message?: string];
}

const CASES: readonly Case[] = [
  { name: "compliant: reads one segment's bucket", reads: ["a"], judged: ["pass", "reaches segment 'a' only"], inferred: ["unknown"] },
  { name: "violation: reads both segments' buckets", reads: ["a", "b"], judged: ["fail", BOTH], inferred: ["fail", `${BOTH}${INFERRED}`] },
  { name: "violation: tagged with segment a, reads segment b's bucket", reads: ["b"], tagged: "a", judged: ["fail", OUTSIDE], inferred: ["fail", `${OUTSIDE}${INFERRED}`] },
  { name: "compliant: tagged with segment a, reads its own segment's bucket", reads: ["a"], tagged: "a", judged: ["pass", "reaches segment 'a' only"], inferred: ["unknown"] },
  { name: "compliant: built from no store (logs only)", reads: [], judged: ["pass", "reaches no segmented data"], inferred: ["pass", "reaches no segmented data"] },
];

const FORMS: readonly Form[] = ["jsonStringify", "interpolate", "object"];
const CARRIERS: readonly Carrier[] = ["RolePolicy", "Policy + RolePolicyAttachment", "UserPolicy"];
const MODES: readonly Mode[] = ["preview", "known"];

describe.each(MODES.flatMap((mode) => FORMS.flatMap((form) => CARRIERS.map((carrier) => ({ mode, form, carrier })))))(
  "CDG-SEG-005, $form policy in a $carrier, values $mode",
  ({ mode, form, carrier }) => {
    const whole = mode === "preview" && form !== "object";
    it.each(CASES)("$name", (c) => {
      const o = verdict({ carrier, form, mode, reads: c.reads, ...(c.tagged ? { tagged: c.tagged } : {}) });
      const who = carrier === "UserPolicy" ? "IAM user 'reporting'" : "IAM role 'reporting'";
      const [status, message] = whole ? c.inferred : c.judged;
      expect(o?.status).toBe(status);
      if (status === "unknown") {
        expect(o?.reason).toBe("preview");
        expect(o?.message.startsWith(`${who}: which segments it reaches cannot be judged: `)).toBe(true);
      } else expect(o?.message).toBe(`${who} ${message}`);
    });
  },
);

describe("CDG-SEG-005: a document is judged by what it is built from only when the verdict follows", () => {
  const previewRole = planned(ROLE, "reporting", { name: UNKNOWN, arn: UNKNOWN, assumeRolePolicy: TRUST });
  const verdictOf = (...extra: EngineResource[]) =>
    run(rule, buildInventory([bucket("a", "preview"), bucket("b", "preview"), previewRole, ...extra])).find((o) => o.resource.name === "reporting");
  const rolePolicy = (name: string, policy: unknown, sources: string[]) =>
    planned("aws:iam/rolePolicy:RolePolicy", name, { role: UNKNOWN, policy }, { role: [urnOf(ROLE, "reporting")], policy: sources });

  it("violation: two unknown documents, each built from one segment's bucket, held by one role", () => {
    const o = verdictOf(rolePolicy("read-a", UNKNOWN, [bucketUrn("a")]), rolePolicy("read-b", UNKNOWN, [bucketUrn("b")]));
    expect(o).toMatchObject({ status: "fail", message: `IAM role 'reporting' ${BOTH}${INFERRED}` });
  });

  it("violation, inferred for one segment: a statement on one bucket and an unknown document built from the other", () => {
    const known = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: [UNKNOWN] }] };
    const o = verdictOf(rolePolicy("read-a", known, [bucketUrn("a")]), rolePolicy("read-b", UNKNOWN, [bucketUrn("b")]));
    expect(o).toMatchObject({ status: "fail", message: `IAM role 'reporting' ${BOTH}${INFERRED}` });
  });

  it.each([
    ["each entry's policy from pulumi.jsonStringify", [{ name: "read", policy: UNKNOWN }]],
    ["the whole list an output", UNKNOWN],
  ])("violation, inferred: a role's inlinePolicies, %s, built from both segments' buckets", (_, inlinePolicies) => {
    const role = planned(ROLE, "reporting", { name: UNKNOWN, arn: UNKNOWN, assumeRolePolicy: TRUST, inlinePolicies }, { inlinePolicies: [bucketUrn("a"), bucketUrn("b")] });
    const o = run(rule, buildInventory([bucket("a", "preview"), bucket("b", "preview"), role])).find((x) => x.resource.name === "reporting");
    expect(o).toMatchObject({ status: "fail", message: `IAM role 'reporting' ${BOTH}${INFERRED}` });
  });

  it("unknown: a role's inlinePolicies, the whole list an output, built from one segment's bucket", () => {
    const role = planned(ROLE, "reporting", { name: UNKNOWN, arn: UNKNOWN, assumeRolePolicy: TRUST, inlinePolicies: UNKNOWN }, { inlinePolicies: [bucketUrn("a")] });
    const o = run(rule, buildInventory([bucket("a", "preview"), bucket("b", "preview"), role])).find((x) => x.resource.name === "reporting");
    expect(o).toMatchObject({ status: "unknown", reason: "preview" });
  });

  it("unknown: an object-form statement whose actions are computed, built from one segment's bucket", () => {
    const computedActions = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: UNKNOWN, Resource: [UNKNOWN] }] };
    expect(verdictOf(rolePolicy("read-a", computedActions, [bucketUrn("a")]))).toMatchObject({ status: "unknown", reason: "preview" });
  });

  it("unknown: an object-form statement naming buckets by a pattern while their names are not known yet", () => {
    const pattern = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::docs-*/*" }] };
    expect(verdictOf(rolePolicy("read-docs", pattern, []))).toMatchObject({ status: "unknown", reason: "preview" });
  });

  it("violation, known values: the same pattern once the buckets' names are known", () => {
    const pattern = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::docs-*/*" }] });
    const role = planned(ROLE, "reporting", { name: "reporting-4f1c2e9", arn: `arn:aws:iam::${ACCOUNT}:role/reporting-4f1c2e9`, assumeRolePolicy: TRUST });
    const inline = planned("aws:iam/rolePolicy:RolePolicy", "read-docs", { role: "reporting-4f1c2e9", policy: pattern }, { role: [urnOf(ROLE, "reporting")] });
    const o = run(rule, buildInventory([bucket("a", "known"), bucket("b", "known"), role, inline])).find((x) => x.resource.name === "reporting");
    expect(o).toMatchObject({ status: "fail", message: `IAM role 'reporting' ${BOTH}` });
  });

  it("compliant: an approved cross-segment principal, even when the reach is inferred", () => {
    const approved = planned(ROLE, "reporting", { name: UNKNOWN, arn: UNKNOWN, assumeRolePolicy: TRUST, tags: { "cdguard:approved-cross-segment": "true" } });
    const o = run(rule, buildInventory([bucket("a", "preview"), bucket("b", "preview"), approved, rolePolicy("read", UNKNOWN, [bucketUrn("a"), bucketUrn("b")])])).find(
      (x) => x.resource.name === "reporting",
    );
    expect(o).toMatchObject({ status: "pass", message: `IAM role 'reporting' reaches segments 'a' (S3 bucket 'docs-a') and 'b' (S3 bucket 'docs-b')${INFERRED} and is an approved cross-segment principal` });
  });
});
