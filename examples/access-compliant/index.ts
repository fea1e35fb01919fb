// IAM and security groups written the way Pulumi's own examples write them (pulumi.jsonStringify policies,
// aws.iam.getPolicyDocument, separate rule resources, a managed policy created before it is attached), and done
// right: every grant scoped to the resources it needs, trust limited to who must assume, stores private.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { network } from "./network";

const account = "111122223333";
const restricted = { "data-classification": "restricted" };
const net = network("shop");

const key = new aws.kms.Key("shop-data", { enableKeyRotation: true, deletionWindowInDays: 30, tags: restricted });

const documents = new aws.s3.Bucket("customer-documents", { tags: restricted });
new aws.s3.BucketServerSideEncryptionConfiguration("customer-documents-sse", {
  bucket: documents.id,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
});
new aws.s3.BucketPublicAccessBlock("customer-documents-pab", {
  bucket: documents.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
});
new aws.s3.BucketPolicy("customer-documents-tls", {
  bucket: documents.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Effect: "Deny", Principal: "*", Action: "s3:*",
      Resource: [documents.arn, pulumi.interpolate`${documents.arn}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    }],
  }),
});

new aws.rds.Instance("customers-db", {
  engine: "postgres",
  instanceClass: "db.t4g.medium",
  allocatedStorage: 50,
  username: "app",
  manageMasterUserPassword: true,
  storageEncrypted: true,
  kmsKeyId: key.arn,
  dbSubnetGroupName: net.subnets.name,
  vpcSecurityGroupIds: [net.dbSg.id],
  skipFinalSnapshot: false,
  finalSnapshotIdentifier: "customers-final",
  tags: restricted,
});

// The application's role: assumed by Lambda only, for functions of this account.
const appRole = new aws.iam.Role("orders-app", {
  assumeRolePolicy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow",
      Principal: { Service: "lambda.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": account } },
    }],
  }),
});
new aws.iam.RolePolicyAttachment("orders-app-logs", {
  role: appRole.name,
  policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
});

// A customer managed policy, created on its own and attached afterwards.
const readDocuments = aws.iam.getPolicyDocumentOutput({
  statements: [
    { actions: ["s3:GetObject"], resources: [pulumi.interpolate`${documents.arn}/*`] },
    { actions: ["kms:Decrypt"], resources: [key.arn] },
  ],
});
const readPolicy = new aws.iam.Policy("read-customer-documents", { policy: readDocuments.json });
new aws.iam.RolePolicyAttachment("orders-app-read", { role: appRole.name, policyArn: readPolicy.arn });

// An auditor in the security account: a named foreign account, with an external id.
new aws.iam.Role("external-auditor", {
  assumeRolePolicy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::444455556666:root" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "audit-7f3c" } },
    }],
  }),
});

// The function and who may invoke it: S3 notifications from this account's bucket only.
const handler = new aws.lambda.Function("orders-handler", {
  role: appRole.arn,
  runtime: "nodejs20.x",
  handler: "index.handler",
  code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({});") }),
});
new aws.lambda.Permission("orders-handler-from-s3", {
  function: handler.name,
  action: "lambda:InvokeFunction",
  principal: "s3.amazonaws.com",
  sourceArn: documents.arn,
  sourceAccount: account,
});
new aws.lambda.FunctionUrl("orders-handler-url", { functionName: handler.name, authorizationType: "AWS_IAM" });

// A container registry readable by this account's roles only.
const registry = new aws.ecr.Repository("orders-images", { imageTagMutability: "IMMUTABLE" });
new aws.ecr.RepositoryPolicy("orders-images-pull", {
  repository: registry.name,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
    }],
  }),
});

// Bucket notifications published to a topic: S3 may publish only for this bucket, in this account.
const events = new aws.sns.Topic("document-events", { kmsMasterKeyId: key.id });
new aws.sns.TopicPolicy("document-events-from-s3", {
  arn: events.arn,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow",
      Principal: { Service: "s3.amazonaws.com" },
      Action: "sns:Publish",
      Resource: events.arn,
      Condition: { ArnLike: { "aws:SourceArn": documents.arn }, StringEquals: { "aws:SourceAccount": account } },
    }],
  }),
});
