// Issue 11: a security group, subnet, subnet group, KMS key, role or user tagged with a segment belongs to
// that segment in its own right, not only through the stores that use it. Every case runs on a new stack's
// preview (ids and ARNs unknown, joins by propertyDependencies) and, unless it is about a value only a
// preview leaves unknown, on an existing stack (every value known, joins by value only).
import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { noNetworkPathBetweenSegments, noPrincipalReachesTwoSegments, segmentResourcesNotShared } from "../../../src/rules/segregation";
import { engineResource, UNKNOWN, urnOf } from "../../helpers/engine";
import { run } from "../../helpers/models";
import { ids, segment, stack, T, u, type GuardTags } from "./segment-stack";

type Mode = "preview" | "known";
const BOTH_MODES: readonly Mode[] = ["preview", "known"];
const PREVIEW_ONLY: readonly Mode[] = ["preview"];

/** Both segments, each guard tagged with its own segment unless `b` says otherwise. */
const own = (s: string): GuardTags => ({ key: s, appSg: s, dbSg: s, subnet: s, subnetGroup: s });
const twoSegments = (mode: Mode, b: GuardTags = {}, dbTagsB?: Record<string, string>) => [
  segment("a", { mode, guardTags: own("a") }),
  segment("b", { mode, guardTags: { ...own("b"), ...b }, ...(dbTagsB ? { dbTags: dbTagsB } : {}) }),
];

interface Case {
  readonly name: string;
  readonly modes: readonly Mode[];
  /** The resource judged, and the expected status and message. */
  readonly subject: string;
  readonly status: "pass" | "fail" | "unknown";
  readonly message: string | RegExp;
}

describe("CDG-SEG-002: a key, security group, subnet group or subnet tagged with a segment serves that segment only", () => {
  const cases: readonly (Case & { b?: GuardTags; dbTagsB?: Record<string, string> })[] = [
    { name: "compliant: every guard tagged with its own segment", modes: BOTH_MODES, subject: "db-b", status: "pass", message: "security group 'db-b' serves segment 'b' only" },
    { name: "compliant: a tagged subnet, used by one store", modes: BOTH_MODES, subject: "subnet-b", status: "pass", message: "subnet 'subnet-b' serves segment 'b' only" },
    {
      name: "violation: segment b's database in a security group tagged 'a'",
      modes: BOTH_MODES,
      b: { dbSg: "a" },
      subject: "db-b",
      status: "fail",
      message: "security group 'db-b' belongs to segment 'a' (its tag) but serves segment 'b' (RDS instance 'db-b')",
    },
    {
      name: "violation: segment b's database encrypted with a key tagged 'a'",
      modes: BOTH_MODES,
      b: { key: "a" },
      subject: "key-b",
      status: "fail",
      message: "KMS key 'key-b' belongs to segment 'a' (its tag) but serves segment 'b' (RDS instance 'db-b')",
    },
    {
      name: "violation: segment b's database in a subnet tagged 'a'",
      modes: BOTH_MODES,
      b: { subnet: "a" },
      subject: "subnet-b",
      status: "fail",
      message: "subnet 'subnet-b' belongs to segment 'a' (its tag) but serves segment 'b' (RDS instance 'db-b')",
    },
    {
      name: "violation: segment b's database in a subnet group tagged 'a'",
      modes: BOTH_MODES,
      b: { subnetGroup: "a" },
      subject: "dbgroup-b",
      status: "fail",
      message: "RDS subnet group 'dbgroup-b' belongs to segment 'a' (its tag) but serves segment 'b' (RDS instance 'db-b')",
    },
    {
      name: "unknown: the security group's tags are computed",
      modes: PREVIEW_ONLY,
      b: { dbSg: UNKNOWN },
      subject: "db-b",
      status: "unknown",
      message: /^security group 'db-b': the segment it is tagged with cannot be judged: /,
    },
    {
      name: "unknown: the key is tagged 'b', the segment of the store using it is computed",
      modes: PREVIEW_ONLY,
      dbTagsB: UNKNOWN as never,
      subject: "key-b",
      status: "unknown",
      message: /^KMS key 'key-b': the segment of a store using it cannot be judged: /,
    },
  ];
  const table = cases.flatMap((c) => c.modes.map((mode) => ({ ...c, mode })));
  it.each(table)("$name ($mode)", (c) => {
    const outcomes = run(segmentResourcesNotShared, stack(...twoSegments(c.mode, c.b, c.dbTagsB)));
    const o = outcomes.find((x) => x.resource.name === c.subject);
    expect(o?.status).toBe(c.status);
    if (typeof c.message === "string") expect(o?.message).toBe(c.message);
    else expect(o?.message).toMatch(c.message);
    // The one planted mistake is the only finding.
    expect(outcomes.filter((x) => x.status === "fail").length).toBe(c.status === "fail" ? 1 : 0);
  });

  it("is silent about untagged guards used by one store (as before)", () => {
    const outcomes = run(segmentResourcesNotShared, stack(segment("a"), segment("b")));
    expect(outcomes).toEqual([]);
  });
});

