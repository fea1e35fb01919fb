import { BackupClient, CreateBackupVaultCommand } from "@aws-sdk/client-backup";
import { CloudWatchLogsClient, CreateLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateTableCommand, DynamoDBClient, PutResourcePolicyCommand, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import {
  CreateDeliveryStreamCommand,
  FirehoseClient,
  StartDeliveryStreamEncryptionCommand,
  StopDeliveryStreamEncryptionCommand,
} from "@aws-sdk/client-firehose";
import { AddTagsToStreamCommand, CreateStreamCommand, KinesisClient, StartStreamEncryptionCommand } from "@aws-sdk/client-kinesis";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { describe, expect, it } from "vitest";
import { adaptBackup } from "../../../src/adapters/aws/backup";
import { adaptDynamoDb } from "../../../src/adapters/aws/dynamodb";
import { adaptFirehose } from "../../../src/adapters/aws/firehose";
import { adaptKinesis } from "../../../src/adapters/aws/kinesis";
import { adaptLogs } from "../../../src/adapters/aws/logs";
import { isUnknown } from "../../../src/core/value";
import { backupFetcher } from "../../../src/fetchers/aws/backup";
import { dynamodbFetcher } from "../../../src/fetchers/aws/dynamodb";
import { firehoseFetcher } from "../../../src/fetchers/aws/firehose";
import { kinesisFetcher } from "../../../src/fetchers/aws/kinesis";
import { logsFetcher } from "../../../src/fetchers/aws/logs";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { DATA_PLANE_ACTIONS, recordActions } from "../../support/data-plane";
import { useMoto } from "../../support/moto/use-moto";
import { customerKey, encryptionOf, storesByName } from "./emulator-fixtures";

const REGION = "us-east-1";

const moto = useMoto({ resetEachTest: true });

const scan = () => scanContext(moto().endpoint, REGION).ctx;

describe("DynamoDB tables against moto", () => {
  const table = (name: string, extra: Partial<CreateTableCommandInput> = {}): CreateTableCommandInput => ({
    TableName: name,
    AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
    KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
    BillingMode: "PAY_PER_REQUEST",
    ...extra,
  });

  it("reads SSE, tags and the resource policy of every table", async () => {
    const ddb = new DynamoDBClient(seedConfig(moto().endpoint, REGION));
    const key = await customerKey(moto().endpoint, REGION);
    await ddb.send(new CreateTableCommand(table("plain")));
    const cmk = await ddb.send(
      new CreateTableCommand(
        table("cmk", { SSESpecification: { Enabled: true, SSEType: "KMS", KMSMasterKeyId: key.arn }, Tags: [{ Key: "data-classification", Value: "restricted" }] }),
      ),
    );
    const arn = cmk.TableDescription!.TableArn!;
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "dynamodb:GetItem", Resource: arn }] });
    await ddb.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: policy }));

    const c = adaptDynamoDb(await dynamodbFetcher.fetch(scan()), key.ctx);
    const stores = storesByName(c.stores);
    expect(encryptionOf(stores.get("plain"))).toMatchObject({ enabled: true, keyManager: "aws-owned" });
    expect(encryptionOf(stores.get("cmk"))).toMatchObject({ enabled: true, keyManager: "customer-managed", keyId: key.arn, keyRef: key.arn });
    expect(stores.get("cmk")?.ref).toMatchObject({ id: arn, type: "AWS::DynamoDB::Table", account: MOTO_ACCOUNT, region: REGION });
    expect(stores.get("cmk")?.tags).toEqual({ "data-classification": "restricted" });
    expect(stores.get("plain")?.tags).toEqual({});
    expect(c.resourcePolicies).toEqual([expect.objectContaining({ target: arn, service: "dynamodb", accountId: MOTO_ACCOUNT })]);
    expect(JSON.parse(c.resourcePolicies?.[0]?.document as string)).toMatchObject({ Statement: [{ Principal: "*" }] });
  });
});

describe("CloudWatch log groups against moto", () => {
  it("reads the key and the tags of every group", async () => {
    const logs = new CloudWatchLogsClient(seedConfig(moto().endpoint, REGION));
    const key = await customerKey(moto().endpoint, REGION);
    await logs.send(new CreateLogGroupCommand({ logGroupName: "/app/plain" }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: "/app/cmk", kmsKeyId: key.arn, tags: { "data-classification": "confidential" } }));

    const c = adaptLogs(await logsFetcher.fetch(scan()), key.ctx);
    const stores = storesByName(c.stores);
    expect(encryptionOf(stores.get("/app/plain"))).toMatchObject({ enabled: true, keyManager: "aws-owned" });
    expect(encryptionOf(stores.get("/app/cmk"))).toMatchObject({ enabled: true, keyManager: "customer-managed", keyId: key.arn });
    expect(stores.get("/app/cmk")?.tags).toEqual({ "data-classification": "confidential" });
    expect(stores.get("/app/cmk")?.ref.id).toBe(`arn:aws:logs:${REGION}:${MOTO_ACCOUNT}:log-group:/app/cmk`);
  });
});

