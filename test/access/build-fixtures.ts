import { buildDataInventory } from "../../src/access/build";
import type { DataInventory, InventoryStore } from "../../src/access/model";
import { DEFAULT_CONFIG } from "../../src/core/config";
import { evaluate } from "../../src/core/evaluate";
import { configFor } from "../../src/core/pack-config";
import type { ResourceRef } from "../../src/core/ref";
import type { AnyRule, RuleContext } from "../../src/core/rule";
import { settingsFor } from "../../src/core/settings";
import { unknown } from "../../src/core/value";
import type { DataStore } from "../../src/models/data-store";
import { mergeHygiene } from "../../src/models/hygiene";
import type { IamPrincipal } from "../../src/models/iam";
import type { Inventory } from "../../src/models/inventory";
import type { Placement } from "../../src/models/placement";
import { ALL_RULES } from "../../src/rules";
import { key, store } from "../helpers/models";
import { network } from "../rules/network/network-models";

/** One scanned account (111111111111) judged by every rule, as the scanner judges it, then inventoried. */

export const OWN = "111111111111";
export const OTHER = "222222222222";
const arnOf = (service: string, resource: string): string => `arn:aws:${service}:us-east-1:${service === "s3" ? "" : OWN}:${resource}`;
const ref = (id: string, label: string, name: string, type: string): ResourceRef => ({ id, type, name, label, account: OWN, region: "us-east-1" });

export const EXPORTS = "arn:aws:s3:::customer-exports";
export const SITE = "arn:aws:s3:::public-site-data";
export const SESSIONS = arnOf("dynamodb", "table/sessions");
export const SHARED = arnOf("dynamodb", "table/shared-reports");
export const QUEUE = arnOf("sqs", "intake");
export const ORDERS_DB = arnOf("rds", "db:orders-db");
export const OWN_KEY = `arn:aws:kms:us-east-1:${OWN}:key/0000-own`;
export const FOREIGN_KEY = `arn:aws:kms:us-east-1:${OTHER}:key/0000-foreign`;

const bucket = (id: string, name: string, over: Partial<DataStore> = {}): DataStore =>
  store({ ref: ref(id, "S3 bucket", name, "AWS::S3::Bucket"), kind: "s3-bucket", physicalName: name, arn: id, ...over });
export const table = (id: string, name: string, over: Partial<DataStore> = {}): DataStore =>
  store({ ref: ref(id, "DynamoDB table", name, "AWS::DynamoDB::Table"), kind: "dynamodb-table", physicalName: name, arn: id, ...over });

const exportsBucket = bucket(EXPORTS, "customer-exports", {
  tags: { "data-classification": "restricted", "customer-segment": "eu", Owner: "data-team", "cost-center": "cc-42", Name: "exports" },
  encryption: { enabled: true, keyManager: "customer-managed", keyId: OWN_KEY, keyRef: OWN_KEY, observed: "SSE-KMS with a customer-managed key" },
});
const siteBucket = bucket(SITE, "public-site-data", {
  tags: { "data-classification": "confidential" },
  encryption: { enabled: true, keyManager: "aws-owned", observed: "AWS default (SSE-S3)" },
});
const sessions = table(SESSIONS, "sessions", { tags: {}, encryption: { enabled: true, keyManager: "aws-owned", observed: "SSE not set (AWS-owned key)" } });
const sharedReports = table(SHARED, "shared-reports", {
  tags: { "data-classification": "confidential", "customer-segment": "us" },
  encryption: { enabled: true, keyManager: "customer-managed", keyId: FOREIGN_KEY, observed: "SSE with a KMS key" },
});
const intake = store({
  ref: { id: QUEUE, type: "aws:sqs/queue:Queue", name: "intake", label: "SQS queue" },
  kind: "sqs-queue",
  tags: unknown("preview", "tags come from a stack output"),
  encryption: { enabled: true, keyManager: "aws-owned", observed: "SSE-SQS" },
});
const ordersDb = store({ ref: ref(ORDERS_DB, "RDS instance", "orders-db", "AWS::RDS::DBInstance"), physicalName: "orders-db", arn: ORDERS_DB, encryption: { enabled: true, keyManager: "customer-managed", keyRef: OWN_KEY, observed: "storageEncrypted=true" } });

export const publicSubnet: Placement = {
  publiclyAccessible: false,
  publicWhenUnset: false,
  subnets: ["subnet-pub"],
  securityGroups: ["sg-db"],
  inVpc: true,
  observed: "publiclyAccessible=false, subnets listed",
};

