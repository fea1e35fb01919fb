// A hand-built DataInventory for the inventory renderers: a public bucket with a foreign-account grant, a
// segment database with a denied edge, a table whose access is unknown (its name is a <script>), a store
// nothing reaches, gaps and a shadow section; texts that need escaping in every format.
import type { AccessEdge, AccessGrant, AccessPrincipal, DataInventory, InventoryStore } from "../../src/access/model";

export const ACCOUNT = "111122223333";
export const FOREIGN = "999988887777";

export const IDS = {
  xss: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/xss`,
  db: `arn:aws:rds:us-east-1:${ACCOUNT}:db:customer-db`,
  bucket: "arn:aws:s3:::public-exports",
  queue: `arn:aws:sqs:us-east-1:${ACCOUNT}:empty-queue`,
  admin: `arn:aws:iam::${ACCOUNT}:role/admin`,
  app: `arn:aws:iam::${ACCOUNT}:role/seg-a-app`,
  auditor: `arn:aws:iam::${ACCOUNT}:role/auditor`,
  cmd: `arn:aws:iam::${ACCOUNT}:user/cmd`,
  foreign: `account:${FOREIGN}`,
  public: "public",
} as const;

export const XSS_NAME = "<script>window.__pwned=1</script>";
export const CMD_NAME = "=cmd|calc";
export const UNKNOWN_REASON = 'policy "tables", a pulumi.jsonStringify output\nunknown in preview';

const known = (detail: string) => ({ state: "yes", detail }) as const;
const no = (detail: string) => ({ state: "no", detail }) as const;
const unknown = (detail: string) => ({ state: "unknown", detail }) as const;

const noExposure = { public: no("no public policy or ACL"), internetPath: no("private subnets only"), crossAccount: [] };

export const STORES: readonly InventoryStore[] = [
  {
    id: IDS.xss,
    kind: "dynamodb-table",
    label: "DynamoDB table",
    name: XSS_NAME,
    arn: IDS.xss,
    account: ACCOUNT,
    region: "us-east-1",
    classification: { basis: "assumed", customerData: true, detail: "untagged: assumed customer data" },
    segment: "unknown",
    segmentState: "unknown",
    encryption: { state: "unknown", detail: "DescribeTable denied" },
    exposure: { public: unknown("resource policy not fetched"), internetPath: no("DynamoDB has no network placement"), crossAccount: [] },
    backups: unknown("not fetched"),
    retention: unknown("not fetched"),
    owner: { team: '<img src=x onerror="window.__pwned=2">' },
  },
  {
    id: IDS.db,
    kind: "rds-instance",
    label: "RDS instance",
    name: "customer-db",
    arn: IDS.db,
    account: ACCOUNT,
    region: "us-east-1",
    classification: { level: "restricted", basis: "tag", customerData: true, detail: "data-classification=restricted" },
    segment: "seg-a",
    segmentState: "tagged",
    encryption: { state: "encrypted", keyManager: "customer-managed", key: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234`, keyOwner: "own-account", detail: "storage encrypted" },
    exposure: noExposure,
    backups: known("7 days of automated backups"),
    retention: known("backup retention 7 days"),
    owner: { team: 'data, "core"\nplatform', contact: "dba@example.com" },
  },
  {
    id: IDS.bucket,
    kind: "s3-bucket",
    label: "S3 bucket",
    name: "public-exports",
    arn: IDS.bucket,
    account: ACCOUNT,
    classification: { level: "confidential", basis: "tag", customerData: true, detail: "data-classification=confidential" },
    segment: "seg-b",
    segmentState: "tagged",
    encryption: { state: "encrypted", keyManager: "aws-managed", keyOwner: "aws", detail: "SSE-S3" },
    exposure: { public: known("bucket policy allows Principal *"), internetPath: known("public bucket"), crossAccount: [FOREIGN] },
    backups: no("no backup plan"),
    retention: unknown("no lifecycle rule read"),
    owner: { owner: "=cmd" },
  },
  {
    id: IDS.queue,
    kind: "sqs-queue",
    label: "SQS queue",
    name: "empty-queue",
    arn: IDS.queue,
    account: ACCOUNT,
    region: "us-east-1",
    classification: { level: "internal", basis: "tag", customerData: false, detail: "data-classification=internal" },
    segmentState: "untagged",
    encryption: { state: "unencrypted", detail: "no SSE" },
    exposure: noExposure,
    backups: no("queues have no backups"),
    retention: known("4 days"),
    owner: {},
  },
];

export const PRINCIPALS: readonly AccessPrincipal[] = [
  { id: IDS.admin, kind: "role", name: "admin", arn: IDS.admin, account: ACCOUNT, foreign: false },
  { id: IDS.app, kind: "role", name: "seg-a-app", arn: IDS.app, account: ACCOUNT, foreign: false },
  { id: IDS.auditor, kind: "role", name: "auditor", arn: IDS.auditor, account: ACCOUNT, foreign: false },
  { id: IDS.cmd, kind: "user", name: CMD_NAME, arn: IDS.cmd, account: ACCOUNT, foreign: false },
  { id: IDS.foreign, kind: "account", name: FOREIGN, account: FOREIGN, foreign: true },
  { id: IDS.public, kind: "public", name: "anyone (public)", foreign: false },
];

const ADMIN: AccessGrant = {
  via: "identity",
  policy: "managed policy AdministratorAccess of role admin",
  statement: "Statement[0]",
  actions: ["dynamodb:DeleteTable", "rds:DeleteDBInstance", "s3:DeleteBucket", "s3:PutBucketAcl", "s3:PutBucketPolicy"],
  actionCount: 412,
  conditions: [],
};

