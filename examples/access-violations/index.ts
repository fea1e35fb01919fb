// IAM and security groups written the usual ways, with the mistakes a security reviewer stops at once; one
// mistake per resource, so each finding traces back to a line here.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { network } from "../access-compliant/network";

const account = "111122223333";
const net = network("shop");

// A database port opened to the internet by a separate rule, on a group no store of this stack uses (yet).
const reportingSg = new aws.ec2.SecurityGroup("reporting-db", { vpcId: net.vpc.id, description: "reporting database", tags: { team: "analytics" } });
new aws.vpc.SecurityGroupIngressRule("reporting-db-from-anywhere", {
  securityGroupId: reportingSg.id, cidrIpv4: "0.0.0.0/0", ipProtocol: "tcp", fromPort: 5432, toPort: 5432,
});
// MySQL opened to all of IPv6 with the older rule resource.
new aws.ec2.SecurityGroupRule("reporting-db-mysql-v6", {
  type: "ingress", securityGroupId: reportingSg.id, ipv6CidrBlocks: ["::/0"], protocol: "tcp", fromPort: 3306, toPort: 3306,
});
// A second VPC whose default security group admits everything from everywhere.
const legacyVpc = new aws.ec2.Vpc("legacy-vpc", { cidrBlock: "10.50.0.0/16" });
new aws.ec2.DefaultSecurityGroup("legacy-default", {
  vpcId: legacyVpc.id,
  ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
});

// A managed policy nobody attaches yet: it can pass any role to a new EC2 instance (privilege escalation).
new aws.iam.Policy("ci-launcher", {
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["iam:PassRole", "ec2:RunInstances"], Resource: "*" }],
  }),
});

// Policy administration on every customer managed policy: "arn:aws:iam::*:policy/*" is "*" in effect.
const deployer = new aws.iam.Role("deployer", {
  tags: { team: "platform" },
  assumeRolePolicy: pulumi.jsonStringify({
    Version: "2012-10-17",
    // Open to every AWS account: an external id is a shared secret, not an identity.
    Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "deploy-2024" } } }],
  }),
});
new aws.iam.RolePolicy("deployer-policies", {
  role: deployer.id,
  policy: pulumi.interpolate`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*Policy*","Resource":"arn:aws:iam::*:policy/*"}]}`,
});

// Unscoped writes on a service that supports resource-level permissions (not a data service).
const operator = new aws.iam.Role("operator", {
  assumeRolePolicy: pulumi.jsonStringify({
    Version: "2012-10-17",
    // A foreign account, with neither an external id nor an organization condition.
    Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999988887777:root" }, Action: "sts:AssumeRole" }],
  }),
});
new aws.iam.RolePolicy("operator-ec2", {
  role: operator.id,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: [{ actions: ["ec2:TerminateInstances", "ec2:StopInstances"], resources: ["*"] }],
  }).json,
});

// A condition that does not restrict: ForAllValues on a single-valued key is true when the key is absent.
new aws.iam.RolePolicy("operator-s3", {
  role: operator.id,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: [{
      actions: ["s3:PutObject"],
      resources: ["*"],
      conditions: [{ test: "ForAllValues:StringEquals", variable: "aws:SourceVpc", values: [net.vpc.id] }],
    }],
  }).json,
});

// An AWS managed policy that reads and writes every bucket, attached to the application role.
const appRole = new aws.iam.Role("orders-app", {
  assumeRolePolicy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": account } } }],
  }),
});
new aws.iam.RolePolicyAttachment("orders-app-s3-full", { role: appRole.name, policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" });

// A function anyone may invoke, through a permission with no source and a URL without authentication.
const handler = new aws.lambda.Function("orders-handler", {
  role: appRole.arn,
  runtime: "nodejs20.x",
  handler: "index.handler",
  code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({});") }),
});
new aws.lambda.Permission("orders-handler-anyone", { function: handler.name, action: "lambda:InvokeFunction", principal: "*" });
new aws.lambda.FunctionUrl("orders-handler-url", { functionName: handler.name, authorizationType: "NONE" });

// A registry anyone may pull from.
const registry = new aws.ecr.Repository("orders-images", { imageTagMutability: "IMMUTABLE" });
new aws.ecr.RepositoryPolicy("orders-images-public", {
  repository: registry.name,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }],
  }),
});

// S3 may publish to the topic for any bucket of any account (confused deputy): no aws:SourceArn or SourceAccount.
const events = new aws.sns.Topic("document-events", { kmsMasterKeyId: "alias/aws/sns" });
new aws.sns.TopicPolicy("document-events-from-s3", {
  arn: events.arn,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sns:Publish", Resource: events.arn }],
  }),
});
