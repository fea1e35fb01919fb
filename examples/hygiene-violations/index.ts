// Privacy hygiene done wrong, the way it happens: databases that accept plain connections, reads nobody
// records, data kept forever, nothing to restore from and nothing watching. Each store is classified, so
// every rule of the pillar has something to say.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const confidential = { "data-classification": "confidential" };
const restricted = { "data-classification": "restricted" };

const vpc = new aws.ec2.Vpc("orders", { cidrBlock: "10.60.0.0/16" });
const subnets = ["a", "b"].map(
  (az, i) => new aws.ec2.Subnet(`orders-${az}`, { vpcId: vpc.id, cidrBlock: `10.60.${i}.0/24`, availabilityZone: `eu-west-1${az}` }),
);
const dbSubnets = new aws.rds.SubnetGroup("orders-db", { subnetIds: subnets.map((s) => s.id) });

// In transit: the parameter group turns TLS off; the cache and the brokers accept plain connections.
const plainPg = new aws.rds.ParameterGroup("orders-pg", {
  family: "postgres16",
  parameters: [{ name: "rds.force_ssl", value: "0" }],
});
new aws.rds.Instance("orders-db", {
  engine: "postgres",
  engineVersion: "16.4",
  instanceClass: "db.t4g.medium",
  allocatedStorage: 50,
  username: "app",
  manageMasterUserPassword: true,
  storageEncrypted: true,
  parameterGroupName: plainPg.name,
  dbSubnetGroupName: dbSubnets.name,
  backupRetentionPeriod: 0,
  skipFinalSnapshot: true,
  tags: confidential,
});
new aws.elasticache.ReplicationGroup("sessions-cache", {
  description: "session cache",
  engine: "redis",
  nodeType: "cache.t4g.small",
  numCacheClusters: 2,
  atRestEncryptionEnabled: true,
  transitEncryptionEnabled: false,
  tags: confidential,
});
new aws.opensearch.Domain("order-search", {
  engineVersion: "OpenSearch_2.13",
  encryptAtRest: { enabled: true },
  domainEndpointOptions: { enforceHttps: false, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" },
  nodeToNodeEncryption: { enabled: false },
  tags: confidential,
});
new aws.msk.Cluster("order-events", {
  kafkaVersion: "3.6.0",
  numberOfBrokerNodes: 2,
  brokerNodeGroupInfo: { instanceType: "kafka.t3.small", clientSubnets: subnets.map((s) => s.id), securityGroups: [] },
  encryptionInfo: { encryptionInTransit: { clientBroker: "TLS_PLAINTEXT", inCluster: true } },
  tags: confidential,
});
// Restricted messages and secrets with no policy refusing plain HTTP.
new aws.sqs.Queue("payment-requests", { messageRetentionSeconds: 1_209_600, tags: restricted });
new aws.sns.Topic("payment-alerts", { tags: restricted });
new aws.secretsmanager.Secret("payment-api-token", { tags: restricted });

// Audit: a trail in one region, unvalidated and unencrypted; no access logs; no flow logs on the VPC.
const trailBucket = new aws.s3.Bucket("trail-logs", { tags: { "data-classification": "internal" } });
new aws.cloudtrail.Trail("audit", { s3BucketName: trailBucket.id, isMultiRegionTrail: false, enableLogFileValidation: false });

// Retention: logs kept forever, a stream kept a year, customer files never expire nor version.
new aws.cloudwatch.LogGroup("orders-app", { tags: confidential });
new aws.kinesis.Stream("clickstream", { shardCount: 1, retentionPeriod: 8760, tags: confidential });
const customerExports = new aws.s3.Bucket("customer-exports", { tags: restricted });
new aws.s3.BucketVersioning("customer-exports-versioning", {
  bucket: customerExports.id,
  versioningConfiguration: { status: "Suspended" },
});
new aws.dynamodb.Table("carts", {
  billingMode: "PAY_PER_REQUEST",
  hashKey: "id",
  attributes: [{ name: "id", type: "S" }],
  tags: { ...confidential, "data-retention": "30d" },
});

// A REST API whose stage writes whole request bodies (card numbers, addresses) to CloudWatch Logs.
const api = new aws.apigateway.RestApi("checkout", { description: "checkout API" });
const resource = new aws.apigateway.Resource("checkout-orders", { restApi: api.id, parentId: api.rootResourceId, pathPart: "orders" });
const method = new aws.apigateway.Method("checkout-post", { restApi: api.id, resourceId: resource.id, httpMethod: "POST", authorization: "NONE" });
const integration = new aws.apigateway.Integration("checkout-post", {
  restApi: api.id, resourceId: resource.id, httpMethod: method.httpMethod, type: "MOCK",
});
const deployment = new aws.apigateway.Deployment("checkout", { restApi: api.id }, { dependsOn: [integration] });
const stage = new aws.apigateway.Stage("checkout-prod", { restApi: api.id, deployment: deployment.id, stageName: "prod", tags: confidential });
new aws.apigateway.MethodSettings("checkout-prod-logging", {
  restApi: api.id,
  stageName: stage.stageName,
  methodPath: "*/*",
  settings: { loggingLevel: "INFO", dataTraceEnabled: true },
});

// Front doors: a plain HTTP listener forwarding customer traffic, and a distribution that allows HTTP.
const lb = new aws.lb.LoadBalancer("storefront", { loadBalancerType: "application", subnets: subnets.map((s) => s.id), tags: confidential });
const targets = new aws.lb.TargetGroup("storefront", { port: 8080, protocol: "HTTP", vpcId: vpc.id });
new aws.lb.Listener("storefront-http", {
  loadBalancerArn: lb.arn,
  port: 80,
  protocol: "HTTP",
  defaultActions: [{ type: "forward", targetGroupArn: targets.arn }],
});
new aws.cloudfront.Distribution("storefront-cdn", {
  enabled: true,
  origins: [{ originId: "shop", domainName: lb.dnsName, customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "http-only", originSslProtocols: ["TLSv1.2"] } }],
  defaultCacheBehavior: {
    targetOriginId: "shop",
    viewerProtocolPolicy: "allow-all",
    allowedMethods: ["GET", "HEAD"],
    cachedMethods: ["GET", "HEAD"],
    forwardedValues: { queryString: true, cookies: { forward: "all" } },
  },
  restrictions: { geoRestriction: { restrictionType: "none" } },
  viewerCertificate: { cloudfrontDefaultCertificate: true },
  tags: confidential,
});

// Breach readiness: a vault nobody locked; a detector without S3 or RDS protection.
new aws.backup.Vault("orders-backups", { tags: confidential });
const detector = new aws.guardduty.Detector("main", { enable: true });
new aws.guardduty.DetectorFeature("s3-protection", { detectorId: detector.id, name: "S3_DATA_EVENTS", status: "DISABLED" });

export const apiUrl = pulumi.interpolate`https://${api.id}.execute-api.eu-west-1.amazonaws.com/prod`;