const role = (name: string, statements: unknown[]): IamPrincipal => ({
  model: "iam-principal",
  ref: ref(`arn:aws:iam::${OWN}:role/${name}`, "IAM role", name, "AWS::IAM::Role"),
  kind: "role",
  name,
  arn: `arn:aws:iam::${OWN}:role/${name}`,
  tags: {},
  inlinePolicies: [
    {
      name: `${name}-access`,
      document: { Version: "2012-10-17", Statement: statements },
      ref: ref(`arn:aws:iam::${OWN}:role/${name}`, "IAM role", name, "AWS::IAM::Role"),
      principal: { kind: "role", name, principalRef: `arn:aws:iam::${OWN}:role/${name}` },
    },
  ],
  attachedPolicies: [],
  groups: [],
});

const admin = role("admin", [{ Sid: "All", Effect: "Allow", Action: "*", Resource: "*" }]);
const app = role("app", [
  { Sid: "Exports", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: `${EXPORTS}/*` },
  { Sid: "Sessions", Effect: "Allow", Action: "dynamodb:GetItem", Resource: SESSIONS },
]);
const reader = role("reader", [{ Sid: "Read", Effect: "Allow", Action: "dynamodb:GetItem", Resource: SHARED }]);

export const sitePolicy = {
  ref: ref(`${SITE}#policy`, "S3 bucket policy", "public-site-data", "AWS::S3::BucketPolicy"),
  target: SITE,
  service: "s3" as const,
  document: { Version: "2012-10-17", Statement: [{ Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${SITE}/*` }] },
  origin: "the policy of S3 bucket 'public-site-data'",
  accountId: OWN,
};
export const sharedPolicy = {
  ref: ref(`${SHARED}#policy`, "DynamoDB resource policy", "shared-reports", "AWS::DynamoDB::ResourcePolicy"),
  target: SHARED,
  service: "dynamodb" as const,
  document: { Version: "2012-10-17", Statement: [{ Sid: "Partner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: "dynamodb:GetItem", Resource: SHARED }] },
  origin: "the resource policy of DynamoDB table 'shared-reports'",
  accountId: OWN,
};

export function scenario(): Inventory {
  return {
    stores: [exportsBucket, siteBucket, sessions, sharedReports, intake, ordersDb],
    keys: [key({ ref: ref(OWN_KEY, "KMS key", "0000-own", "AWS::KMS::Key"), arn: OWN_KEY })],
    network: network(),
    placements: new Map([[ORDERS_DB, publicSubnet]]),
    exposures: new Map([
      [EXPORTS, { s3: { bucketBlock: undefined, whenNoBucketBlock: "off", acls: [], accountBlock: fullBlock(EXPORTS) } }],
      [SITE, { s3: { bucketBlock: undefined, whenNoBucketBlock: "off", acls: [] } }],
    ]),
    resourcePolicies: [sitePolicy, sharedPolicy],
    iam: { principals: [admin, app, reader], policies: [], inlinePolicies: [...admin.inlinePolicies, ...app.inlinePolicies, ...reader.inlinePolicies], attachments: [] },
    ownAccountIds: [OWN],
    hygiene: mergeHygiene("account", [
      { stores: [[ORDERS_DB, { backups: { value: true, observed: "backupRetentionPeriod=7" }, backupRetentionDays: { value: 7, observed: "backupRetentionPeriod=7" } }]] },
    ]),
  };
}

function fullBlock(id: string) {
  return { ref: ref(`${id}#account-block`, "S3 account public access block", OWN, "AWS::S3::AccountPublicAccessBlock"), blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
}

const scope: ResourceRef = { id: `arn:aws:::${OWN}`, type: "AWS::Account", name: OWN, label: "AWS account", account: OWN };
const contextOf = (rule: AnyRule): RuleContext<unknown> => settingsFor(rule, configFor(rule, {}));

export function built(inv: Inventory = scenario()): DataInventory {
  const findings = evaluate(ALL_RULES, inv, contextOf, { scope, today: "2026-11-30" });
  return buildDataInventory({ inventory: inv, findings, config: DEFAULT_CONFIG, source: { front: "scan", name: OWN, accounts: [OWN] }, ownAccounts: [OWN] });
}

export const storeOf = (doc: DataInventory, id: string): InventoryStore => {
  const s = doc.stores.find((x) => x.id === id);
  if (!s) throw new Error(`no store ${id}`);
  return s;
};