describe("Backup vaults against moto", () => {
  it("reads the key of every vault; the access policy moto cannot answer is unknown, the vault still judged", async () => {
    const backup = new BackupClient(seedConfig(moto().endpoint, REGION));
    const key = await customerKey(moto().endpoint, REGION);
    const cmk = await backup.send(new CreateBackupVaultCommand({ BackupVaultName: "cmk", EncryptionKeyArn: key.arn }));
    await backup.send(new CreateBackupVaultCommand({ BackupVaultName: "default" }));

    const c = adaptBackup(await backupFetcher.fetch(scan()), key.ctx);
    const stores = storesByName(c.stores);
    expect(encryptionOf(stores.get("cmk"))).toMatchObject({ enabled: true, keyManager: "customer-managed", keyId: key.arn });
    expect(stores.get("cmk")?.ref).toMatchObject({ id: cmk.BackupVaultArn, type: "AWS::Backup::BackupVault", label: "Backup vault" });
    // moto names no key for a vault created without one; AWS names its aws/backup key.
    expect(encryptionOf(stores.get("default"))).toMatchObject({ enabled: true, keyManager: "aws-managed" });
    // moto 5.2.5 has no GetBackupVaultAccessPolicy (it answers 404 with a page): a failed call, kept per vault.
    const policy = c.resourcePolicies?.find((p) => p.target === cmk.BackupVaultArn);
    expect(isUnknown(policy?.document) && policy.document.detail).toMatch(/backup:GetBackupVaultAccessPolicy \(us-east-1\) did not answer/);
    expect(c.gaps).toBeUndefined();
  });
});

describe("Kinesis data streams against moto", () => {
  it("reads the encryption and the tags of every stream", async () => {
    // The Kinesis client speaks HTTP/2 by default, which moto does not; the scanner's clients use HTTP/1.1.
    const kinesis = new KinesisClient({ ...seedConfig(moto().endpoint, REGION), requestHandler: new NodeHttpHandler() });
    const key = await customerKey(moto().endpoint, REGION);
    await kinesis.send(new CreateStreamCommand({ StreamName: "plain", ShardCount: 1 }));
    await kinesis.send(new CreateStreamCommand({ StreamName: "cmk", ShardCount: 1 }));
    await kinesis.send(new StartStreamEncryptionCommand({ StreamName: "cmk", EncryptionType: "KMS", KeyId: key.arn }));
    await kinesis.send(new AddTagsToStreamCommand({ StreamName: "cmk", Tags: { "data-classification": "restricted" } }));

    const c = adaptKinesis(await kinesisFetcher.fetch(scan()), key.ctx);
    const stores = storesByName(c.stores);
    expect(encryptionOf(stores.get("plain"))).toMatchObject({ enabled: false, observed: "EncryptionType=NONE" });
    expect(encryptionOf(stores.get("cmk"))).toMatchObject({ enabled: true, keyManager: "customer-managed", keyId: key.arn });
    expect(stores.get("cmk")?.tags).toEqual({ "data-classification": "restricted" });
    expect(stores.get("cmk")?.ref.id).toBe(`arn:aws:kinesis:${REGION}:${MOTO_ACCOUNT}:stream/cmk`);
  });
});

