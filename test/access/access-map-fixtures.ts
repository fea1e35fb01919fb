import { unknown, type Val } from "../../src/core/value";
import { awsManagedPolicyDocument } from "../../src/iam";
import type { DataStore } from "../../src/models/data-store";
import type { PublicAccessBlock, ResourcePolicy, S3Exposure } from "../../src/models/exposure";
import type { IamInlinePolicy, IamManagedPolicy, IamPrincipal, PrincipalKind } from "../../src/models/iam";
import type { Inventory } from "../../src/models/inventory";
import { buildAccessMap } from "../../src/access/access-map";
import type { AccessEdge } from "../../src/access/model";
import { store } from "../helpers/models";

// Scanner-shaped models (ids are ARNs) for the access map tests.

export const OWN = "111111111111";
export const OTHER = "222222222222";

export const bucket = (name: string): DataStore =>
  store({ ref: { id: `arn:aws:s3:::${name}`, type: "AWS::S3::Bucket", name, label: "S3 bucket" }, kind: "s3-bucket", physicalName: name, tags: { "data-classification": "restricted" } });

export const table = (name: string): DataStore =>
  store({ ref: { id: `arn:aws:dynamodb:eu-west-1:${OWN}:table/${name}`, type: "AWS::DynamoDB::Table", name, label: "DynamoDB table" }, kind: "dynamodb-table" });

/** A new table in a preview: a URN id, its ARN not known yet. */
export const newTable = (name: string): DataStore =>
  store({ ref: { id: `urn:pulumi:dev::app::aws:dynamodb/table:Table::${name}`, type: "aws:dynamodb/table:Table", name, label: "DynamoDB table" }, kind: "dynamodb-table", arn: unknown("preview", "arn of DynamoDB table 'orders' is computed by the update") });

export const doc = (...Statement: Record<string, unknown>[]) => ({ Version: "2012-10-17", Statement });
export const allow = (Action: string | string[], Resource: unknown, extra: Record<string, unknown> = {}) => ({ Effect: "Allow", Action, Resource, ...extra });
export const deny = (Action: string | string[], Resource: unknown, extra: Record<string, unknown> = {}) => ({ Effect: "Deny", Action, Resource, ...extra });

const TYPES: Record<PrincipalKind, string> = { role: "AWS::IAM::Role", user: "AWS::IAM::User", group: "AWS::IAM::Group" };

export function principal(kind: PrincipalKind, name: string, over: Partial<IamPrincipal> = {}): IamPrincipal {
  const arn = `arn:aws:iam::${OWN}:${kind}/${name}`;
  return {
    model: "iam-principal",
    ref: { id: arn, type: TYPES[kind], name, label: `IAM ${kind}` },
    kind,
    name,
    arn,
    tags: kind === "group" ? undefined : {},
    inlinePolicies: [],
    attachedPolicies: [],
    groups: [],
    ...over,
  };
}

export const inline = (owner: string, name: string, document: Val<unknown>, documentSources?: string[]): IamInlinePolicy => ({
  name,
  document,
  ...(documentSources ? { documentSources } : {}),
  ref: { id: `${owner}:${name}`, type: "inline", name, label: "inline policy" },
  principal: { kind: "role", name: owner },
});

export function managed(name: string, document: Val<unknown>): IamManagedPolicy {
  const arn = `arn:aws:iam::${OWN}:policy/${name}`;
  return { model: "iam-managed-policy", ref: { id: arn, type: "AWS::IAM::ManagedPolicy", name, label: "IAM policy" }, arn, name, document, awsManaged: false };
}

export function awsManaged(name: string): IamManagedPolicy {
  const arn = `arn:aws:iam::aws:policy/${name}`;
  return { model: "iam-managed-policy", ref: { id: arn, type: "AWS::IAM::ManagedPolicy", name, label: "IAM policy" }, arn, name, document: awsManagedPolicyDocument(arn), awsManaged: true };
}

export const attach = (p: IamManagedPolicy) => ({ policyArn: p.arn, policyRef: p.ref.id, via: p.ref });

export function bucketPolicy(b: DataStore, document: unknown): ResourcePolicy {
  return { ref: b.ref, target: b.ref.id, service: "s3", document, origin: `bucket policy of ${b.ref.name}` };
}

export function block(b: DataStore, over: Partial<Omit<PublicAccessBlock, "ref">>): PublicAccessBlock {
  return { ref: b.ref, blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false, ...over };
}

export const s3Exposure = (over: Partial<S3Exposure> = {}): S3Exposure => ({ bucketBlock: undefined, whenNoBucketBlock: "off", acls: [], ...over });

export function mapOf(inv: Partial<Inventory> & { principals?: IamPrincipal[]; policies?: IamManagedPolicy[] }) {
  const { principals = [], policies = [], ...rest } = inv;
  return buildAccessMap({ stores: [], keys: [], iam: { principals, policies, inlinePolicies: [], attachments: [] }, ...rest }, { ownAccounts: [OWN] });
}

/** The short name of a principal or store id: the end of its ARN, or the id itself. */
export const short = (id: string): string => (id.includes(":") && !/^(account|service|federated):/.test(id) ? id.split(/[:/]/).pop() ?? id : id);

/** Edges as `principal store level status` lines. */
export const lines = (access: readonly AccessEdge[]): string[] => access.map((e) => `${short(e.principal)} ${short(e.store)} ${e.level} ${e.status}`);
