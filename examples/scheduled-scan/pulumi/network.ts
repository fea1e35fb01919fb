// Where the tasks run: private subnets only (no public IP), reaching AWS's APIs over HTTPS through a NAT
// gateway (the scanner calls every region's endpoints) and S3 through a gateway endpoint. The tasks' security
// group admits nothing and lets out only 443. Given an existing VPC (vpcId, privateSubnetIds), only the
// security group is created.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Account } from "./account";
import type { Settings } from "./settings";
import type { Storage } from "./storage";

export interface Network {
  readonly subnetIds: pulumi.Output<string[]>;
  readonly securityGroup: aws.ec2.SecurityGroup;
}

export function createNetwork(s: Settings, account: Account, storage: Storage): Network {
  const vpcId = s.vpcId ? pulumi.output(s.vpcId) : undefined;
  const built = vpcId === undefined ? buildVpc(s, account, storage) : undefined;
  const securityGroup = new aws.ec2.SecurityGroup("scan-tasks", {
    vpcId: vpcId ?? built!.vpc.id,
    description: "cdguard scan tasks: no ingress, HTTPS out to AWS APIs",
    ingress: [],
    egress: [{ description: "AWS APIs over HTTPS", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
  });
  const subnetIds = s.privateSubnetIds ? pulumi.output(s.privateSubnetIds) : pulumi.all(built!.privateSubnets.map((x) => x.id));
  return { subnetIds, securityGroup };
}

function buildVpc(s: Settings, account: Account, storage: Storage) {
  const vpc = new aws.ec2.Vpc("scan", { cidrBlock: s.vpcCidr, enableDnsHostnames: true, enableDnsSupport: true });
  new aws.ec2.DefaultSecurityGroup("scan-default", { vpcId: vpc.id });
  const flowLogs = storage.logGroup("scan-flow-logs", `/${s.prefix}/vpc-flow-logs`);
  const flowLogRole = new aws.iam.Role("scan-flow-logs", {
    assumeRolePolicy: pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [{
        Effect: "Allow",
        Principal: { Service: "vpc-flow-logs.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": account.id } },
      }],
    }),
  });
  new aws.iam.RolePolicy("scan-flow-logs", {
    role: flowLogRole.id,
    policy: pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [{
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: pulumi.interpolate`${flowLogs.arn}:*`,
      }],
    }),
  });
  new aws.ec2.FlowLog("scan", { vpcId: vpc.id, trafficType: "ALL", logDestination: flowLogs.arn, iamRoleArn: flowLogRole.arn });

  const zones = ["a", "b"];
  const octets = (i: number) => s.vpcCidr.split(".").slice(0, 2).join(".") + `.${i}.0/24`;
  const publicSubnet = new aws.ec2.Subnet("scan-egress", { vpcId: vpc.id, cidrBlock: octets(100), availabilityZone: pulumi.interpolate`${account.region}a` });
  const igw = new aws.ec2.InternetGateway("scan", { vpcId: vpc.id });
  const publicRoutes = new aws.ec2.RouteTable("scan-egress", {
    vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
  });
  new aws.ec2.RouteTableAssociation("scan-egress", { subnetId: publicSubnet.id, routeTableId: publicRoutes.id });
  const nat = new aws.ec2.NatGateway("scan", {
    subnetId: publicSubnet.id, allocationId: new aws.ec2.Eip("scan-nat", { domain: "vpc" }).id,
  }, { dependsOn: [igw] });
  const privateRoutes = new aws.ec2.RouteTable("scan-private", {
    vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
  });
  const privateSubnets = zones.map((z, i) => {
    const subnet = new aws.ec2.Subnet(`scan-private-${z}`, {
      vpcId: vpc.id, cidrBlock: octets(i), availabilityZone: pulumi.interpolate`${account.region}${z}`, mapPublicIpOnLaunch: false,
    });
    new aws.ec2.RouteTableAssociation(`scan-private-${z}`, { subnetId: subnet.id, routeTableId: privateRoutes.id });
    return subnet;
  });
  // Shard files and reports go to S3 without crossing the NAT gateway (and without its per-GB charge).
  new aws.ec2.VpcEndpoint("scan-s3", {
    vpcId: vpc.id,
    serviceName: pulumi.interpolate`com.amazonaws.${account.region}.s3`,
    vpcEndpointType: "Gateway",
    routeTableIds: [privateRoutes.id],
  });
  return { vpc, privateSubnets };
}
