import type { TableDescription } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { adaptDynamoDb } from "../../../src/adapters/aws/dynamodb";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import type { DynamoDbAnswers, DynamoDbTableAnswers } from "../../../src/fetchers/aws/dynamodb";
import type { DataStore } from "../../../src/models/data-store";
import { engineResource } from "../../helpers/engine";
import { knownEncryption, onlyStore } from "./contributions";
import { ACCOUNT, adaptContext, AWS_MANAGED_KEY_ARN, CMK_ARN, failed, ok, REGION } from "./fixtures";
import { expectParity } from "./parity";

const ARN = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders`;
const REPLICA_CMK = `arn:aws:kms:us-east-1:${ACCOUNT}:key/5678abcd-12ab-34cd-56ef-1234567890ab`;
const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "dynamodb:GetItem", Resource: ARN }] });

function answers(table: Partial<DynamoDbTableAnswers> & { description?: TableDescription }): DynamoDbAnswers {
  const { description, ...rest } = table;
  return {
    region: REGION,
    tables: ok([
      {
        name: "orders",
        table: ok({ TableName: "orders", TableArn: ARN, ...description }),
        policy: ok(undefined),
        tags: ok([{ Key: "data-classification", Value: "restricted" }]),
        ...rest,
      },
    ]),
  };
}

const storeOf = (raw: DynamoDbAnswers, ctx = adaptContext()): DataStore => onlyStore(adaptDynamoDb(raw, ctx));
const pulumiTable = (props: Record<string, unknown>): DataStore =>
  buildInventory([engineResource("aws:dynamodb/table:Table", "orders", { name: "orders", tags: { "data-classification": "restricted" }, ...props })])
    .stores[0]!;

describe("DynamoDB tables from DescribeTable", () => {
  it("no SSEDescription: the AWS-owned key, the table named by its ARN, tags and name kept", () => {
    const s = storeOf(answers({}));
    expect(s.ref).toMatchObject({ id: ARN, type: "AWS::DynamoDB::Table", name: "orders", label: "DynamoDB table", account: ACCOUNT, region: REGION });
    expect(s).toMatchObject({ kind: "dynamodb-table", physicalName: "orders", tags: { "data-classification": "restricted" }, parts: [] });
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: true, keyManager: "aws-owned", observed: expect.stringMatching(/SSEDescription not set/) });
  });

  it("SSE-KMS with a customer-managed key: judged by the KMS answers, the key joined", () => {
    const s = storeOf(answers({ description: { SSEDescription: { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: CMK_ARN } } }));
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: true, keyManager: "customer-managed", keyId: CMK_ARN, keyRef: CMK_ARN });
  });

  it("SSE-KMS with the AWS-managed aws/dynamodb key (named by its ARN) is AWS-managed", () => {
    const s = storeOf(answers({ description: { SSEDescription: { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: AWS_MANAGED_KEY_ARN } } }));
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: true, keyManager: "aws-managed", keyId: AWS_MANAGED_KEY_ARN });
  });

  it("a key KMS could not describe leaves who manages it unknown, never a guess", () => {
    const s = storeOf(answers({ description: { SSEDescription: { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: CMK_ARN } } }), adaptContext({}));
    const keyManager = knownEncryption(s.encryption).keyManager;
    expect(isUnknown(keyManager) && keyManager.reason).toBe("access-denied");
  });

  it("SSE disabled is the AWS-owned key again", () => {
    const s = storeOf(answers({ description: { SSEDescription: { Status: "DISABLED", SSEType: "KMS", KMSMasterKeyArn: CMK_ARN } } }));
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: true, keyManager: "aws-owned" });
  });

  it("replicas in other regions are parts, each with its own key or the table's kind of key", () => {
    const s = storeOf(
      answers({
        description: {
          SSEDescription: { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: CMK_ARN },
          Replicas: [{ RegionName: REGION }, { RegionName: "us-east-1", KMSMasterKeyId: REPLICA_CMK }, { RegionName: "ap-south-1" }],
        },
      }),
      adaptContext({ [CMK_ARN]: "customer-managed", [REPLICA_CMK]: "customer-managed" }),
    );
    expect(s.parts.map((p) => p.name)).toEqual(["replicas[0]", "replicas[1]"]);
    expect(knownEncryption(s.parts[0]!.encryption)).toMatchObject({ keyManager: "customer-managed", keyId: REPLICA_CMK });
    expect(knownEncryption(s.parts[1]!.encryption)).toMatchObject({ enabled: true, keyManager: "aws-managed", observed: expect.stringMatching(/aws\/dynamodb/) });
  });

  it("a replica without a key of an AWS-owned-key table uses the AWS-owned key", () => {
    const s = storeOf(answers({ description: { Replicas: [{ RegionName: "us-east-1" }] } }));
    expect(knownEncryption(s.parts[0]!.encryption)).toMatchObject({ enabled: true, keyManager: "aws-owned" });
  });

  it("a resource policy is the table's, governing it", () => {
    const policies = adaptDynamoDb(answers({ policy: ok(POLICY) }), adaptContext()).resourcePolicies;
    expect(policies).toEqual([
      expect.objectContaining({ target: ARN, service: "dynamodb", document: POLICY, accountId: ACCOUNT, origin: "the resource policy of DynamoDB table 'orders'" }),
    ]);
    expect(policies?.[0]?.ref.id).toBe(ARN);
  });

  it("no policy: none", () => {
    expect(adaptDynamoDb(answers({}), adaptContext()).resourcePolicies).toEqual([]);
  });

  it("failed calls make only what they would have told unknown", () => {
    const raw = answers({
      table: failed("dynamodb", "dynamodb:DescribeTable"),
      policy: failed("dynamodb", "dynamodb:GetResourcePolicy"),
      tags: failed("dynamodb", "dynamodb:ListTagsOfResource"),
    });
    const c = adaptDynamoDb(raw, adaptContext());
    const s = c.stores![0]!;
    expect(s.ref.id).toBe(ARN);
    expect(isUnknown(s.encryption) && s.encryption.reason).toBe("access-denied");
    expect(isUnknown(s.encryption) && s.encryption.detail).toMatch(/dynamodb:DescribeTable \(eu-west-1\)/);
    expect(isUnknown(s.tags) && s.tags.reason).toBe("access-denied");
    const doc = c.resourcePolicies?.[0]?.document;
    expect(isUnknown(doc) && doc.reason).toBe("access-denied");
  });

  it("a table deleted since it was listed is left out", () => {
    expect(adaptDynamoDb(answers({ table: ok(undefined) }), adaptContext()).stores).toEqual([]);
  });

  it("a failed listing is a coverage gap and no store", () => {
    const c = adaptDynamoDb({ region: REGION, tables: failed("dynamodb", "dynamodb:ListTables") }, adaptContext());
    expect(c.stores).toBeUndefined();
    expect(c.gaps).toEqual([
      expect.objectContaining({ service: "dynamodb", region: REGION, what: "DynamoDB tables", action: "dynamodb:ListTables", reason: "access-denied" }),
    ]);
  });
});

describe("DynamoDB parity with the Pulumi front", () => {
  it("defaults: SSE not set", () => {
    expectParity(storeOf(answers({})), pulumiTable({}));
  });

  it("a customer-managed key", () => {
    expectParity(
      storeOf(answers({ description: { SSEDescription: { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: CMK_ARN } } })),
      pulumiTable({ serverSideEncryption: { enabled: true, kmsKeyArn: CMK_ARN } }),
    );
  });

  it("replicas: one with its own customer-managed key, one without", () => {
    expectParity(
      storeOf(
        answers({
          description: {
            SSEDescription: { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: CMK_ARN },
            Replicas: [{ RegionName: "us-east-1", KMSMasterKeyId: REPLICA_CMK }, { RegionName: "ap-south-1" }],
          },
        }),
        adaptContext({ [CMK_ARN]: "customer-managed", [REPLICA_CMK]: "customer-managed" }),
      ),
      pulumiTable({
        serverSideEncryption: { enabled: true, kmsKeyArn: CMK_ARN },
        replicas: [{ regionName: "us-east-1", kmsKeyArn: REPLICA_CMK }, { regionName: "ap-south-1" }],
      }),
    );
  });

  it("the resource policy: same service, document and account (origin and target name each front's resource)", () => {
    const pulumi = buildInventory([
      engineResource("aws:dynamodb/table:Table", "orders", { name: "orders", arn: ARN }),
      engineResource("aws:dynamodb/resourcePolicy:ResourcePolicy", "orders-policy", { resourceArn: ARN, policy: POLICY }),
    ]).resourcePolicies?.[0];
    const aws = adaptDynamoDb(answers({ policy: ok(POLICY) }), adaptContext()).resourcePolicies?.[0];
    const core = (p: typeof aws) => ({ service: p?.service, document: p?.document, accountId: p?.accountId });
    expect(core(pulumi)).toEqual({ service: "dynamodb", document: POLICY, accountId: ACCOUNT });
    expect(core(aws)).toEqual(core(pulumi));
  });
});
