import { describe, expect, it } from "vitest";
import { adaptLogs } from "../../../src/adapters/aws/logs";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import type { LogGroupAnswers, LogsAnswers } from "../../../src/fetchers/aws/logs";
import type { DataStore } from "../../../src/models/data-store";
import { engineResource } from "../../helpers/engine";
import { knownEncryption, onlyStore } from "./contributions";
import { ACCOUNT, adaptContext, CMK_ARN, failed, ok, REGION } from "./fixtures";
import { expectParity } from "./parity";

const ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app/orders`;
const TAGS = { "data-classification": "confidential" };

const answers = (group: Partial<LogGroupAnswers["group"]> = {}, rest: Partial<LogGroupAnswers> = {}): LogsAnswers => ({
  region: REGION,
  groups: ok([{ group: { logGroupName: "/app/orders", arn: `${ARN}:*`, logGroupArn: ARN, retentionInDays: 30, ...group }, arn: ARN, tags: ok(TAGS), ...rest }]),
});
const storeOf = (raw: LogsAnswers): DataStore => onlyStore(adaptLogs(raw, adaptContext()));
const pulumiGroup = (props: Record<string, unknown>) =>
  buildInventory([engineResource("aws:cloudwatch/logGroup:LogGroup", "/app/orders", { name: "/app/orders", tags: TAGS, ...props })]).stores[0];

describe("CloudWatch log groups from DescribeLogGroups", () => {
  it("without kmsKeyId: encrypted by CloudWatch Logs; named by its ARN without ':*'", () => {
    const s = storeOf(answers());
    expect(s.ref).toMatchObject({ id: ARN, type: "AWS::Logs::LogGroup", name: "/app/orders", label: "CloudWatch log group", region: REGION });
    expect(s).toMatchObject({ kind: "log-group", physicalName: "/app/orders", tags: TAGS, parts: [] });
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: true, keyManager: "aws-owned" });
  });

  it("a customer-managed key", () => {
    expect(knownEncryption(storeOf(answers({ kmsKeyId: CMK_ARN })).encryption)).toMatchObject({ keyManager: "customer-managed", keyId: CMK_ARN, keyRef: CMK_ARN });
  });

  it("failed tag read: tags unknown, encryption still known; a failed listing is a gap", () => {
    const s = storeOf(answers({}, { tags: failed("logs", "logs:ListTagsForResource") }));
    expect(isUnknown(s.tags) && s.tags.reason).toBe("access-denied");
    expect(knownEncryption(s.encryption).enabled).toBe(true);
    expect(adaptLogs({ region: REGION, groups: failed("logs", "logs:DescribeLogGroups") }, adaptContext()).gaps).toEqual([
      expect.objectContaining({ service: "logs", what: "CloudWatch log groups", action: "logs:DescribeLogGroups" }),
    ]);
  });
});

describe("CloudWatch Logs parity with the Pulumi front", () => {
  it("defaults", () => {
    expectParity(storeOf(answers()), pulumiGroup({ retentionInDays: 30 }));
  });

  it("a customer-managed key", () => {
    expectParity(storeOf(answers({ kmsKeyId: CMK_ARN })), pulumiGroup({ kmsKeyId: CMK_ARN }));
  });
});
