import { describe, expect, it } from "vitest";
import { buildIamInventory } from "../../../../src/adapters/pulumi/iam";
import { accountOf } from "../../../../src/adapters/pulumi/iam/resource-policies";
import { engineResource, UNKNOWN } from "../../../helpers/engine";

const DOC = '{"Version":"2012-10-17","Statement":[]}';

describe("resource policies", () => {
  it.each([
    ["aws:s3/bucketPolicy:BucketPolicy", { bucket: "orders", policy: DOC }, "s3", "S3 bucket policy", "orders", undefined],
    ["aws:s3/bucket:Bucket", { bucket: "orders", policy: DOC }, "s3", "S3 bucket", "orders", undefined],
    ["aws:s3/bucketV2:BucketV2", { bucket: "orders", policy: DOC }, "s3", "S3 bucket", "orders", undefined],
    ["aws:kms/key:Key", { arn: "arn:aws:kms:eu-west-1:111122223333:key/k", policy: DOC }, "kms", "KMS key", "arn:aws:kms:eu-west-1:111122223333:key/k", "111122223333"],
    ["aws:kms/keyPolicy:KeyPolicy", { keyId: "k", policy: DOC }, "kms", "KMS key policy", "k", undefined],
    ["aws:sqs/queue:Queue", { name: "q", url: "https://sqs.eu-west-1.amazonaws.com/111122223333/q", policy: DOC }, "sqs", "SQS queue", "q", "111122223333"],
    ["aws:sqs/queuePolicy:QueuePolicy", { queueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/q", policy: DOC }, "sqs", "SQS queue policy", "https://sqs.eu-west-1.amazonaws.com/111122223333/q", "111122223333"],
    ["aws:sns/topic:Topic", { name: "t", policy: DOC }, "sns", "SNS topic", "t", undefined],
    ["aws:sns/topicPolicy:TopicPolicy", { arn: "arn:aws:sns:eu-west-1:111122223333:t", policy: DOC }, "sns", "SNS topic policy", "arn:aws:sns:eu-west-1:111122223333:t", "111122223333"],
    ["aws:secretsmanager/secret:Secret", { name: "s", policy: DOC }, "secretsmanager", "Secrets Manager secret", "s", undefined],
    ["aws:secretsmanager/secretPolicy:SecretPolicy", { secretArn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:s-AbC", policy: DOC }, "secretsmanager", "Secrets Manager secret policy", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:s-AbC", "111122223333"],
  ])("%s", (type, props, service, label, target, accountId) => {
    const [p] = buildIamInventory([engineResource(type, "r", props)]).resourcePolicies;
    expect(p).toMatchObject({ model: "iam-resource-policy", service, target, document: DOC, ref: { type, label } });
    expect(p?.accountId).toBe(accountId);
  });

  it("a store without a policy has none; a separate policy resource without one is Unknown('error')", () => {
    expect(buildIamInventory([engineResource("aws:sns/topic:Topic", "t", {})]).resourcePolicies).toEqual([]);
    const [p] = buildIamInventory([engineResource("aws:s3/bucketPolicy:BucketPolicy", "bp", { bucket: "b" })]).resourcePolicies;
    expect(p?.document).toMatchObject({ reason: "error" });
  });

  it("preview: a computed policy and target are unknown, the account is not guessed", () => {
    const [p] = buildIamInventory([engineResource("aws:sqs/queuePolicy:QueuePolicy", "qp", { queueUrl: UNKNOWN, policy: UNKNOWN })]).resourcePolicies;
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
