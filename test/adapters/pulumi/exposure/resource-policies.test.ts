import { describe, expect, it } from "vitest";
import { buildExposures } from "../../../../src/adapters/pulumi/exposure";
import { accountOf } from "../../../../src/adapters/pulumi/exposure/resource-policies";
import { isUnknown } from "../../../../src/core/value";
import type { ResourcePolicy } from "../../../../src/models/exposure";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

type Res = ReturnType<typeof engineResource>;
const DOC = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" }] });
const summary = (p: ResourcePolicy) => ({
  service: p.service,
  target: isUnknown(p.target) ? `unknown:${p.target.reason}` : p.target,
  document: isUnknown(p.document) ? `unknown:${p.document.reason}` : typeof p.document,
  origin: p.origin,
});
const policies = (...resources: Res[]) => buildExposures(resources).resourcePolicies.map(summary);

describe("inline resource policies", () => {
  it.each<[string, string, string, string, string]>([
    ["v6 Bucket policy", "aws:s3/bucket:Bucket", "policy", "s3", "the policy of S3 bucket 'r'"],
    ["v6 BucketV2 policy", "aws:s3/bucketV2:BucketV2", "policy", "s3", "the policy of S3 bucket 'r'"],
    ["KMS key policy", "aws:kms/key:Key", "policy", "kms", "the policy of KMS key 'r'"],
    ["aws-native KMS key policy", "aws-native:kms:Key", "keyPolicy", "kms", "the keyPolicy of KMS key 'r'"],
    ["SQS queue policy", "aws:sqs/queue:Queue", "policy", "sqs", "the policy of SQS queue 'r'"],
    ["SNS topic policy", "aws:sns/topic:Topic", "policy", "sns", "the policy of SNS topic 'r'"],
    ["secret policy", "aws:secretsmanager/secret:Secret", "policy", "secretsmanager", "the policy of Secrets Manager secret 'r'"],
    ["OpenSearch access policies", "aws:opensearch/domain:Domain", "accessPolicies", "opensearch", "the accessPolicies of OpenSearch domain 'r'"],
    ["Elasticsearch access policies", "aws:elasticsearch/domain:Domain", "accessPolicies", "opensearch", "the accessPolicies of Elasticsearch domain 'r'"],
  ])("%s", (_name, type, path, service, origin) => {
    expect(policies(engineResource(type, "r", { [path]: DOC }))).toEqual([{ service, target: urnOf(type, "r"), document: "string", origin }]);
  });

  it("no policy, an empty policy, and a provider-computed policy in planned state are none", () => {
    expect(policies(engineResource("aws:sqs/queue:Queue", "q", {}), engineResource("aws:sqs/queue:Queue", "q2", { policy: "" }))).toEqual([]);
    expect(policies({ ...engineResource("aws:sns/topic:Topic", "t", { policy: UNKNOWN }), plannedState: true })).toEqual([]);
  });

  it("a policy computed from other resources is unknown", () => {
    expect(policies(engineResource("aws:sqs/queue:Queue", "q", { policy: UNKNOWN }, { policy: [urnOf("aws:sns/topic:Topic", "t")] }))[0]?.document).toBe("unknown:preview");
  });

  it("a v7 PolicyDocument object keeps its known parts and marks computed ones unknown", () => {
    const doc = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [UNKNOWN], Condition: { Bool: { "aws:SecureTransport": "false" } } }] };
    const [p] = buildExposures([engineResource("aws:s3/bucket:Bucket", "b", { policy: doc }, { policy: [urnOf("aws:s3/bucket:Bucket", "b")] })]).resourcePolicies;
    const statement = (p?.document as { Statement: { Effect: string; Resource: unknown[] }[] }).Statement[0];
    expect(statement?.Effect).toBe("Deny");
    expect(isUnknown(statement?.Resource[0])).toBe(true);
  });
});

