import type { SecretListEntry } from "@aws-sdk/client-secrets-manager";
import { describe, expect, it } from "vitest";
import { adaptSecretsManager } from "../../../src/adapters/aws/secretsmanager";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown } from "../../../src/core/value";
import type { SecretAnswers, SecretsManagerAnswers } from "../../../src/fetchers/aws/secretsmanager";
import type { DataStore } from "../../../src/models/data-store";
import { engineResource } from "../../helpers/engine";
import { knownEncryption, onlyStore } from "./contributions";
import { ACCOUNT, adaptContext, CMK_ARN, failed, ok, REGION } from "./fixtures";
import { expectParity, withoutFrontDetails } from "./parity";

const ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-password-AbCdEf`;
const REPLICA_CMK = `arn:aws:kms:us-east-1:${ACCOUNT}:key/5678abcd-12ab-34cd-56ef-1234567890ab`;
const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" }] });
const TAGS = [{ Key: "data-classification", Value: "restricted" }];

const answers = (entry: Partial<SecretListEntry> = {}, rest: Partial<SecretAnswers> = {}): SecretsManagerAnswers => ({
  region: REGION,
  secrets: ok([{ entry: { ARN, Name: "db-password", Tags: TAGS, ...entry }, replicas: ok([]), policy: ok(undefined), ...rest }]),
});
const storeOf = (raw: SecretsManagerAnswers, ctx = adaptContext({ [CMK_ARN]: "customer-managed", [REPLICA_CMK]: "customer-managed" })): DataStore => onlyStore(adaptSecretsManager(raw, ctx));
const pulumiInventory = (props: Record<string, unknown>) =>
  buildInventory([
    engineResource("aws:secretsmanager/secret:Secret", "db-password", { name: "db-password", arn: ARN, tags: { "data-classification": "restricted" }, ...props }),
  ]);

describe("Secrets Manager secrets from ListSecrets", () => {
  it("without KmsKeyId: the AWS-managed aws/secretsmanager key; named by its ARN, tags inline", () => {
    const s = storeOf(answers());
    expect(s.ref).toMatchObject({ id: ARN, type: "AWS::SecretsManager::Secret", name: "db-password", label: "Secrets Manager secret", account: ACCOUNT });
    expect(s).toMatchObject({ kind: "secret", physicalName: "db-password", tags: { "data-classification": "restricted" }, parts: [] });
    expect(knownEncryption(s.encryption)).toMatchObject({ enabled: true, keyManager: "aws-managed", observed: expect.stringMatching(/KmsKeyId not set/) });
  });

  it("a customer-managed key", () => {
    expect(knownEncryption(storeOf(answers({ KmsKeyId: CMK_ARN })).encryption)).toMatchObject({ keyManager: "customer-managed", keyId: CMK_ARN, keyRef: CMK_ARN });
  });

  it("replicas are parts with their own keys", () => {
    const s = storeOf(answers({}, { replicas: ok([{ Region: "us-east-1", KmsKeyId: REPLICA_CMK }, { Region: "ap-south-1" }]) }));
    expect(s.parts.map((p) => p.name)).toEqual(["replicas[0]", "replicas[1]"]);
    expect(knownEncryption(s.parts[0]!.encryption)).toMatchObject({ keyManager: "customer-managed", keyId: REPLICA_CMK });
    expect(knownEncryption(s.parts[1]!.encryption)).toMatchObject({ keyManager: "aws-managed" });
  });

  it("a replica seen in its own region is a replica of the primary's secret", () => {
    const replicaArn = ARN.replace(REGION, "us-east-1");
    const s = storeOf({ region: "us-east-1", secrets: ok([{ entry: { ARN: replicaArn, Name: "db-password", PrimaryRegion: REGION }, replicas: ok([]), policy: ok(undefined) }]) });
    expect(s.copyOf).toEqual({ relation: "replica", source: ARN, sourceRef: ARN });
    expect(storeOf(answers({ PrimaryRegion: REGION })).copyOf).toBeUndefined();
  });

  it("the secret's policy governs it", () => {
    expect(adaptSecretsManager(answers({}, { policy: ok(POLICY) }), adaptContext()).resourcePolicies).toEqual([
      expect.objectContaining({ target: ARN, service: "secretsmanager", document: POLICY, origin: "the policy of Secrets Manager secret 'db-password'" }),
    ]);
  });

  it("failed reads: replicas one unknown part, the policy unknown; a failed listing is a gap", () => {
    const c = adaptSecretsManager(
      answers({}, { replicas: failed("secretsmanager", "secretsmanager:DescribeSecret"), policy: failed("secretsmanager", "secretsmanager:GetResourcePolicy") }),
      adaptContext(),
    );
    const s = c.stores![0]!;
    expect(knownEncryption(s.encryption)).toMatchObject({ keyManager: "aws-managed" });
    expect(s.parts).toHaveLength(1);
    expect(isUnknown(s.parts[0]!.encryption) && s.parts[0]!.encryption.reason).toBe("access-denied");
    expect(isUnknown(c.resourcePolicies?.[0]?.document)).toBe(true);
    expect(adaptSecretsManager({ region: REGION, secrets: failed("secretsmanager", "secretsmanager:ListSecrets") }, adaptContext()).gaps).toEqual([
      expect.objectContaining({ what: "Secrets Manager secrets", reason: "access-denied" }),
    ]);
  });
});

describe("Secrets Manager parity with the Pulumi front", () => {
  it("defaults: the AWS-managed key", () => {
    expectParity(storeOf(answers()), pulumiInventory({}).stores[0]);
  });

  it("a customer-managed key and replicas", () => {
    expectParity(
      storeOf(answers({ KmsKeyId: CMK_ARN }, { replicas: ok([{ Region: "us-east-1", KmsKeyId: REPLICA_CMK }, { Region: "ap-south-1" }]) })),
      pulumiInventory({ kmsKeyId: CMK_ARN, replicas: [{ region: "us-east-1", kmsKeyId: REPLICA_CMK }, { region: "ap-south-1" }] }).stores[0],
    );
  });

  it("the policy, but for its target", () => {
    const aws = adaptSecretsManager(answers({}, { policy: ok(POLICY) }), adaptContext()).resourcePolicies?.[0];
    const pulumi = pulumiInventory({ policy: POLICY }).resourcePolicies?.[0];
    expect(pulumi).toBeDefined();
    expect(withoutFrontDetails({ ...aws, target: undefined })).toEqual(withoutFrontDetails({ ...pulumi, target: undefined }));
  });
});
