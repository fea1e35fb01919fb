import { describe, expect, it } from "vitest";
import { unknown } from "../../src/core/value";
import { store } from "../helpers/models";
import type { StoreExposure } from "../../src/models/exposure";
import {
  allow,
  attach,
  awsManaged,
  block,
  bucket,
  bucketPolicy,
  deny,
  doc,
  inline,
  lines,
  managed,
  mapOf,
  newTable,
  OTHER,
  OWN,
  principal,
  s3Exposure,
  table,
} from "./access-map-fixtures";

const data = bucket("customer-data");
const exportsBucket = bucket("shared-exports");
const orders = table("orders");
const B = "arn:aws:s3:::customer-data";
const T = orders.ref.id;
const role = (name: string, ...documents: unknown[]) => principal("role", name, { inlinePolicies: documents.map((d, i) => inline(name, `p${i}`, d)) });

describe("buildAccessMap: identity policies", () => {
  const cases: { name: string; principals: ReturnType<typeof principal>[]; policies?: ReturnType<typeof managed>[]; expected: string[] }[] = [
    {
      name: "read, write and manage split by the catalogue's access levels",
      principals: [role("app", doc(allow(["s3:GetObject", "s3:PutObject", "s3:PutBucketPolicy"], [B, `${B}/*`])))],
      expected: ["app customer-data read allowed", "app customer-data write allowed", "app customer-data manage allowed"],
    },
    {
      name: "object actions count on `bucket/*` only, bucket actions on the bucket only",
      principals: [role("objects", doc(allow(["s3:GetObject", "s3:PutBucketPolicy"], `${B}/*`))), role("listing", doc(allow(["s3:ListBucket", "s3:PutObject"], B)))],
      expected: ["listing customer-data read allowed", "objects customer-data read allowed"],
    },
    {
      name: "a path below the bucket reaches it",
      principals: [role("reports", doc(allow("s3:GetObject", `${B}/reports/2024.csv`)))],
      expected: ["reports customer-data read allowed"],
    },
    {
      name: "AdministratorAccess (catalogue document) reaches every level of every store",
      principals: [principal("role", "admin", { attachedPolicies: [attach(awsManaged("AdministratorAccess"))] })],
      policies: [awsManaged("AdministratorAccess")],
      expected: [
        "admin orders read allowed", "admin orders write allowed", "admin orders manage allowed",
        "admin customer-data read allowed", "admin customer-data write allowed", "admin customer-data manage allowed",
        "admin shared-exports read allowed", "admin shared-exports write allowed", "admin shared-exports manage allowed",
      ],
    },
    {
      name: "ReadOnlyAccess (catalogue document) reads only",
      principals: [principal("role", "auditor", { attachedPolicies: [attach(awsManaged("ReadOnlyAccess"))] })],
      policies: [awsManaged("ReadOnlyAccess")],
      expected: ["auditor orders read allowed", "auditor customer-data read allowed", "auditor shared-exports read allowed"],
    },
    {
      name: "NotAction counts every store action it does not except",
      principals: [role("all-but-s3", doc({ Effect: "Allow", NotAction: "s3:*", Resource: "*" }))],
      expected: ["all-but-s3 orders read allowed", "all-but-s3 orders write allowed", "all-but-s3 orders manage allowed"],
    },
    {
      name: "NotResource reaches the stores its exceptions do not cover",
      principals: [role("not-secret", doc({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::shared-exports/*" }))],
      expected: ["not-secret customer-data read allowed"],
    },
    {
      name: "a conditional allow is conditional",
      principals: [role("mfa", doc(allow("dynamodb:GetItem", T, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } })))],
      expected: ["mfa orders read conditional"],
    },
    {
      name: "an unconditional deny of the level: denied, grant and limit kept",
      principals: [role("denied", doc(allow("s3:*", B), deny("s3:*", "*")))],
      expected: ["denied customer-data read denied", "denied customer-data write denied", "denied customer-data manage denied"],
    },
    {
      name: "a conditional deny: conditional",
      principals: [role("vpc-only", doc(allow("dynamodb:GetItem", T), deny("dynamodb:*", "*", { Condition: { StringNotEquals: { "aws:SourceVpc": "vpc-1" } } })))],
      expected: ["vpc-only orders read conditional"],
    },
    {
      name: "a deny of one level leaves the others",
      principals: [role("no-write", doc(allow("dynamodb:*", T), deny(["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"], T)))],
      expected: ["no-write orders read allowed", "no-write orders write allowed", "no-write orders manage allowed"],
    },
    {
      name: "a wildcard pattern reaches the stores it matches, not their neighbours",
      principals: [role("prefix", doc(allow("s3:GetObject", "arn:aws:s3:::customer-*/*"))), role("tables", doc(allow("dynamodb:Query", "arn:aws:dynamodb:*:*:table/ord*")))],
      expected: ["tables orders read allowed", "prefix customer-data read allowed"],
    },
    {
      name: "actions of other services reach nothing",
      principals: [role("other", doc(allow(["sqs:*", "logs:*"], "*")))],
      expected: [],
    },
    {
      name: "a principal reaching nothing is listed with no edges",
      principals: [role("idle", doc(allow("sqs:SendMessage", "*")))],
      expected: [],
    },
  ];
  it.each(cases)("$name", ({ principals, policies = [], expected }) => {
    const m = mapOf({ stores: [data, exportsBucket, orders], principals, policies });
    expect(lines(m.access)).toEqual(expected);
    for (const p of principals) expect(m.principals.map((x) => x.id)).toContain(p.ref.id);
  });

  it("keeps the denying statement as a limit and the grants", () => {
    const m = mapOf({ stores: [data], principals: [role("denied", doc(allow("s3:GetObject", `${B}/*`), { ...deny("s3:*", "*"), Sid: "NoS3" }))] });
    expect(m.access[0]).toMatchObject({
      status: "denied",
      grants: [{ via: "identity", policy: "inline policy 'p0' of role denied", statement: "Statement[0]", actions: ["s3:GetObject"], actionCount: 1, conditions: [] }],
      limits: [{ kind: "deny", policy: "inline policy 'p0' of role denied", statement: "NoS3", unconditional: true }],
    });
  });

  it("names at most five actions and counts them all", () => {
    const m = mapOf({ stores: [orders], principals: [role("rw", doc(allow("dynamodb:*", T)))] });
    const write = m.access.find((e) => e.level === "write");
    expect(write?.grants[0]?.actions).toHaveLength(5);
    expect(write?.grants[0]?.actionCount).toBeGreaterThan(5);
  });

  it("a user holds its groups' policies (via group); the group gets edges of its own", () => {
    const ops = principal("group", "ops", { inlinePolicies: [inline("ops", "tables", doc(allow("dynamodb:GetItem", T)))] });
    const alice = principal("user", "alice", { groups: [ops.ref.id] });
    const m = mapOf({ stores: [orders], principals: [ops, alice] });
    expect(lines(m.access)).toEqual(["ops orders read allowed", "alice orders read allowed"]);
    expect(m.access[1]?.grants[0]?.policy).toBe("inline policy 'tables' of group ops (via group ops)");
  });

  it("a user whose groups are not known: a gap; its own grants still count", () => {
    const bob = principal("user", "bob", { groups: unknown("access-denied", "ListGroupsForUser was denied"), inlinePolicies: [inline("bob", "own", doc(allow("dynamodb:GetItem", T)))] });
    const m = mapOf({ stores: [orders], principals: [bob] });
    expect(lines(m.access)).toEqual(["bob orders read allowed"]);
    expect(m.gaps).toEqual([{ subject: bob.ref.id, reason: "the groups of user bob are not known (ListGroupsForUser was denied): what they grant is not assessed" }]);
  });

  it("a managed policy shared by two roles grants both, named by the policy", () => {
    const shared = managed("data-read", doc(allow("s3:GetObject", `${B}/*`)));
    const m = mapOf({ stores: [data], principals: [principal("role", "a", { attachedPolicies: [attach(shared)] }), principal("role", "b", { attachedPolicies: [attach(shared)] })], policies: [shared] });
    expect(lines(m.access)).toEqual(["a customer-data read allowed", "b customer-data read allowed"]);
    expect(m.access.map((e) => e.grants[0]?.policy)).toEqual(["managed policy data-read", "managed policy data-read"]);
  });
});

describe("buildAccessMap: permissions boundaries", () => {
  const wide = doc(allow(["s3:*", "dynamodb:*"], "*"));
  it("a boundary that excludes the store's actions: denied with a boundary limit; what it allows stays", () => {
    const boundary = managed("tables-only", doc(allow("dynamodb:*", "*")));
    const p = principal("role", "bounded", { inlinePolicies: [inline("bounded", "wide", wide)], permissionsBoundary: boundary.arn, permissionsBoundaryRef: boundary.ref.id });
    const m = mapOf({ stores: [data, orders], principals: [p], policies: [boundary] });
    expect(lines(m.access)).toEqual([
      "bounded orders read allowed",
      "bounded orders write allowed",
      "bounded orders manage allowed",
      "bounded customer-data read denied",
      "bounded customer-data write denied",
      "bounded customer-data manage denied",
    ]);
    expect(m.access[3]?.limits).toEqual([{ kind: "boundary", policy: "permissions boundary tables-only", unconditional: true, conditions: [] }]);
  });

  it("a boundary not known: unknown, with the reason", () => {
    const p = principal("role", "bounded", { inlinePolicies: [inline("bounded", "wide", doc(allow("dynamodb:GetItem", T)))], permissionsBoundary: unknown("preview", "permissionsBoundary of IAM role 'bounded'") });
    const m = mapOf({ stores: [orders], principals: [p] });
    expect(lines(m.access)).toEqual(["bounded orders read unknown"]);
    expect(m.access[0]?.reason).toBe("the permissions boundary of role bounded is not known until deploy (permissionsBoundary of IAM role 'bounded')");
  });

  it("a boundary does not limit what the store's policy grants", () => {
    const boundary = managed("tables-only", doc(allow("dynamodb:*", "*")));
    const p = principal("role", "bounded", { permissionsBoundary: boundary.arn, permissionsBoundaryRef: boundary.ref.id });
    const policy = bucketPolicy(data, doc({ Effect: "Allow", Principal: { AWS: p.ref.id }, Action: "s3:GetObject", Resource: `${B}/*` }));
    const m = mapOf({ stores: [data], principals: [p], policies: [boundary], resourcePolicies: [policy] });
    expect(lines(m.access)).toEqual(["bounded customer-data read allowed"]);
    expect(m.access[0]?.grants[0]).toMatchObject({ via: "resource", policy: "bucket policy of customer-data" });
  });
});

describe("buildAccessMap: resource policies, ACLs and Block Public Access", () => {
  const publicRead = (extra: Record<string, unknown> = {}) => doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${B}/*`, ...extra });
  const exposure = (over: Parameters<typeof s3Exposure>[0]): Map<string, StoreExposure> => new Map([[data.ref.id, { s3: s3Exposure(over) }]]);
  const cases: { name: string; policy?: unknown; exposures?: Map<string, StoreExposure>; expected: string[] }[] = [
    { name: "public bucket policy: public read allowed", policy: publicRead(), expected: ["public customer-data read allowed"] },
    { name: "public grant limited by aws:SourceVpce: conditional", policy: publicRead({ Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } }), expected: ["public customer-data read conditional"] },
    {
      name: "another account: account:<id>",
      policy: doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: ["s3:GetObject", "s3:PutObject"], Resource: `${B}/*` }),
      expected: [`account:${OTHER} customer-data read allowed`, `account:${OTHER} customer-data write allowed`],
    },
    {
      name: "a role of another account by ARN",
      policy: doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER}:role/partner` }, Action: "s3:GetObject", Resource: `${B}/*` }),
      expected: ["partner customer-data read allowed"],
    },
    {
      name: "a service principal",
      policy: doc({ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject", Resource: `${B}/*` }),
      expected: ["service:cloudtrail.amazonaws.com customer-data write allowed"],
    },
    { name: "the own account's root: no edge of its own", policy: doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: "s3:*", Resource: [B, `${B}/*`] }), expected: [] },
    {
      name: "a Deny with Principal * in the bucket policy denies the public grant",
      policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${B}/*` }, { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: `${B}/*` }),
      expected: ["public customer-data read denied"],
    },
    {
      name: "a Deny of plain HTTP is listed but leaves the grant allowed",
      policy: doc(
        { Effect: "Allow", Principal: { AWS: OTHER }, Action: "s3:GetObject", Resource: `${B}/*` },
        { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [B, `${B}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
      ),
      expected: [`account:${OTHER} customer-data read allowed`],
    },
    {
      name: "a Deny in the bucket policy limited by source IP: conditional",
      policy: doc(
        { Effect: "Allow", Principal: { AWS: OTHER }, Action: "s3:GetObject", Resource: `${B}/*` },
        { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [B, `${B}/*`], Condition: { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } } },
      ),
      expected: [`account:${OTHER} customer-data read conditional`],
    },
    { name: "ACL public-read: public read via acl", exposures: exposure({ acls: [{ origin: "acl of S3 bucket 'customer-data'", canned: "public-read", grants: [] }] }), expected: ["public customer-data read allowed"] },
    {
      name: "ACL grant FULL_CONTROL to all users: every level",
      exposures: exposure({ acls: [{ origin: "acl of S3 bucket 'customer-data'", canned: undefined, grants: [{ grantee: "all-users", permissions: ["FULL_CONTROL"] }] }] }),
      expected: ["public customer-data read allowed", "public customer-data write allowed", "public customer-data manage allowed"],
    },
    {
      name: "ignorePublicAcls: the ACL's public edge denied",
      exposures: exposure({ bucketBlock: block(data, { ignorePublicAcls: true }), acls: [{ origin: "acl of S3 bucket 'customer-data'", canned: "public-read", grants: [] }] }),
      expected: ["public customer-data read denied"],
    },
    {
      name: "restrictPublicBuckets: the public policy's edges denied",
      policy: publicRead(),
      exposures: exposure({ bucketBlock: block(data, { restrictPublicBuckets: true }) }),
      expected: ["public customer-data read denied"],
    },
    {
      name: "restrictPublicBuckets not known: the public edge unknown",
      policy: publicRead(),
      exposures: exposure({ bucketBlock: block(data, { restrictPublicBuckets: unknown("preview", "restrictPublicBuckets of the block") }) }),
      expected: ["public customer-data read unknown"],
    },
  ];
  it.each(cases)("$name", ({ policy, exposures, expected }) => {
    const m = mapOf({ stores: [data], resourcePolicies: policy ? [bucketPolicy(data, policy)] : [], ...(exposures ? { exposures } : {}) });
    expect(lines(m.access)).toEqual(expected);
  });

  it("the public-access-block limit, the acl grant and foreign principals are spelled out", () => {
    const m = mapOf({
      stores: [data],
      exposures: exposure({ bucketBlock: block(data, { ignorePublicAcls: true }), acls: [{ origin: "acl of S3 bucket 'customer-data'", canned: "public-read", grants: [] }] }),
      resourcePolicies: [bucketPolicy(data, doc({ Effect: "Allow", Principal: { AWS: OTHER }, Action: "s3:GetObject", Resource: `${B}/*` }))],
    });
    const acl = m.access.find((e) => e.principal === "public");
    expect(acl?.grants).toEqual([{ via: "acl", policy: "acl of S3 bucket 'customer-data'", statement: "canned ACL public-read", actions: ["READ"], actionCount: 1, conditions: [] }]);
    expect(acl?.limits[0]).toMatchObject({ kind: "public-access-block", unconditional: true });
    expect(m.principals.find((p) => p.id === `account:${OTHER}`)).toMatchObject({ kind: "account", account: OTHER, foreign: true });
  });

  it("a snapshot shared with another account: a read edge via share", () => {
    const exposures = new Map<string, StoreExposure>([[data.ref.id, { shares: [{ origin: "sharedAccounts of snapshot 's'", grantee: { kind: "account", account: OTHER } }] }]]);
    const m = mapOf({ stores: [data], exposures });
    expect(lines(m.access)).toEqual([`account:${OTHER} customer-data read allowed`]);
    expect(m.access[0]?.grants[0]).toMatchObject({ via: "share", policy: "sharedAccounts of snapshot 's'" });
  });

  it("a conditional public grant lists its condition keys", () => {
    const m = mapOf({ stores: [data], resourcePolicies: [bucketPolicy(data, publicRead({ Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } }))] });
    expect(m.access[0]?.grants[0]?.conditions).toEqual(["aws:SourceVpce"]);
  });
});

describe("buildAccessMap: unknowns", () => {
  it("a document not known until deploy: unknown edges for the stores it is built from, and a gap", () => {
    const p = principal("role", "app", { inlinePolicies: [inline("app", "tables", unknown("preview", "policy of RolePolicy 'tables'"), [T])] });
    const m = mapOf({ stores: [orders, data], principals: [p] });
    expect(lines(m.access)).toEqual(["app orders read unknown", "app orders write unknown", "app orders manage unknown"]);
    expect(m.access[0]?.reason).toContain("the document of inline policy 'tables' of role app is not known until deploy");
    expect(m.gaps).toEqual([{ subject: p.ref.id, reason: "the document of inline policy 'tables' of role app is not known until deploy (policy of RolePolicy 'tables'): its reach is not assessed" }]);
  });

  it("an unknown Resource value: unknown edges for the sources, known patterns still judged", () => {
    const d = doc(allow("dynamodb:GetItem", [unknown("preview", "arn of table 'orders'")]), allow("s3:GetObject", `${B}/*`));
    const p = principal("role", "app", { inlinePolicies: [inline("app", "mixed", d, [T])] });
    const m = mapOf({ stores: [orders, data], principals: [p] });
    expect(lines(m.access)).toEqual(["app orders read unknown", "app customer-data read allowed"]);
    expect(m.gaps).toHaveLength(1);
  });

  it("a store whose ARN is not known yet and a pattern that may name it: unknown; `*` reaches it", () => {
    const fresh = newTable("orders");
    const m = mapOf({ stores: [fresh], principals: [role("pattern", doc(allow("dynamodb:GetItem", "arn:aws:dynamodb:*:*:table/*"))), role("star", doc(allow("dynamodb:GetItem", "*"))), role("s3", doc(allow("s3:GetObject", "arn:aws:s3:::*/*")))] });
    expect(lines(m.access)).toEqual(["pattern orders read unknown", "star orders read allowed"]);
    expect(m.access[0]?.reason).toContain("the ARN of DynamoDB table 'orders' is not known until deploy");
  });

  it("an AWS managed policy whose document was not fetched: a gap for the principal", () => {
    const missing = { ...awsManaged("AdministratorAccess"), document: unknown("not-fetched", "AWS managed policy X is not in the bundled catalogue") };
    const p = principal("role", "admin", { attachedPolicies: [attach(missing)] });
    const m = mapOf({ stores: [orders], principals: [p], policies: [missing] });
    expect(m.access).toEqual([]);
    expect(m.gaps.map((g) => g.subject)).toEqual([p.ref.id]);
  });

  it("a bucket policy not known: a gap on the store", () => {
    const m = mapOf({ stores: [data], resourcePolicies: [bucketPolicy(data, unknown("preview", "policy of BucketPolicy 'p'"))] });
    expect(m.access).toEqual([]);
    expect(m.gaps).toEqual([{ subject: data.ref.id, reason: "bucket policy of customer-data: the document is not known until deploy (policy of BucketPolicy 'p'); who it grants access to is not assessed" }]);
  });
});

describe("buildAccessMap: read is reading the data", () => {
  it("reading a store's settings is no access level; reading its items is read; a database login reads and writes", () => {
    const m = mapOf({
      stores: [orders],
      principals: [
        role("settings-reader", doc(allow(["dynamodb:DescribeTable", "dynamodb:ListTagsOfResource", "dynamodb:DescribeContinuousBackups"], T))),
        role("item-reader", doc(allow(["dynamodb:GetItem", "dynamodb:DescribeTable"], T))),
      ],
    });
    expect(lines(m.access)).toEqual(["item-reader orders read allowed"]);
    expect(m.principals.map((p) => p.name)).toContain("settings-reader");
  });
});

describe("buildAccessMap: parts below a store", () => {
  const logGroup = store({
    ref: { id: `arn:aws:logs:eu-west-1:${OWN}:log-group:/app/orders`, type: "AWS::Logs::LogGroup", name: "/app/orders", label: "CloudWatch log group" },
    kind: "log-group",
    physicalName: "/app/orders",
  });
  const other = store({
    ref: { id: `arn:aws:logs:eu-west-1:${OWN}:log-group:/app/orders-archive`, type: "AWS::Logs::LogGroup", name: "/app/orders-archive", label: "CloudWatch log group" },
    kind: "log-group",
    physicalName: "/app/orders-archive",
  });
  const G = logGroup.ref.id;

  it.each([
    ["its log streams (`:log-stream:*`)", `${G}:log-stream:*`],
    ["everything below it (`:*`)", `${G}:*`],
  ])("a log group is reached through %s, and its neighbour is not", (_name, resource) => {
    const m = mapOf({ stores: [logGroup, other], principals: [role("task", doc(allow(["logs:CreateLogStream", "logs:PutLogEvents"], resource)))] });
    expect(lines(m.access)).toEqual(["task orders write allowed"]);
  });

  it("reading a log group's events is read; a literal stream below it reaches it", () => {
    const m = mapOf({ stores: [logGroup, other], principals: [role("reader", doc(allow("logs:GetLogEvents", `${G}:log-stream:app-1`)))] });
    expect(lines(m.access)).toEqual(["reader orders read allowed"]);
  });
});