describe("Firehose delivery streams against moto", () => {
  it("reads the server-side encryption and the tags of every delivery stream", async () => {
    const s3 = new S3Client(seedConfig(moto().endpoint, REGION));
    await s3.send(new CreateBucketCommand({ Bucket: "cdg-firehose-dest" }));
    const firehose = new FirehoseClient(seedConfig(moto().endpoint, REGION));
    const key = await customerKey(moto().endpoint, REGION);
    const destination = {
      RoleARN: `arn:aws:iam::${MOTO_ACCOUNT}:role/firehose`,
      BucketARN: "arn:aws:s3:::cdg-firehose-dest",
    };
    await firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: "plain", ExtendedS3DestinationConfiguration: destination }));
    await firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: "cmk",
        ExtendedS3DestinationConfiguration: destination,
        Tags: [{ Key: "data-classification", Value: "restricted" }],
      }),
    );
    // moto keeps an encryption input given at creation without a Status; starting encryption sets one.
    await firehose.send(
      new StartDeliveryStreamEncryptionCommand({
        DeliveryStreamName: "cmk",
        DeliveryStreamEncryptionConfigurationInput: { KeyType: "CUSTOMER_MANAGED_CMK", KeyARN: key.arn },
      }),
    );
    await firehose.send(
      new StartDeliveryStreamEncryptionCommand({ DeliveryStreamName: "plain", DeliveryStreamEncryptionConfigurationInput: { KeyType: "AWS_OWNED_CMK" } }),
    );
    await firehose.send(new StopDeliveryStreamEncryptionCommand({ DeliveryStreamName: "plain" }));
    await firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: "owned", ExtendedS3DestinationConfiguration: destination }));
    await firehose.send(
      new StartDeliveryStreamEncryptionCommand({ DeliveryStreamName: "owned", DeliveryStreamEncryptionConfigurationInput: { KeyType: "AWS_OWNED_CMK" } }),
    );
    await firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: "from-kinesis",
        DeliveryStreamType: "KinesisStreamAsSource",
        KinesisStreamSourceConfiguration: { KinesisStreamARN: `arn:aws:kinesis:${REGION}:${MOTO_ACCOUNT}:stream/src`, RoleARN: destination.RoleARN },
        ExtendedS3DestinationConfiguration: destination,
      }),
    );

    const c = adaptFirehose(await firehoseFetcher.fetch(scan()), key.ctx);
    const stores = storesByName(c.stores);
    expect(encryptionOf(stores.get("plain"))).toMatchObject({ enabled: false, observed: "DeliveryStreamEncryptionConfiguration.Status=DISABLED" });
    expect(encryptionOf(stores.get("owned"))).toMatchObject({ enabled: true, keyManager: "aws-owned", observed: "KeyType=AWS_OWNED_CMK" });
    const fromKinesis = stores.get("from-kinesis");
    expect(fromKinesis?.encryptionFrom).toBe("source");
    expect(isUnknown(fromKinesis?.encryption) && fromKinesis.encryption.reason).toBe("not-fetched");
    expect(stores.get("cmk")?.tags).toEqual({ "data-classification": "restricted" });
    expect(stores.get("cmk")?.ref.id).toBe(`arn:aws:firehose:${REGION}:${MOTO_ACCOUNT}:deliverystream/cmk`);
    expect(encryptionOf(stores.get("cmk"))).toMatchObject({ enabled: true, keyManager: "customer-managed", keyId: key.arn });
  });
});

describe("declared actions", () => {
  it("every call each fetcher makes is one of its declared read-only actions, never a data-plane read", async () => {
    const ddb = new DynamoDBClient(seedConfig(moto().endpoint, REGION));
    await ddb.send(new CreateTableCommand({ TableName: "t", AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], BillingMode: "PAY_PER_REQUEST" }));
    await new CloudWatchLogsClient(seedConfig(moto().endpoint, REGION)).send(new CreateLogGroupCommand({ logGroupName: "g" }));
    await new BackupClient(seedConfig(moto().endpoint, REGION)).send(new CreateBackupVaultCommand({ BackupVaultName: "v" }));
    await new KinesisClient({ ...seedConfig(moto().endpoint, REGION), requestHandler: new NodeHttpHandler() }).send(new CreateStreamCommand({ StreamName: "s", ShardCount: 1 }));
    await new S3Client(seedConfig(moto().endpoint, REGION)).send(new CreateBucketCommand({ Bucket: "cdg-dest" }));
    await new FirehoseClient(seedConfig(moto().endpoint, REGION)).send(
      new CreateDeliveryStreamCommand({ DeliveryStreamName: "d", ExtendedS3DestinationConfiguration: { RoleARN: `arn:aws:iam::${MOTO_ACCOUNT}:role/r`, BucketARN: "arn:aws:s3:::cdg-dest" } }),
    );
    for (const fetcher of [dynamodbFetcher, logsFetcher, backupFetcher, kinesisFetcher, firehoseFetcher] as const) {
      const ctx = scan();
      const called = recordActions(ctx);
      await (fetcher.fetch as (c: typeof ctx) => Promise<unknown>)(ctx);
      expect(new Set(called), fetcher.name).toEqual(new Set(fetcher.actions));
      expect(called.filter((a) => DATA_PLANE_ACTIONS.includes(a)), fetcher.name).toEqual([]);
    }
  });
});