/** A security group of segment `s` that no store or compute uses (an operations or bastion group). */
const opsGroup = (s: string, mode: Mode, tags: unknown = { "customer-segment": s }) =>
  engineResource(T.sg, `ops-${s}`, { ...(mode === "known" ? { id: `sg-0ops${s}` } : {}), vpcId: mode === "known" ? ids(s).vpc : UNKNOWN, tags }, mode === "known" ? {} : { vpcId: [u("vpc", `vpc-${s}`)] });

/** A separate ingress rule into group `into` from group `from` (names of security groups; `from` undefined: computed, no source). */
function ingress(name: string, mode: Mode, into: { name: string; id: string }, from?: { name: string; id: string }): EngineResource {
  if (mode === "known") {
    return engineResource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name, { securityGroupId: into.id, referencedSecurityGroupId: from?.id, ipProtocol: "tcp", fromPort: 22, toPort: 22 });
  }
  return engineResource(
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    name,
    { securityGroupId: UNKNOWN, referencedSecurityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 22, toPort: 22 },
    { securityGroupId: [u("sg", into.name)], ...(from ? { referencedSecurityGroupId: [u("sg", from.name)] } : {}) },
  );
}

describe("CDG-SEG-003: an ingress rule from one segment's security group into another's is a path between segments", () => {
  const sg = (name: string, id: string) => ({ name, id });
  const appB = sg("app-b", ids("b").appSg);
  const dbB = sg("db-b", ids("b").dbSg);
  const cases: readonly (Case & { extra: (mode: Mode) => EngineResource[] })[] = [
    {
      name: "violation: segment b's application group admits segment a's operations group (both tagged)",
      modes: BOTH_MODES,
      extra: (m) => [opsGroup("a", m), ingress("app-b-from-ops-a", m, appB, sg("ops-a", "sg-0opsa"))],
      subject: "app-b",
      status: "fail",
      message: "security group 'app-b' (segment 'b', by its tag): rule app-b-from-ops-a admits security group 'ops-a' of segment 'a' (its tag)",
    },
    {
      name: "violation: segment b's database admits segment a's operations group (tagged, used by nothing)",
      modes: BOTH_MODES,
      extra: (m) => [opsGroup("a", m), ingress("db-b-from-ops-a", m, dbB, sg("ops-a", "sg-0opsa"))],
      subject: "db-b",
      status: "fail",
      message: "RDS instance 'db-b' (segment 'b'): rule db-b-from-ops-a admits security group 'ops-a' of segment 'a' (its tag)",
    },
    {
      name: "violation: segment b's database admits the security group of segment a's database",
      modes: BOTH_MODES,
      extra: (m) => [ingress("db-b-from-db-a", m, dbB, sg("db-a", ids("a").dbSg))],
      subject: "db-b",
      status: "fail",
      message: "RDS instance 'db-b' (segment 'b'): rule db-b-from-db-a admits security group 'db-a' of segment 'a' (used by RDS instance 'db-a')",
    },
    {
      name: "compliant: segment b's application group admits segment b's operations group",
      modes: BOTH_MODES,
      extra: (m) => [opsGroup("b", m), ingress("app-b-from-ops-b", m, appB, sg("ops-b", "sg-0opsb"))],
      subject: "app-b",
      status: "pass",
      message: "security group 'app-b' (segment 'b') admits no security group or compute of another segment",
    },
    {
      name: "compliant: a database admits its own segment's application (the stack as built)",
      modes: BOTH_MODES,
      extra: () => [],
      subject: "db-b",
      status: "pass",
      message: "RDS instance 'db-b' admits no compute of another segment",
    },
    {
      name: "unknown: segment b's application group admits a group computed from no known resource",
      modes: PREVIEW_ONLY,
      extra: (m) => [ingress("app-b-from-somewhere", m, appB)],
      subject: "app-b",
      status: "unknown",
      message: /^security group 'app-b': whether another segment's security groups reach it cannot be judged: /,
    },
    {
      name: "unknown: segment b's application group admits an operations group whose tags are computed",
      modes: PREVIEW_ONLY,
      extra: (m) => [opsGroup("x", m, UNKNOWN), ingress("app-b-from-ops-x", m, appB, sg("ops-x", "sg-0opsx"))],
      subject: "app-b",
      status: "unknown",
      message: /^security group 'app-b': whether another segment's security groups reach it cannot be judged: /,
    },
  ];
  const table = cases.flatMap((c) => c.modes.map((mode) => ({ ...c, mode })));
  it.each(table)("$name ($mode)", (c) => {
    const outcomes = run(noNetworkPathBetweenSegments, stack(...twoSegments(c.mode), c.extra(c.mode)));
    const o = outcomes.find((x) => x.resource.name === c.subject && (c.subject !== "db-b" || x.resource.type.includes("rds")));
    expect(o?.status).toBe(c.status);
    if (typeof c.message === "string") expect(o?.message).toBe(c.message);
    else expect(o?.message).toMatch(c.message);
    expect(outcomes.filter((x) => x.status === "fail").length).toBe(c.status === "fail" ? 1 : 0);
  });

  it("the database's own security group is judged through its store, not a second time on its own", () => {
    const outcomes = run(noNetworkPathBetweenSegments, stack(...twoSegments("preview")));
    expect(outcomes.filter((o) => o.resource.type === "aws:ec2/securityGroup:SecurityGroup").map((o) => o.resource.name).sort()).toEqual(["app-a", "app-b"]);
  });
});