describe("separate resource policies", () => {
  const cases: [string, Res, Res, string][] = [
    ["BucketPolicy by dependency", engineResource("aws:s3/bucket:Bucket", "b", {}), engineResource("aws:s3/bucketPolicy:BucketPolicy", "p", { bucket: UNKNOWN, policy: UNKNOWN }, { bucket: [urnOf("aws:s3/bucket:Bucket", "b")], policy: [urnOf("aws:s3/bucket:Bucket", "b")] }), "s3"],
    ["BucketPolicy by bucket name", engineResource("aws:s3/bucketV2:BucketV2", "b", { bucket: "orders-bucket" }), engineResource("aws:s3/bucketPolicy:BucketPolicy", "p", { bucket: "orders-bucket", policy: DOC }), "s3"],
    ["aws-native BucketPolicy", engineResource("aws-native:s3:Bucket", "b", { bucketName: "orders-bucket" }), engineResource("aws-native:s3:BucketPolicy", "p", { bucket: "orders-bucket", policyDocument: JSON.parse(DOC) }), "s3"],
    ["KeyPolicy by key id", engineResource("aws:kms/key:Key", "b", { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab" }), engineResource("aws:kms/keyPolicy:KeyPolicy", "p", { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab", policy: DOC }), "kms"],
    ["QueuePolicy by queue URL", engineResource("aws:sqs/queue:Queue", "b", { url: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders" }), engineResource("aws:sqs/queuePolicy:QueuePolicy", "p", { queueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders", policy: DOC }), "sqs"],
    ["TopicPolicy by ARN", engineResource("aws:sns/topic:Topic", "b", { arn: "arn:aws:sns:eu-west-1:111122223333:orders" }), engineResource("aws:sns/topicPolicy:TopicPolicy", "p", { arn: "arn:aws:sns:eu-west-1:111122223333:orders", policy: DOC }), "sns"],
    ["SecretPolicy by dependency", engineResource("aws:secretsmanager/secret:Secret", "b", {}), engineResource("aws:secretsmanager/secretPolicy:SecretPolicy", "p", { secretArn: UNKNOWN, policy: DOC }, { secretArn: [urnOf("aws:secretsmanager/secret:Secret", "b")] }), "secretsmanager"],
    ["DynamoDB ResourcePolicy by table ARN", engineResource("aws:dynamodb/table:Table", "b", { arn: "arn:aws:dynamodb:eu-west-1:111122223333:table/orders" }), engineResource("aws:dynamodb/resourcePolicy:ResourcePolicy", "p", { resourceArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", policy: DOC }), "dynamodb"],
    ["OpenSearch DomainPolicy by domain name", engineResource("aws:opensearch/domain:Domain", "b", { domainName: "orders" }), engineResource("aws:opensearch/domainPolicy:DomainPolicy", "p", { domainName: "orders", accessPolicies: DOC }), "opensearch"],
    ["Elasticsearch DomainPolicy by dependency", engineResource("aws:elasticsearch/domain:Domain", "b", {}), engineResource("aws:elasticsearch/domainPolicy:DomainPolicy", "p", { domainName: UNKNOWN, accessPolicies: DOC }, { domainName: [urnOf("aws:elasticsearch/domain:Domain", "b")] }), "opensearch"],
    ["EFS FileSystemPolicy by file system id", engineResource("aws:efs/fileSystem:FileSystem", "b", { id: "fs-1234" }), engineResource("aws:efs/fileSystemPolicy:FileSystemPolicy", "p", { fileSystemId: "fs-1234", policy: DOC }), "efs"],
    ["Backup VaultPolicy by vault name", engineResource("aws:backup/vault:Vault", "b", { name: "orders-vault" }), engineResource("aws:backup/vaultPolicy:VaultPolicy", "p", { backupVaultName: "orders-vault", policy: DOC }), "backup"],
  ];
  it.each(cases)("%s", (_name, target, policy, service) => {
    const found = policies(target, policy).find((p) => p.origin.endsWith("'p'"));
    expect(found).toMatchObject({ service, target: target.urn });
  });

  it("a policy for a resource outside the stack keeps the value as configured", () => {
    expect(policies(engineResource("aws:sqs/queuePolicy:QueuePolicy", "p", { queueUrl: "https://sqs/other", policy: DOC }))[0]?.target).toBe("https://sqs/other");
  });

  it("a policy whose target comes from a resource not known yet is unknown", () => {
    const p = engineResource("aws:s3/bucketPolicy:BucketPolicy", "p", { bucket: UNKNOWN, policy: DOC }, { bucket: [urnOf("random:index/randomPet:RandomPet", "x")] });
    expect(policies(p)[0]?.target).toBe("unknown:preview");
  });
});

describe("what a resource policy tells: service, ref, target, document, account", () => {
  const EMPTY = '{"Version":"2012-10-17","Statement":[]}';
  const read = (type: string, props: Record<string, unknown>) => buildExposures([engineResource(type, "r", props)]).resourcePolicies;
  const self = (type: string) => urnOf(type, "r");
  it.each([
    ["aws:s3/bucketPolicy:BucketPolicy", { bucket: "orders", policy: EMPTY }, "s3", "S3 bucket policy", "orders", undefined],
    ["aws:s3/bucket:Bucket", { bucket: "orders", policy: EMPTY }, "s3", "S3 bucket", self("aws:s3/bucket:Bucket"), undefined],
    ["aws:s3/bucketV2:BucketV2", { bucket: "orders", policy: EMPTY }, "s3", "S3 bucket", self("aws:s3/bucketV2:BucketV2"), undefined],
    ["aws:kms/key:Key", { arn: "arn:aws:kms:eu-west-1:111122223333:key/k", policy: EMPTY }, "kms", "KMS key", self("aws:kms/key:Key"), "111122223333"],
    ["aws:kms/keyPolicy:KeyPolicy", { keyId: "k", policy: EMPTY }, "kms", "KMS key policy", "k", undefined],
    ["aws:sqs/queue:Queue", { name: "q", url: "https://sqs.eu-west-1.amazonaws.com/111122223333/q", policy: EMPTY }, "sqs", "SQS queue", self("aws:sqs/queue:Queue"), "111122223333"],
    ["aws:sqs/queuePolicy:QueuePolicy", { queueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/q", policy: EMPTY }, "sqs", "SQS queue policy", "https://sqs.eu-west-1.amazonaws.com/111122223333/q", "111122223333"],
    ["aws:sns/topic:Topic", { name: "t", policy: EMPTY }, "sns", "SNS topic", self("aws:sns/topic:Topic"), undefined],
    ["aws:sns/topicPolicy:TopicPolicy", { arn: "arn:aws:sns:eu-west-1:111122223333:t", policy: EMPTY }, "sns", "SNS topic policy", "arn:aws:sns:eu-west-1:111122223333:t", "111122223333"],
    ["aws:secretsmanager/secret:Secret", { name: "s", policy: EMPTY }, "secretsmanager", "Secrets Manager secret", self("aws:secretsmanager/secret:Secret"), undefined],
    ["aws:secretsmanager/secretPolicy:SecretPolicy", { secretArn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:s-AbC", policy: EMPTY }, "secretsmanager", "Secrets Manager secret policy", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:s-AbC", "111122223333"],
    ["aws:dynamodb/resourcePolicy:ResourcePolicy", { resourceArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", policy: EMPTY }, "dynamodb", "DynamoDB resource policy", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", "111122223333"],
  ])("%s", (type, props, service, label, target, accountId) => {
    const found = read(type, props);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ service, target, document: EMPTY, ref: { type, label } });
    expect(found[0]?.accountId).toBe(accountId);
  });

  it("a store without a policy has none; a separate policy resource without one is Unknown('error')", () => {
    expect(read("aws:sns/topic:Topic", {})).toEqual([]);
    expect(read("aws:sqs/queue:Queue", { policy: "" })).toEqual([]);
    const [p] = read("aws:s3/bucketPolicy:BucketPolicy", { bucket: "b" });
    expect(p?.document).toMatchObject({ reason: "error", detail: "property 'policy' of r is not set" });
  });

  it("a document that is neither JSON text nor an object is Unknown('error')", () => {
    expect(read("aws:sqs/queue:Queue", { policy: 42 })[0]?.document).toMatchObject({ reason: "error", detail: "property 'policy' of r should be a JSON policy document, got number" });
  });

  it("a computed part of an object document is unknown, named by the property", () => {
    const [p] = read("aws:sqs/queue:Queue", { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: UNKNOWN }] } });
    const statement = (p?.document as { Statement: { Principal: unknown }[] }).Statement[0];
    expect(statement?.Principal).toMatchObject({ reason: "preview", detail: "a value inside property 'policy' of r is computed during the update" });
  });

  it("preview: a computed policy and target are unknown, the account is not guessed", () => {
    const [p] = read("aws:sqs/queuePolicy:QueuePolicy", { queueUrl: UNKNOWN, policy: UNKNOWN });
    expect(p?.document).toMatchObject({ reason: "preview" });
    expect(p?.target).toMatchObject({ reason: "preview" });
    expect(p?.accountId).toBeUndefined();
  });

  it("accountOf reads ARNs and SQS URLs only", () => {
    expect(accountOf("arn:aws-cn:sns:cn-north-1:123456789012:t")).toBe("123456789012");
    expect(accountOf("https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q")).toBe("123456789012");
    expect(accountOf("orders")).toBeUndefined();
    expect(accountOf(42)).toBeUndefined();
  });
});
