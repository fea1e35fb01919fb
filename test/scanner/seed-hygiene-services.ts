// Hygiene of tables, streams, queues, log groups and backup vaults, seeded into moto through the AWS
// SDK: for every setting the "services" group reads, one compliant (hyg-ok-...) and one
// non-compliant (hyg-bad-...) store, tagged as customer data.
import { BackupClient, CreateBackupVaultCommand, PutBackupVaultLockConfigurationCommand } from "@aws-sdk/client-backup";
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { AddTagsToStreamCommand, CreateStreamCommand, IncreaseStreamRetentionPeriodCommand, KinesisClient } from "@aws-sdk/client-kinesis";
import { CreateQueueCommand, SQSClient } from "@aws-sdk/client-sqs";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { seedConfig } from "../support/aws-context";

const CONFIDENTIAL = { "data-classification": "confidential" } as const;
const RESTRICTED = { "data-classification": "restricted" } as const;
const tagList = (tags: Readonly<Record<string, string>>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** What the seed creates, by name, and what each should read as. */
export const SERVICES_HYGIENE_SEED = {
  /** PITR on for 30 days, TTL on, deletion protection on (both tables tagged data-retention). */
  okTable: "hyg-ok-table",
  /** PITR, TTL and deletion protection all off. */
  badTable: "hyg-bad-table",
  /** The 24 h default: 1 day. */
  okStream: "hyg-ok-stream",
  /** Extended to 8760 hours = 365 days. */
  badStream: "hyg-bad-stream",
  /** 1 day. */
  okQueue: "hyg-ok-queue",
  /** 14 days, the maximum. */
  badQueue: "hyg-bad-queue",
  /** 30 days. */
  okLogGroup: "/hyg-ok/log-group",
  /** Never expires. */
  badLogGroup: "/hyg-bad/log-group",
  /** Locked (compliance mode, 7 to 365 days). */
  okVault: "hyg-ok-vault",
  /** Not locked. */
  badVault: "hyg-bad-vault",
} as const;

const S = SERVICES_HYGIENE_SEED;

async function seedTables(endpoint: string, region: string): Promise<void> {
  const ddb = new DynamoDBClient(seedConfig(endpoint, region));
  const table = (name: string, tags: Readonly<Record<string, string>>, deletionProtection: boolean) =>
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
      DeletionProtectionEnabled: deletionProtection,
      Tags: tagList(tags),
    });
  // Tagged data-retention: their items are declared to expire, so TTL is judged.
  await ddb.send(table(S.okTable, { ...RESTRICTED, "data-retention": "30d" }, true));
  await ddb.send(table(S.badTable, { ...CONFIDENTIAL, "data-retention": "30d" }, false));
  await ddb.send(
    new UpdateContinuousBackupsCommand({ TableName: S.okTable, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 30 } }),
  );
  await ddb.send(new UpdateTimeToLiveCommand({ TableName: S.okTable, TimeToLiveSpecification: { Enabled: true, AttributeName: "expiresAt" } }));
}

async function seedStreams(endpoint: string, region: string): Promise<void> {
  // The Kinesis client speaks HTTP/2 by default, which moto does not.
  const kinesis = new KinesisClient({ ...seedConfig(endpoint, region), requestHandler: new NodeHttpHandler() });
  for (const [name, tags] of [[S.okStream, RESTRICTED], [S.badStream, CONFIDENTIAL]] as const) {
    await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
    await kinesis.send(new AddTagsToStreamCommand({ StreamName: name, Tags: { ...tags } }));
  }
  await kinesis.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: S.badStream, RetentionPeriodHours: 8760 }));
}

async function seedQueues(endpoint: string, region: string): Promise<void> {
  const sqs = new SQSClient(seedConfig(endpoint, region));
  await sqs.send(new CreateQueueCommand({ QueueName: S.okQueue, Attributes: { MessageRetentionPeriod: "86400" }, tags: { ...RESTRICTED } }));
  await sqs.send(new CreateQueueCommand({ QueueName: S.badQueue, Attributes: { MessageRetentionPeriod: "1209600" }, tags: { ...CONFIDENTIAL } }));
}

async function seedLogGroups(endpoint: string, region: string): Promise<void> {
  const logs = new CloudWatchLogsClient(seedConfig(endpoint, region));
  await logs.send(new CreateLogGroupCommand({ logGroupName: S.okLogGroup, tags: { ...RESTRICTED } }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: S.okLogGroup, retentionInDays: 30 }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: S.badLogGroup, tags: { ...CONFIDENTIAL } }));
}

async function seedVaults(endpoint: string, region: string): Promise<void> {
  const backup = new BackupClient(seedConfig(endpoint, region));
  await backup.send(new CreateBackupVaultCommand({ BackupVaultName: S.okVault, BackupVaultTags: { ...RESTRICTED } }));
  await backup.send(new PutBackupVaultLockConfigurationCommand({ BackupVaultName: S.okVault, MinRetentionDays: 7, MaxRetentionDays: 365, ChangeableForDays: 3 }));
  await backup.send(new CreateBackupVaultCommand({ BackupVaultName: S.badVault, BackupVaultTags: { ...CONFIDENTIAL } }));
}

export async function seedHygieneServices(endpoint: string, region: string): Promise<void> {
  await seedTables(endpoint, region);
  await seedStreams(endpoint, region);
  await seedQueues(endpoint, region);
  await seedLogGroups(endpoint, region);
  await seedVaults(endpoint, region);
}
