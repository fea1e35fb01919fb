import type { ResourcePolicy, PublicAccessBlock, S3Exposure, StoreExposure } from "../../../src/models/exposure";
import type { NetworkGraph, SubnetGroup } from "../../../src/models/network";
import type { Placement } from "../../../src/models/placement";
import type { ResourceRef } from "../../../src/models/ref";
import type { DataStore } from "../../../src/models/data-store";
import { unknown } from "../../../src/core/value";
import { association, graph, igw, ipv4, route, rule, sg, subnet, table, vpc } from "../../network/graph-fixtures";
import { store } from "../../helpers/models";

/** Builders of compliant network-isolation models; each test changes one thing. */

export const ref = (id: string, label: string, name = id, type = label): ResourceRef => ({ id, type, name, label });

export const subnetGroup = (id: string, name: string, subnets: SubnetGroup["subnets"]): SubnetGroup => ({
  kind: "subnet-group",
  service: "rds",
  ref: ref(id, "RDS subnet group"),
  name,
  subnets,
});

/** vpc-1 with two private subnets (rt-private: local routes only), a public subnet (rt-public: 0.0.0.0/0 to igw-1), an RDS subnet group on the private ones and a database security group open to the VPC only. */
export function network(over: Partial<NetworkGraph> = {}): NetworkGraph {
  return graph({
    vpcs: [vpc("vpc-1")],
    subnets: [subnet("subnet-a", "vpc-1"), subnet("subnet-b", "vpc-1"), subnet("subnet-pub", "vpc-1", { mapPublicIpOnLaunch: true })],
    routeTables: [table("rt-private", "vpc-1"), table("rt-public", "vpc-1", [route(ipv4("0.0.0.0/0"), "internet-gateway", "igw-1", "routes[0] of rt-public")])],
    routeTableAssociations: [association("a-a", "rt-private", "subnet-a"), association("a-b", "rt-private", "subnet-b"), association("a-pub", "rt-public", "subnet-pub")],
    gateways: [igw("igw-1", "vpc-1")],
    securityGroups: [sg("sg-db", [rule([{ kind: "ipv4", cidr: "10.0.0.0/16" }], "tcp", 5432, 5432, "ingress[0] of sg-db")])],
    subnetGroups: [subnetGroup("grp-db", "db-subnets", ["subnet-a", "subnet-b"])],
    ...over,
  });
}

/** A private RDS instance in the subnet group `db-subnets`, behind `sg-db`. */
export function placement(over: Partial<Placement> = {}): Placement {
  return {
    publiclyAccessible: false,
    publicWhenUnset: false,
    subnetGroup: "db-subnets",
    subnetGroupService: "rds",
    subnets: unknown("not-fetched", "the subnets of db's subnet group are joined in the stack view"),
    securityGroups: ["sg-db"],
    inVpc: true,
    observed: "publiclyAccessible=false, dbSubnetGroupName set",
    ...over,
  };
}

export const db = (over: Partial<DataStore> = {}): DataStore => store(over);

export function fullBlock(over: Partial<PublicAccessBlock> = {}): PublicAccessBlock {
  return {
    ref: ref("urn:orders-pab", "S3 public access block", "orders-pab"),
    blockPublicAcls: true,
    ignorePublicAcls: true,
    blockPublicPolicy: true,
    restrictPublicBuckets: true,
    ...over,
  };
}

export const BUCKET_ID = "urn:orders";

/** A restricted S3 bucket named `orders-bucket`. */
export const bucket = (over: Partial<DataStore> = {}): DataStore =>
  store({
    ref: ref(BUCKET_ID, "S3 bucket", "orders", "aws:s3/bucketV2:BucketV2"),
    kind: "s3-bucket",
    physicalName: "orders-bucket",
    ...over,
  });

export const s3 = (over: Partial<S3Exposure> = {}): S3Exposure => ({ bucketBlock: fullBlock(), whenNoBucketBlock: "aws-default", acls: [], ...over });

export const exposures = (entries: Record<string, StoreExposure>): Map<string, StoreExposure> => new Map(Object.entries(entries));

export const TLS_STATEMENT = {
  Sid: "DenyInsecureTransport",
  Effect: "Deny",
  Principal: "*",
  Action: "s3:*",
  Resource: ["arn:aws:s3:::orders-bucket", "arn:aws:s3:::orders-bucket/*"],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
};

export const doc = (...statements: unknown[]): unknown => ({ Version: "2012-10-17", Statement: statements });

export function policy(document: unknown, over: Partial<ResourcePolicy> = {}): ResourcePolicy {
  return {
    ref: ref("urn:orders-policy", "S3 bucket policy", "orders-policy"),
    target: BUCKET_ID,
    service: "s3",
    document,
    origin: "S3 bucket policy 'orders-policy'",
    ...over,
  };
}

export const PUBLIC_READ = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::orders-bucket/*" };