describe("CDG-SEG-005: a KMS key, role or user tagged with a segment belongs to it", () => {
  const ROLE = "aws:iam/role:Role";
  const USER = "aws:iam/user:User";
  const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] });
  const keyArn = (name: string) => `arn:aws:kms:eu-west-1:111122223333:key/${name}`;
  /** A key no store uses, tagged with a segment (or not). */
  const spareKey = (name: string, mode: Mode, segmentTag?: string) =>
    engineResource(T.key, name, { ...(mode === "known" ? { arn: keyArn(name) } : {}), ...(segmentTag ? { tags: { "customer-segment": segmentTag } } : {}) });
  const principal = (kind: "role" | "user", mode: Mode, tags: unknown) =>
    kind === "role"
      ? engineResource(ROLE, "reporting", { name: mode === "known" ? "reporting" : UNKNOWN, assumeRolePolicy: TRUST, tags })
      : engineResource(USER, "reporting", { name: "reporting", tags });
  /** `kms:Decrypt` on keys, an object-form document: ARNs known, or unknown and joined by dependencies. */
  const decrypting = (kind: "role" | "user", mode: Mode, keys: { urn: string; arn: string }[]) => {
    const type = kind === "role" ? "aws:iam/rolePolicy:RolePolicy" : "aws:iam/userPolicy:UserPolicy";
    const owner = kind === "role" ? urnOf(ROLE, "reporting") : urnOf(USER, "reporting");
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: keys.map((k) => (mode === "known" ? k.arn : UNKNOWN)) }] };
    const name = mode === "known" || kind === "user" ? "reporting" : UNKNOWN;
    return engineResource(type, "reporting-decrypt", { [kind]: name, policy }, mode === "known" ? {} : { [kind]: [owner], policy: keys.map((k) => k.urn) });
  };
  const keyA = { urn: u("key", "key-a"), arn: ids("a").keyArn };
  const spare = (name: string) => ({ urn: u("key", name), arn: keyArn(name) });

  const cases: readonly (Case & { kind?: "role" | "user"; tags?: unknown; keys: { urn: string; arn: string }[]; spare?: (m: Mode) => EngineResource[] })[] = [
    {
      name: "violation: decrypting segment a's key and a spare key tagged 'b' (no store uses it)",
      modes: BOTH_MODES,
      keys: [keyA, spare("archive-b")],
      spare: (m) => [spareKey("archive-b", m, "b")],
      subject: "reporting",
      status: "fail",
      message: "IAM role 'reporting' can reach the data of segments 'a' (KMS key 'key-a') and 'b' (KMS key 'archive-b')",
    },
    {
      name: "compliant: decrypting segment a's key and an untagged spare key",
      modes: BOTH_MODES,
      keys: [keyA, spare("misc")],
      spare: (m) => [spareKey("misc", m)],
      subject: "reporting",
      status: "pass",
      message: "IAM role 'reporting' reaches segment 'a' only",
    },
    {
      name: "violation: a role tagged 'a' decrypting segment b's spare key",
      modes: BOTH_MODES,
      tags: { "customer-segment": "a" },
      keys: [spare("archive-b")],
      spare: (m) => [spareKey("archive-b", m, "b")],
      subject: "reporting",
      status: "fail",
      message: "IAM role 'reporting' belongs to segment 'a' (its tag) but can reach the data of segment 'b' (KMS key 'archive-b')",
    },
    {
      name: "violation: a user tagged 'b' decrypting segment a's key",
      modes: BOTH_MODES,
      kind: "user",
      tags: { "customer-segment": "b" },
      keys: [keyA],
      subject: "reporting",
      status: "fail",
      message: "IAM user 'reporting' belongs to segment 'b' (its tag) but can reach the data of segment 'a' (KMS key 'key-a')",
    },
    {
      name: "compliant: a role tagged 'a' decrypting its own segment's key",
      modes: BOTH_MODES,
      tags: { "customer-segment": "a" },
      keys: [keyA],
      subject: "reporting",
      status: "pass",
      message: "IAM role 'reporting' reaches segment 'a' only",
    },
    {
      name: "compliant: an approved cross-segment role tagged 'a' decrypting segment b's spare key",
      modes: BOTH_MODES,
      tags: { "customer-segment": "a", "cdguard:approved-cross-segment": "true" },
      keys: [spare("archive-b")],
      spare: (m) => [spareKey("archive-b", m, "b")],
      subject: "reporting",
      status: "pass",
      message: "IAM role 'reporting' belongs to segment 'a' (its tag) but reaches segment 'b' (KMS key 'archive-b') and is an approved cross-segment principal",
    },
    {
      name: "unknown: a role whose tags are computed, decrypting segment a's key",
      modes: PREVIEW_ONLY,
      tags: UNKNOWN,
      keys: [keyA],
      subject: "reporting",
      status: "unknown",
      message: /^IAM role 'reporting': whether segment 'a' is the segment it is tagged with cannot be judged: /,
    },
  ];
  const table = cases.flatMap((c) => c.modes.map((mode) => ({ ...c, mode })));
  it.each(table)("$name ($mode)", (c) => {
    const kind = c.kind ?? "role";
    const inv = stack(...twoSegments(c.mode), c.spare?.(c.mode) ?? [], [principal(kind, c.mode, c.tags ?? {}), decrypting(kind, c.mode, c.keys)]);
    const o = run(noPrincipalReachesTwoSegments, inv).find((x) => x.resource.name === c.subject);
    expect(o?.status).toBe(c.status);
    if (typeof c.message === "string") expect(o?.message).toBe(c.message);
    else expect(o?.message).toMatch(c.message);
  });

  it("a key tagged 'a' that encrypts segment b's data counts for neither segment (CDG-SEG-002 reports it)", () => {
    const inv = stack(segment("a", { guardTags: own("a") }), segment("b", { guardTags: { key: "a" } }), [
      principal("role", "preview", {}),
      decrypting("role", "preview", [keyA, { urn: u("key", "key-b"), arn: "" }]),
    ]);
    expect(run(noPrincipalReachesTwoSegments, inv).find((x) => x.resource.name === "reporting")).toMatchObject({ status: "pass", message: "IAM role 'reporting' reaches segment 'a' only" });
  });
});
