import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/core/config";
import { unknown } from "../../../src/core/value";
import type { ResourcePolicy, ResourcePolicyService } from "../../../src/models/exposure";
import type { Inventory } from "../../../src/models/inventory";
import { resourcePoliciesNotPublic as rule } from "../../../src/rules/network/resource-policies-not-public";
import { key, run, statuses } from "../../helpers/models";
import { db, doc, policy, ref } from "./network-models";

const PREVIEW = unknown("preview", "computed during the update");
const allow = (action: string, over: Record<string, unknown> = {}) => ({ Effect: "Allow", Principal: "*", Action: action, Resource: "*", ...over });
const queue = db({ ref: ref("urn:queue", "SQS queue", "orders-queue", "aws:sqs/queue:Queue"), kind: "sqs-queue" });
const on = (service: ResourcePolicyService, target: string, document: unknown, over: Partial<ResourcePolicy> = {}): ResourcePolicy =>
  policy(document, { ref: ref(`urn:${service}-policy`, `${service} policy`, `${service}-policy`), target, service, origin: `${service} policy '${service}-policy'`, ...over });
const inv = (p: ResourcePolicy, over: Partial<Inventory> = {}): Partial<Inventory> => ({ stores: [queue], keys: [key()], resourcePolicies: [p], ...over });

describe("CDG-NET-008 resource-policies-not-public", () => {
  it.each<[string, Partial<Inventory>, string[]]>([
    ["compliant: a queue policy naming an account", inv(on("sqs", "urn:queue", doc(allow("sqs:SendMessage", { Principal: { AWS: "arn:aws:iam::111122223333:root" } })))), ["pass"]],
    ["compliant: a topic publish from a service, scoped by aws:SourceArn", inv(on("sqs", "urn:queue", doc(allow("sqs:SendMessage", { Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:orders" } } })))), ["pass"]],
    ["compliant: a key policy scoped by kms:CallerAccount", inv(on("kms", "urn:key", doc(allow("kms:Decrypt", { Condition: { StringEquals: { "kms:CallerAccount": "111122223333" } } })))), ["pass"]],
    ["compliant: an OpenSearch policy scoped by aws:PrincipalOrgID", inv(on("opensearch", "urn:queue", doc(allow("es:ESHttpGet", { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } })))), ["pass"]],
    ["compliant: the queue is classified public", inv(on("sqs", "urn:queue", doc(allow("sqs:ReceiveMessage"))), { stores: [{ ...queue, tags: { "data-classification": "public" } }] }), ["not-applicable"]],
    ["compliant: S3 policies are left to CDG-NET-006", inv(on("s3", "urn:queue", doc(allow("s3:GetObject")))), []],
    ["violation: a queue policy allowing everyone", inv(on("sqs", "urn:queue", doc(allow("sqs:ReceiveMessage")))), ["fail"]],
    ["violation: a key policy allowing everyone to decrypt", inv(on("kms", "urn:key", doc(allow("kms:Decrypt")))), ["fail"]],
    ["violation: a secret policy with {\"AWS\": \"*\"}", inv(on("secretsmanager", "urn:queue", doc(allow("secretsmanager:GetSecretValue", { Principal: { AWS: "*" } })))), ["fail"]],
    ["violation: a DynamoDB resource policy", inv(on("dynamodb", "urn:queue", doc(allow("dynamodb:GetItem")))), ["fail"]],
    ["violation: an EFS file system policy", inv(on("efs", "urn:queue", doc(allow("elasticfilesystem:ClientMount")))), ["fail"]],
    ["violation: a Backup vault policy", inv(on("backup", "urn:queue", doc(allow("backup:CopyIntoBackupVault")))), ["fail"]],
    ["violation: an SNS topic policy", inv(on("sns", "urn:queue", doc(allow("sns:Subscribe")))), ["fail"]],
    ["violation: a policy for a resource outside the stack counts as untagged", inv(on("sqs", "https://sqs.eu-west-1.amazonaws.com/111122223333/other", doc(allow("sqs:ReceiveMessage")))), ["fail"]],
    ["unknown: the document is computed", inv(on("sqs", "urn:queue", PREVIEW)), ["unknown"]],
    ["unknown: the action is computed", inv(on("sqs", "urn:queue", doc(allow(PREVIEW as never)))), ["unknown"]],
    ["unknown: the queue's tags are computed", inv(on("sqs", "urn:queue", doc(allow("sqs:ReceiveMessage"))), { stores: [{ ...queue, tags: PREVIEW }] }), ["unknown"]],
  ])("%s", (_name, i, expected) => {
    expect(statuses(run(rule, i))).toEqual(expected);
  });

  it("names the policy, what it governs and the statement", () => {
    const [o] = run(rule, inv(on("sqs", "urn:queue", doc(allow("sqs:ReceiveMessage")))));
    expect(o?.message).toBe("sqs policy 'sqs-policy' of SQS queue 'orders-queue' grants access to everyone: sqs policy 'sqs-policy': Statement[0] allows everyone without a condition that scopes it");
    expect(o?.resource.id).toBe("urn:sqs-policy");
  });

  it("an inline policy is named once", () => {
    const inline = on("sqs", "urn:queue", doc(allow("sqs:ReceiveMessage")), { ref: queue.ref, origin: "the policy of SQS queue 'orders-queue'" });
    const [o] = run(rule, inv(inline));
    expect(o?.message.startsWith("the policy of SQS queue 'orders-queue' grants access to everyone")).toBe(true);
  });

  it("with assumeCustomerData off, a policy outside the stack is not customer data", () => {
    const config = { ...DEFAULT_CONFIG, assumeCustomerData: false };
    expect(statuses(run(rule, inv(on("sqs", "elsewhere", doc(allow("sqs:ReceiveMessage")))), {}, config))).toEqual(["not-applicable"]);
  });
});

