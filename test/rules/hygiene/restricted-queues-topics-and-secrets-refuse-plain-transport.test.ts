import { describe, expect, it } from "vitest";
import type { DataStore } from "../../../src/models/data-store";
import type { ResourcePolicy } from "../../../src/models/exposure";
import { restrictedQueuesTopicsAndSecretsRefusePlainTransport as rule } from "../../../src/rules/hygiene/restricted-queues-topics-and-secrets-refuse-plain-transport";
import { run, statuses } from "../../helpers/models";
import { PREVIEW, storeOf } from "./transit-audit-fixtures";

const ARNS = {
  sqs: "arn:aws:sqs:eu-west-1:111122223333:orders",
  sns: "arn:aws:sns:eu-west-1:111122223333:orders",
  secretsmanager: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders-AbCdEf",
} as const;
type Service = keyof typeof ARNS;
const KIND: Record<Service, string> = { sqs: "sqs-queue", sns: "sns-topic", secretsmanager: "secret" };

const deny = (service: Service, over: Record<string, unknown> = {}) => ({
  Effect: "Deny",
  Principal: "*",
  Action: `${service}:*`,
  Resource: ARNS[service],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
  ...over,
});
const doc = (...statements: unknown[]) => ({ Version: "2012-10-17", Statement: statements });
const ALLOW_APP = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/app" }, Action: "sqs:SendMessage", Resource: ARNS.sqs };

const storeFor = (service: Service, level: string | null = "restricted", over: Partial<DataStore> = {}) =>
  storeOf(KIND[service], "orders", level, { arn: ARNS[service], ...over });
const policyOf = (service: Service, document: unknown, over: Partial<ResourcePolicy> = {}): ResourcePolicy => ({
  ref: { id: "urn:orders-policy", type: "policy", name: "orders-policy", label: "resource policy" },
  target: "urn:orders",
  service,
  document,
  origin: "resource policy 'orders-policy'",
  ...over,
});
const judge = (s: DataStore, policies: ResourcePolicy[], options: Record<string, unknown> = {}) => run(rule, { stores: [s], resourcePolicies: policies }, options);

describe("CDG-HYG-003 restricted-queues-topics-and-secrets-refuse-plain-transport", () => {
  describe.each(Object.keys(ARNS) as Service[])("%s", (service) => {
    const s = storeFor(service);
    it.each<[string, ResourcePolicy[], string]>([
      ["compliant: Deny <service>:* to * without TLS on its ARN", [policyOf(service, doc(deny(service)))], "pass"],
      ["compliant: Action * and Resource *", [policyOf(service, doc(deny(service, { Action: "*", Resource: "*" })))], "pass"],
      ["compliant: a policy naming the store by its name", [policyOf(service, doc(deny(service)), { target: "orders" })], "pass"],
      ["violation: no resource policy", [], "fail"],
      ["violation: a policy without the Deny", [policyOf(service, doc(ALLOW_APP))], "fail"],
      ["violation: Allow instead of Deny", [policyOf(service, doc(deny(service, { Effect: "Allow" })))], "fail"],
      ["violation: only one action denied", [policyOf(service, doc(deny(service, { Action: `${service}:GetSomething` })))], "fail"],
      ["violation: another service's actions", [policyOf(service, doc(deny(service, { Action: "s3:*" })))], "fail"],
      ["violation: one principal only", [policyOf(service, doc(deny(service, { Principal: { AWS: "arn:aws:iam::111122223333:root" } })))], "fail"],
      ["violation: another resource", [policyOf(service, doc(deny(service, { Resource: ARNS[service].replace("orders", "other") })))], "fail"],
      ["violation: aws:SecureTransport true", [policyOf(service, doc(deny(service, { Condition: { Bool: { "aws:SecureTransport": "true" } } })))], "fail"],
      ["violation: the Deny is another store's policy", [policyOf(service, doc(deny(service)), { target: "urn:other" })], "fail"],
      ["unknown: the document is a pulumi.jsonStringify output in preview", [policyOf(service, PREVIEW)], "unknown"],
      ["unknown: the Resource is computed", [policyOf(service, doc(deny(service, { Resource: [PREVIEW] })))], "unknown"],
      ["unknown: a policy naming a resource not known yet", [policyOf(service, doc(deny(service)), { target: PREVIEW })], "unknown"],
    ])("%s", (_name, policies, expected) => {
      expect(statuses(judge(s, policies))).toEqual([expected]);
    });
  });

  it("accepts a Deny of the service on any resource when the store's ARN is not known yet", () => {
    const s = storeFor("sqs", "restricted", { arn: PREVIEW });
    expect(statuses(judge(s, [policyOf("sqs", doc(deny("sqs", { Resource: "arn:aws:sqs:*:*:*" })))]))).toEqual(["pass"]);
    expect(statuses(judge(s, [policyOf("sqs", doc(deny("sqs", { Resource: "arn:aws:sns:*:*:*" })))]))).toEqual(["fail"]);
  });

  it("joins an SQS policy that names the queue by its URL", () => {
    const p = policyOf("sqs", doc(deny("sqs")), { target: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders" });
    expect(statuses(judge(storeFor("sqs"), [p]))).toEqual(["pass"]);
  });

  it("does not take s3:TlsVersion as a TLS requirement outside S3", () => {
    const p = policyOf("sqs", doc(deny("sqs", { Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } })));
    expect(statuses(judge(storeFor("sqs"), [p]))).toEqual(["fail"]);
  });

  it("names the store, what it has and what is required", () => {
    const [o] = judge(storeFor("sns"), []);
    expect(o?.message).toBe(
      "SNS topic 'orders' accepts requests without TLS: it has no resource policy (required: a Deny of sns:* to everyone when aws:SecureTransport is false)",
    );
  });

  describe("classification drives strictness", () => {
    it.each<[string, string | null, Record<string, unknown>, string]>([
      ["violation: restricted without the Deny", "restricted", {}, "fail"],
      ["violation: an unrecognized tag is treated as restricted", "top-secret", {}, "fail"],
      ["compliant: confidential is not held to it by default", "confidential", {}, "not-applicable"],
      ["compliant: untagged (confidential by default) is not held to it", null, {}, "not-applicable"],
      ["violation: confidential once levels adds it", "confidential", { levels: ["restricted", "confidential"] }, "fail"],
      ["compliant: public is not customer data", "public", { levels: ["restricted", "confidential"] }, "not-applicable"],
    ])("%s", (_name, level, options, expected) => {
      expect(statuses(judge(storeFor("sqs", level), [], options))).toEqual([expected]);
    });

    it("unknown: tags computed in preview", () => {
      expect(statuses(judge(storeFor("sqs", null, { tags: PREVIEW }), []))).toEqual(["unknown"]);
    });
  });
});
