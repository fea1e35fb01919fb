// One customer segment's data plane: its own VPC with private subnets, KMS key, database, bucket,
// security groups and application role. Shared by both example programs.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface SegmentOptions {
  /** Second octet of the segment's 10.x.0.0/16. */
  octet: number;
  /** Use this key instead of creating one (the violations example shares one). */
  key?: aws.kms.Key;
  /** Give the database subnets a route to the internet gateway. */
  publicDbSubnets?: boolean;
}

export interface Segment {
  vpc: aws.ec2.Vpc;
  key: aws.kms.Key;
  bucket: aws.s3.Bucket;
  appSg: aws.ec2.SecurityGroup;
  dbSg: aws.ec2.SecurityGroup;
  db: aws.rds.Instance;
  role: aws.iam.Role;
}

export function segment(name: string, opts: SegmentOptions): Segment {
  const tags = { "customer-segment": name };
  const data = { ...tags, "data-classification": "restricted" };
  const vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: `10.${opts.octet}.0.0/16`, tags });
  const subnets = ["a", "b"].map(
    (az, i) =>
      new aws.ec2.Subnet(`${name}-data-${az}`, {
        vpcId: vpc.id,
        cidrBlock: `10.${opts.octet}.${i + 1}.0/24`,
        availabilityZone: `eu-west-1${az}`,
        tags,
      }),
  );
  if (opts.publicDbSubnets) {
    const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags });
    const table = new aws.ec2.RouteTable(`${name}-public`, { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }], tags });
    subnets.forEach((s, i) => new aws.ec2.RouteTableAssociation(`${name}-public-${i}`, { subnetId: s.id, routeTableId: table.id }));
  }
  const key =
    opts.key ?? new aws.kms.Key(`${name}-key`, { description: `${name} customer data`, enableKeyRotation: true, tags });
  const appSg = new aws.ec2.SecurityGroup(`${name}-app`, { vpcId: vpc.id, description: `${name} application`, tags });
  const dbSg = new aws.ec2.SecurityGroup(`${name}-db`, { vpcId: vpc.id, description: `${name} database`, tags });
  new aws.vpc.SecurityGroupIngressRule(`${name}-db-from-app`, {
    securityGroupId: dbSg.id,
    referencedSecurityGroupId: appSg.id,
    ipProtocol: "tcp",
    fromPort: 5432,
    toPort: 5432,
  });
  const subnetGroup = new aws.rds.SubnetGroup(`${name}-db`, { subnetIds: subnets.map((s) => s.id), tags });
  const db = new aws.rds.Instance(`${name}-db`, {
    engine: "postgres",
    instanceClass: "db.t4g.medium",
    allocatedStorage: 50,
    username: "app",
    manageMasterUserPassword: true,
    storageEncrypted: true,
    kmsKeyId: key.arn,
    dbSubnetGroupName: subnetGroup.name,
    vpcSecurityGroupIds: [dbSg.id],
    publiclyAccessible: false,
    backupRetentionPeriod: 14,
    skipFinalSnapshot: false,
    finalSnapshotIdentifier: `${name}-final`,
    tags: data,
  });
  const bucket = new aws.s3.Bucket(`${name}-documents`, { tags: data });
  new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-documents-sse`, {
    bucket: bucket.id,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
  });
  new aws.s3.BucketPublicAccessBlock(`${name}-documents-pab`, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  // Policies are given as objects, not JSON strings: a preview then shows their structure, with only
  // the ARNs still unknown, instead of one unknown string.
  new aws.s3.BucketPolicy(`${name}-documents-tls`, {
    bucket: bucket.id,
    policy: {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    },
  });
  const role = new aws.iam.Role(`${name}-app`, {
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
    tags,
  });
  new aws.iam.RolePolicy(`${name}-app-data`, {
    role: role.name,
    policy: {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: pulumi.interpolate`${bucket.arn}/*` },
        { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: key.arn },
      ],
    },
  });
  new aws.lambda.Function(`${name}-api`, {
    role: role.arn,
    runtime: "nodejs20.x",
    handler: "index.handler",
    code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({});") }),
    vpcConfig: { subnetIds: subnets.map((s) => s.id), securityGroupIds: [appSg.id] },
    tags,
  });
  return { vpc, key, bucket, appSg, dbSg, db, role };
}
