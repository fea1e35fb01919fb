import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { resourcePoliciesGrantNoExternalAccess as rule } from "../../../src/rules/iam/resource-policies-grant-no-external-access";
import { engineResource } from "../../helpers/engine";
import { doc, judge, OTHER, OWN, statusOf, UNKNOWN } from "./iam-cases";

const grant = (principal: unknown, condition?: unknown, effect = "Allow") => ({
  Effect: effect,
  Principal: principal,
  Action: "*",
  Resource: "*",
  ...(condition === undefined ? {} : { Condition: condition }),
});

const shapes = (policy: unknown): [string, EngineResource][] => [
  ["BucketPolicy", engineResource("aws:s3/bucketPolicy:BucketPolicy", "bp", { bucket: "orders", policy })],
  ["Bucket (v6 inline policy)", engineResource("aws:s3/bucket:Bucket", "b", { bucket: "orders", policy })],
  ["Key", engineResource("aws:kms/key:Key", "k", { policy })],
  ["KeyPolicy", engineResource("aws:kms/keyPolicy:KeyPolicy", "kp", { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab", policy })],
  ["Queue", engineResource("aws:sqs/queue:Queue", "q", { policy })],
  ["QueuePolicy", engineResource("aws:sqs/queuePolicy:QueuePolicy", "qp", { queueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders", policy })],
  ["Topic", engineResource("aws:sns/topic:Topic", "t", { policy })],
  ["TopicPolicy", engineResource("aws:sns/topicPolicy:TopicPolicy", "tp", { arn: "arn:aws:sns:eu-west-1:111122223333:orders", policy })],
  ["Secret", engineResource("aws:secretsmanager/secret:Secret", "s", { policy })],
  ["SecretPolicy", engineResource("aws:secretsmanager/secretPolicy:SecretPolicy", "sp", { secretArn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf", policy })],
];

const OWN_ROOT = { AWS: `arn:aws:iam::${OWN}:root` };
const cases: [string, unknown, string][] = [
  ["compliant: the own account's root", doc(grant(OWN_ROOT)), "pass"],
  // Changed by issue 11 (confused deputy): CloudTrail without aws:SourceArn/aws:SourceAccount now fails (below).
  ["compliant: a service principal tied to its source", doc(grant({ Service: "cloudtrail.amazonaws.com" }, { StringEquals: { "aws:SourceArn": `arn:aws:cloudtrail:eu-west-1:${OWN}:trail/audit` } })), "pass"],
  ["compliant: a service principal with no source to name", doc(grant({ Service: "ec2.amazonaws.com" })), "pass"],
  ["compliant: everyone, but only through one VPC endpoint", doc(grant("*", { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c" } })), "pass"],
  ["compliant: everyone, but a Deny outside the organisation", doc(grant("*"), grant("*", { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } }, "Deny")), "pass"],
  ["compliant: another account under aws:SourceArn", doc(grant({ AWS: OTHER }, { ArnLike: { "aws:SourceArn": `arn:aws:s3:::orders` } })), "pass"],
  ["compliant here: Principal \"*\" is CDG-NET-006/008's finding, reported once", doc(grant("*")), "pass"],
  ["violation: another account without a condition", doc(grant({ AWS: `arn:aws:iam::${OTHER}:root` })), "fail"],
  ["violation: NotPrincipal Allow", doc({ Effect: "Allow", NotPrincipal: OWN_ROOT, Action: "*", Resource: "*" }), "fail"],
  ["violation (malformed): no Principal in a resource policy", doc({ Effect: "Allow", Action: "*", Resource: "*" }), "fail"],
  ["unknown: the principal is computed", doc(grant({ AWS: UNKNOWN })), "unknown"],
];

/** Bullet: service principals AWS recommends tying to their source (confused deputy), per service in the table. */
const serviceCases: [string, unknown, string][] = [
  ["compliant: SNS with aws:SourceArn", doc(grant({ Service: "sns.amazonaws.com" }, { ArnEquals: { "aws:SourceArn": `arn:aws:sns:eu-west-1:${OWN}:orders` } })), "pass"],
  ["compliant: S3 with aws:SourceAccount", doc(grant({ Service: "s3.amazonaws.com" }, { StringEquals: { "aws:SourceAccount": OWN } })), "pass"],
  ["compliant: CloudWatch Logs with the KMS encryption context AWS documents", doc(grant({ Service: "logs.eu-west-1.amazonaws.com" }, { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:eu-west-1:${OWN}:log-group:*` } })), "pass"],
  ["compliant: Config, with a Deny outside the account", doc(grant({ Service: "config.amazonaws.com" }), grant({ Service: "config.amazonaws.com" }, { StringNotEquals: { "aws:SourceAccount": OWN } }, "Deny")), "pass"],
  ["violation: CloudTrail without a condition", doc(grant({ Service: "cloudtrail.amazonaws.com" })), "fail"],
  ["violation: SNS without a condition", doc(grant({ Service: "sns.amazonaws.com" })), "fail"],
  ["violation: EventBridge without a condition", doc(grant({ Service: "events.amazonaws.com" })), "fail"],
  ["violation: S3 server access logging with only aws:SecureTransport", doc(grant({ Service: "logging.s3.amazonaws.com" }, { Bool: { "aws:SecureTransport": "true" } })), "fail"],
  ["violation: Backup with aws:SourceAccount under IfExists", doc(grant({ Service: "backup.amazonaws.com" }, { StringEqualsIfExists: { "aws:SourceAccount": OWN } })), "fail"],
  ["unknown: SNS with a computed aws:SourceArn pattern", doc(grant({ Service: "sns.amazonaws.com" }, { ArnLike: { "aws:SourceArn": UNKNOWN } })), "unknown"],
  ["unknown: the service is computed", doc(grant({ Service: UNKNOWN })), "unknown"],
];

const OPTIONS = { ownAccountIds: [OWN] };

describe("CDG-IAM-007 resource-policies-grant-no-external-access", () => {
  for (const [name, policy, expected] of [...cases, ...serviceCases]) {
    for (const [shape, resource] of shapes(policy)) {
      it(`${name} — ${shape}, object document`, () => {
        expect(statusOf(judge(rule, [resource], OPTIONS))).toBe(expected);
      });
    }
    if (JSON.stringify(policy).includes(UNKNOWN)) continue;
    for (const [shape, resource] of shapes(JSON.stringify(policy))) {
      it(`${name} — ${shape}, JSON string document`, () => {
        expect(statusOf(judge(rule, [resource], OPTIONS))).toBe(expected);
      });
    }
  }

  it("unknown: a policy computed in preview", () => {
    for (const [, r] of shapes(UNKNOWN)) expect(statusOf(judge(rule, [r]))).toBe("unknown");
  });

  it("the own account comes from the resource's ARN or queue URL when known; otherwise unknown, never a pass", () => {
    const policy = JSON.stringify(doc(grant(OWN_ROOT)));
    const byShape = Object.fromEntries(shapes(policy).map(([s, r]) => [s, statusOf(judge(rule, [r]))]));
    expect(byShape).toMatchObject({ QueuePolicy: "pass", TopicPolicy: "pass", SecretPolicy: "pass", BucketPolicy: "unknown", Queue: "unknown" });
    const key = engineResource("aws:kms/key:Key", "k", { arn: `arn:aws:kms:eu-west-1:${OWN}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, policy });
    expect(statusOf(judge(rule, [key]))).toBe("pass");
  });

  it("option trustedAccountIds admits a partner account", () => {
    const [, bp] = shapes(doc(grant({ AWS: OTHER })))[0] as [string, EngineResource];
    expect(statusOf(judge(rule, [bp], { ...OPTIONS, trustedAccountIds: [OTHER] }))).toBe("pass");
  });

  it("a store without a policy gives no outcome", () => {
    expect(judge(rule, [engineResource("aws:sqs/queue:Queue", "q", {})])).toEqual([]);
  });

  it("names the service, the missing condition and AWS's page for it", () => {
    const [, qp] = shapes(doc({ Sid: "FromTopic", ...grant({ Service: "sns.amazonaws.com" }) }))[5] as [string, EngineResource];
    expect(judge(rule, [qp], OPTIONS)[0]?.message).toBe(
      `SQS queue policy 'qp': Statement[0] (Sid "FromTopic") lets sns.amazonaws.com act for any account: no aws:SourceArn or aws:SourceAccount condition ties it to your own resources ` +
        "(confused deputy; https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html)",
    );
  });

  it("names the resource and the statement", () => {
    const [, bp] = shapes(doc({ Sid: "Partner", ...grant({ AWS: `arn:aws:iam::${OTHER}:root` }) }))[0] as [string, EngineResource];
    expect(judge(rule, [bp], OPTIONS)[0]?.message).toMatch(new RegExp(`^S3 bucket policy 'bp': Statement\\[0\\] \\(Sid "Partner"\\) .*${OTHER}`));
  });
});

describe("CDG-IAM-007 Lambda and CloudWatch Logs policies: judged for services without their source only", () => {
  const permission = (props: Record<string, unknown>) => engineResource("aws:lambda/permission:Permission", "invoke", { function: "handler", action: "lambda:InvokeFunction", ...props });
  const logPolicy = (statement: Record<string, unknown>) =>
    engineResource("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "delivery", { policyName: "delivery", policyDocument: JSON.stringify(doc({ Action: "logs:PutLogEvents", Resource: "*", ...statement })) });
  it.each([
    ["compliant: S3 invokes the function for one bucket", permission({ principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::orders", sourceAccount: OWN }), "pass"],
    ["compliant: a service with no source to name", permission({ principal: "apigateway.amazonaws.com" }), "pass"],
    ["compliant: another account (CDG-IAM-007 judges only services here)", permission({ principal: OTHER }), "pass"],
    ["compliant: log delivery tied to the account", logPolicy({ Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": OWN } } }), "pass"],
    ["violation: S3 invokes the function for any bucket of any account", permission({ principal: "s3.amazonaws.com" }), "fail"],
    ["violation: SNS invokes the function for any topic", permission({ principal: "sns.amazonaws.com" }), "fail"],
    ["violation: log delivery for any account", logPolicy({ Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" } }), "fail"],
    ["unknown: the source ARN is computed", permission({ principal: "events.amazonaws.com", sourceArn: UNKNOWN }), "unknown"],
    ["unknown: the principal is computed", permission({ principal: UNKNOWN }), "unknown"],
  ])("%s", (_name, resource, expected) => {
    expect(statusOf(judge(rule, [resource]))).toBe(expected);
  });

  it("names the permission and the service", () => {
    expect(judge(rule, [permission({ principal: "s3.amazonaws.com" })])[0]?.message).toMatch(
      /^Lambda permission 'invoke': Statement\[0\] lets s3\.amazonaws\.com act for any account: no aws:SourceArn or aws:SourceAccount condition/,
    );
  });
});

describe("CDG-IAM-007 resource policies over AWS's size limits", () => {
  /** A compliant policy of own-account statements padded to about `bytes` bytes (no whitespace). */
  const sized = (bytes: number): Record<string, unknown> => {
    const one = { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: "s3:GetObject", Resource: "arn:aws:s3:::orders/*" };
    const count = Math.ceil(bytes / (JSON.stringify({ ...one, Sid: "S000" }).length + 1));
    return doc(...Array.from({ length: count }, (_, i) => ({ ...one, Sid: `S${i}` })));
  };

  it.each([
    ["compliant: a bucket policy under 20 KB", "aws:s3/bucketPolicy:BucketPolicy", { bucket: "orders" }, 19_000, "pass"],
    ["violation: a bucket policy over 20 KB, which AWS rejects", "aws:s3/bucketPolicy:BucketPolicy", { bucket: "orders" }, 21_000, "fail"],
    ["compliant: a key policy of 30 KB (its limit is 32 KB)", "aws:kms/keyPolicy:KeyPolicy", { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab" }, 30_000, "pass"],
    ["violation: a key policy over 32 KB", "aws:kms/keyPolicy:KeyPolicy", { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab" }, 34_000, "fail"],
  ])("%s", (_name, type, props, bytes, expected) => {
    const outcomes = judge(rule, [engineResource(type, "p", { ...props, policy: JSON.stringify(sized(bytes)) })], OPTIONS);
    expect(statusOf(outcomes)).toBe(expected);
    if (expected === "fail") expect(outcomes[0]?.message).toMatch(/over the .* limit .*AWS would reject it/);
  });

  it("unknown: a document computed in preview is not judged for size", () => {
    expect(statusOf(judge(rule, [engineResource("aws:s3/bucketPolicy:BucketPolicy", "p", { bucket: "orders", policy: UNKNOWN })]))).toBe("unknown");
  });
});
