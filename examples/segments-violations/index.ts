// Two customer segments done wrong, one mistake per line so each violation traces back here.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { segment } from "../segments-compliant/segment";

const a = segment("tenant-a", { octet: 10 });

// tenant-b borrows tenant-a's key and keeps its database in subnets routed to the internet.
const b = segment("tenant-b", { octet: 20, key: a.key, publicDbSubnets: true });

// tenant-b's database admits tenant-a's application.
new aws.vpc.SecurityGroupIngressRule("tenant-b-db-from-tenant-a-app", {
  securityGroupId: b.dbSg.id,
  referencedSecurityGroupId: a.appSg.id,
  ipProtocol: "tcp",
  fromPort: 5432,
  toPort: 5432,
});

// The two segments' VPCs are peered.
new aws.ec2.VpcPeeringConnection("tenant-a-to-b", { vpcId: a.vpc.id, peerVpcId: b.vpc.id, autoAccept: true });

// A reporting role that reads both segments' documents.
const reporting = new aws.iam.Role("reporting", {
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
  }),
});
new aws.iam.RolePolicy("reporting-read", {
  role: reporting.name,
  policy: {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: "s3:GetObject", Resource: [pulumi.interpolate`${a.bucket.arn}/*`, pulumi.interpolate`${b.bucket.arn}/*`] },
    ],
  },
});

// tenant-b's database admits the whole internet.
new aws.vpc.SecurityGroupIngressRule("tenant-b-db-from-anywhere", {
  securityGroupId: b.dbSg.id,
  cidrIpv4: "0.0.0.0/0",
  ipProtocol: "tcp",
  fromPort: 5432,
  toPort: 5432,
});
