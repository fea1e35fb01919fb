// Deterministic, realistic stacks of @pulumi/aws v7 resources as the engine sends them in preview:
// S3 buckets with split encryption / public-access-block / versioning resources, RDS instances with
// subnet groups and security groups, DynamoDB tables, KMS keys; a mix of compliant and not.
import type { AnalyzerResourceInput } from "../src/engine-client/analyzer-types";
import { defaultProvider, providerResource, resourceOf, stackResource, type StackRef } from "../src/engine-client/resource-builder";
import { UNKNOWN, secret } from "../src/engine-client/wire";

/** mulberry32: a tiny seeded PRNG, so every run generates the same stack. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLASSES = ["restricted", "confidential", "internal", "public"];
const SEGMENTS = ["eu-retail", "us-retail", "b2b"];

export function generateStack(count: number, s: StackRef = { project: "bench", stack: "bench" }, seed = 42): AnalyzerResourceInput[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const root = stackResource(s);
  const provider = defaultProvider(s, "aws", "7.48.0", { region: "eu-west-1" });
  const out: AnalyzerResourceInput[] = [root, providerResource(provider)];
  const add = (type: string, name: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}) => {
    const r = resourceOf(s, type, name, props, { parent: root.urn, provider, propertyDependencies: deps });
    out.push(r);
    return r;
  };
  const tags = () => ({ "data-classification": pick(CLASSES), "customer-segment": pick(SEGMENTS), team: "payments" });

  for (let i = 0; out.length < count; i++) {
    const key = add("aws:kms/key:Key", `key-${i}`, {
      description: `data key ${i}`, enableKeyRotation: rnd() < 0.8, deletionWindowInDays: 30, tags: tags(),
    });
    const kind = i % 3;
    if (kind === 0) {
      const bucket = add("aws:s3/bucket:Bucket", `bucket-${i}`, { tags: tags(), forceDestroy: false });
      if (rnd() < 0.75) {
        add("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", `bucket-${i}-sse`, {
          bucket: UNKNOWN,
          rules: [{ applyServerSideEncryptionByDefault: rnd() < 0.7
            ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN } : { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }],
        }, { bucket: [bucket.urn], rules: [key.urn] });
      }
      const open = rnd() < 0.1;
      add("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", `bucket-${i}-pab`, {
        bucket: UNKNOWN, blockPublicAcls: !open, blockPublicPolicy: !open, ignorePublicAcls: !open, restrictPublicBuckets: !open,
      }, { bucket: [bucket.urn] });
      add("aws:s3/bucketVersioning:BucketVersioning", `bucket-${i}-versioning`, {
        bucket: UNKNOWN, versioningConfiguration: { status: rnd() < 0.8 ? "Enabled" : "Suspended" },
      }, { bucket: [bucket.urn] });
    } else if (kind === 1) {
      const sg = add("aws:ec2/securityGroup:SecurityGroup", `db-${i}-sg`, {
        vpcId: UNKNOWN, description: "database access", revokeRulesOnDelete: false, tags: tags(),
        ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [rnd() < 0.1 ? "0.0.0.0/0" : "10.0.0.0/16"] }],
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
      });
      const subnets = add("aws:rds/subnetGroup:SubnetGroup", `db-${i}-subnets`, { subnetIds: [UNKNOWN, UNKNOWN], tags: tags() });
      const encrypted = rnd() < 0.85;
      add("aws:rds/instance:Instance", `db-${i}`, {
        engine: "postgres", engineVersion: "16.3", instanceClass: "db.t4g.medium", allocatedStorage: 50,
        storageEncrypted: encrypted, ...(encrypted ? { kmsKeyId: UNKNOWN } : {}), publiclyAccessible: rnd() < 0.05,
        username: "app", password: secret(`pw-${i}`), dbSubnetGroupName: UNKNOWN, vpcSecurityGroupIds: [UNKNOWN],
        backupRetentionPeriod: pick([0, 7, 14, 35]), deletionProtection: true, skipFinalSnapshot: false,
        iamDatabaseAuthenticationEnabled: rnd() < 0.5, tags: tags(),
      }, { kmsKeyId: encrypted ? [key.urn] : [], dbSubnetGroupName: [subnets.urn], vpcSecurityGroupIds: [sg.urn] });
    } else {
      add("aws:dynamodb/table:Table", `table-${i}`, {
        billingMode: "PAY_PER_REQUEST", hashKey: "pk", rangeKey: "sk",
        attributes: [{ name: "pk", type: "S" }, { name: "sk", type: "S" }],
        serverSideEncryption: rnd() < 0.8 ? { enabled: true, kmsKeyArn: UNKNOWN } : { enabled: false },
        pointInTimeRecovery: { enabled: rnd() < 0.7 }, ttl: { attributeName: "expiresAt", enabled: true }, tags: tags(),
      }, { serverSideEncryption: [key.urn] });
    }
  }
  return out.slice(0, count);
}