export const ACCESS: readonly AccessEdge[] = [
  { principal: IDS.admin, store: IDS.xss, level: "manage", status: "allowed", grants: [ADMIN], limits: [] },
  { principal: IDS.cmd, store: IDS.xss, level: "read", status: "unknown", grants: [], limits: [], reason: UNKNOWN_REASON },
  { principal: IDS.admin, store: IDS.db, level: "manage", status: "allowed", grants: [ADMIN], limits: [] },
  {
    principal: IDS.auditor,
    store: IDS.db,
    level: "read",
    status: "denied",
    grants: [{ via: "identity", policy: "managed policy ReadOnlyAccess of role auditor", statement: "Statement[0]", actions: ["rds:DescribeDBInstances"], actionCount: 1, conditions: [] }],
    limits: [{ kind: "deny", policy: "inline policy 'no-db' of role auditor", statement: "DenyDb", unconditional: true, conditions: [] }],
    reason: "an unconditional deny removes it",
  },
  {
    principal: IDS.app,
    store: IDS.db,
    level: "read",
    status: "allowed",
    grants: [{ via: "identity", policy: "inline policy 'tables' of role seg-a-app", statement: "ReadDb", actions: ["rds-db:connect"], actionCount: 1, conditions: [] }],
    limits: [],
  },
  {
    principal: IDS.app,
    store: IDS.db,
    level: "write",
    status: "allowed",
    grants: [{ via: "identity", policy: "inline policy 'tables' of role seg-a-app", statement: "WriteDb", actions: ["rds-data:ExecuteStatement"], actionCount: 1, conditions: [] }],
    limits: [],
  },
  {
    principal: IDS.foreign,
    store: IDS.bucket,
    level: "read",
    status: "conditional",
    grants: [{ via: "resource", policy: "bucket policy of public-exports", statement: "CrossAccountRead", actions: ["s3:GetObject", "s3:ListBucket"], actionCount: 2, conditions: ["aws:PrincipalOrgID"] }],
    limits: [],
  },
  { principal: IDS.admin, store: IDS.bucket, level: "manage", status: "allowed", grants: [ADMIN], limits: [] },
  {
    principal: IDS.public,
    store: IDS.bucket,
    level: "read",
    status: "allowed",
    grants: [{ via: "resource", policy: "bucket policy of public-exports", statement: "PublicRead", actions: ["s3:GetObject"], actionCount: 1, conditions: [] }],
    limits: [],
  },
];

const counts = (read: number, write: number, manage: number, unknown = 0) => ({ read, write, manage, unknown });

export const INVENTORY: DataInventory = {
  source: { front: "scan", name: "prod scan", accounts: [ACCOUNT] },
  stores: STORES,
  principals: PRINCIPALS,
  access: ACCESS,
  storeSummaries: [
    { store: IDS.xss, principals: counts(0, 0, 1, 1), public: false },
    { store: IDS.db, principals: counts(1, 1, 1), public: false },
    { store: IDS.bucket, principals: counts(2, 0, 1), public: true },
    { store: IDS.queue, principals: counts(0, 0, 0), public: false },
  ],
  principalSummaries: [
    { principal: IDS.admin, stores: counts(0, 0, 3), customerDataStores: 3, segments: ["seg-a", "seg-b"] },
    { principal: IDS.foreign, stores: counts(1, 0, 0), customerDataStores: 1, segments: ["seg-b"] },
    { principal: IDS.app, stores: counts(1, 1, 0), customerDataStores: 1, segments: ["seg-a"] },
    { principal: IDS.public, stores: counts(1, 0, 0), customerDataStores: 1, segments: ["seg-b"] },
    { principal: IDS.cmd, stores: counts(0, 0, 0, 1), customerDataStores: 0, segments: [] },
    { principal: IDS.auditor, stores: counts(0, 0, 0), customerDataStores: 0, segments: [] },
  ],
  gaps: [
    { subject: IDS.xss, reason: "DescribeTable and GetResourcePolicy were denied (access-denied)" },
    { subject: IDS.cmd, reason: "inline policy 'tables' is unknown in preview" },
  ],
  shadow: {
    stateFiles: ["stacks/prod.json"],
    unmanaged: [{ store: IDS.queue }],
    drifted: [
      {
        store: IDS.bucket,
        urn: "urn:pulumi:prod::app::aws:s3/bucketV2:BucketV2::exports",
        stateFile: "stacks/prod.json",
        differences: [{ setting: "public access block", stack: "all blocked", live: "none" }],
      },
    ],
  },
};

/** One bucket that `n` roles can read, role-01 … role-n, ranked in that order. */
export function manyPrincipalsInventory(n: number): DataInventory {
  const bucket = STORES[2]!;
  const roles: AccessPrincipal[] = Array.from({ length: n }, (_, i) => {
    const name = `role-${String(i + 1).padStart(2, "0")}`;
    const arn = `arn:aws:iam::${ACCOUNT}:role/${name}`;
    return { id: arn, kind: "role", name, arn, account: ACCOUNT, foreign: false };
  });
  const grant: AccessGrant = { via: "identity", policy: "managed policy S3Read", statement: "Read", actions: ["s3:GetObject"], actionCount: 1, conditions: [] };
  return {
    source: { front: "pulumi", name: "many/dev", accounts: [] },
    stores: [bucket],
    principals: roles,
    access: roles.map((r) => ({ principal: r.id, store: bucket.id, level: "read", status: "allowed", grants: [grant], limits: [] })),
    storeSummaries: [{ store: bucket.id, principals: counts(n, 0, 0), public: true }],
    principalSummaries: roles.map((r) => ({ principal: r.id, stores: counts(1, 0, 0), customerDataStores: 1, segments: ["seg-b"] })),
    gaps: [],
  };
}
