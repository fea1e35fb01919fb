// A VPC with a public web tier and a private data tier, written as Pulumi's own examples write it: separate
// rule resources, security groups referenced by id.
import * as aws from "@pulumi/aws";

export function network(prefix: string) {
  const vpc = new aws.ec2.Vpc(`${prefix}-vpc`, { cidrBlock: "10.40.0.0/16", enableDnsHostnames: true });
  const igw = new aws.ec2.InternetGateway(`${prefix}-igw`, { vpcId: vpc.id });
  const publicRt = new aws.ec2.RouteTable(`${prefix}-public`, { vpcId: vpc.id });
  new aws.ec2.Route(`${prefix}-public-default`, { routeTableId: publicRt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
  const privateRt = new aws.ec2.RouteTable(`${prefix}-private`, { vpcId: vpc.id });
  const subnet = (name: string, cidr: string, az: string, rt: aws.ec2.RouteTable) => {
    const s = new aws.ec2.Subnet(`${prefix}-${name}`, { vpcId: vpc.id, cidrBlock: cidr, availabilityZone: az });
    new aws.ec2.RouteTableAssociation(`${prefix}-${name}-rt`, { subnetId: s.id, routeTableId: rt.id });
    return s;
  };
  const web = subnet("web-a", "10.40.0.0/24", "eu-west-1a", publicRt);
  const dataA = subnet("data-a", "10.40.10.0/24", "eu-west-1a", privateRt);
  const dataB = subnet("data-b", "10.40.11.0/24", "eu-west-1b", privateRt);

  // The default security group admits nothing (no rules declared).
  new aws.ec2.DefaultSecurityGroup(`${prefix}-default`, { vpcId: vpc.id });

  // A web server in the public subnet, open on 443: ordinary infrastructure, not a data store.
  const webSg = new aws.ec2.SecurityGroup(`${prefix}-web`, { vpcId: vpc.id, description: "web tier" });
  new aws.vpc.SecurityGroupIngressRule(`${prefix}-web-https`, {
    securityGroupId: webSg.id, cidrIpv4: "0.0.0.0/0", ipProtocol: "tcp", fromPort: 443, toPort: 443,
  });
  new aws.vpc.SecurityGroupEgressRule(`${prefix}-web-out`, { securityGroupId: webSg.id, cidrIpv4: "0.0.0.0/0", ipProtocol: "-1" });
  new aws.ec2.Instance(`${prefix}-web-server`, {
    ami: "ami-0c1c30571d2dae5c9",
    instanceType: "t3.micro",
    subnetId: web.id,
    vpcSecurityGroupIds: [webSg.id],
    associatePublicIpAddress: true,
    rootBlockDevice: { encrypted: true },
  });

  // The database tier admits only the web tier.
  const dbSg = new aws.ec2.SecurityGroup(`${prefix}-db`, { vpcId: vpc.id, description: "database tier" });
  new aws.vpc.SecurityGroupIngressRule(`${prefix}-db-from-web`, {
    securityGroupId: dbSg.id, referencedSecurityGroupId: webSg.id, ipProtocol: "tcp", fromPort: 5432, toPort: 5432,
  });
  const subnets = new aws.rds.SubnetGroup(`${prefix}-db-subnets`, { subnetIds: [dataA.id, dataB.id] });
  return { vpc, webSg, dbSg, subnets };
}
