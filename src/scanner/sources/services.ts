import { adaptBackup } from "../../adapters/aws/backup";
import { adaptDynamoDb } from "../../adapters/aws/dynamodb";
import { adaptFirehose } from "../../adapters/aws/firehose";
import { adaptKinesis } from "../../adapters/aws/kinesis";
import { adaptLogs } from "../../adapters/aws/logs";
import { adaptSecretsManager } from "../../adapters/aws/secretsmanager";
import { adaptSns } from "../../adapters/aws/sns";
import { adaptSqs } from "../../adapters/aws/sqs";
import { backupFetcher, type BackupAnswers } from "../../fetchers/aws/backup";
import { dynamodbFetcher, type DynamoDbAnswers } from "../../fetchers/aws/dynamodb";
import { firehoseFetcher, type FirehoseAnswers } from "../../fetchers/aws/firehose";
import { kinesisFetcher, type KinesisAnswers } from "../../fetchers/aws/kinesis";
import { logsFetcher, type LogsAnswers } from "../../fetchers/aws/logs";
import { secretsManagerFetcher, type SecretsManagerAnswers } from "../../fetchers/aws/secretsmanager";
import { snsFetcher, type SnsAnswers } from "../../fetchers/aws/sns";
import { sqsFetcher, type SqsAnswers } from "../../fetchers/aws/sqs";
import type { AnySource, Source } from "../source";

/**
 * Regional stores that are one resource each, with their resource policies where they carry one;
 * tables, queues, log groups, vaults and streams also give their hygiene settings.
 */

export const dynamodbSource: Source<DynamoDbAnswers> = {
  fetcher: dynamodbFetcher,
  feeds: ["stores", "resourcePolicies", "hygiene"],
  storeKinds: ["dynamodb-table"],
  adapt: adaptDynamoDb,
};

export const sqsSource: Source<SqsAnswers> = {
  fetcher: sqsFetcher,
  feeds: ["stores", "resourcePolicies", "hygiene"],
  storeKinds: ["sqs-queue"],
  adapt: adaptSqs,
};

export const snsSource: Source<SnsAnswers> = {
  fetcher: snsFetcher,
  feeds: ["stores", "resourcePolicies"],
  storeKinds: ["sns-topic"],
  adapt: adaptSns,
};

export const secretsManagerSource: Source<SecretsManagerAnswers> = {
  fetcher: secretsManagerFetcher,
  feeds: ["stores", "resourcePolicies"],
  storeKinds: ["secret"],
  adapt: adaptSecretsManager,
};

export const logsSource: Source<LogsAnswers> = {
  fetcher: logsFetcher,
  feeds: ["stores", "resourcePolicies", "hygiene"],
  storeKinds: ["log-group"],
  adapt: adaptLogs,
};

export const backupSource: Source<BackupAnswers> = {
  fetcher: backupFetcher,
  feeds: ["stores", "resourcePolicies", "hygiene"],
  storeKinds: ["backup-vault"],
  adapt: adaptBackup,
};

export const kinesisSource: Source<KinesisAnswers> = {
  fetcher: kinesisFetcher,
  feeds: ["stores", "hygiene"],
  storeKinds: ["kinesis-stream"],
  adapt: adaptKinesis,
};

export const firehoseSource: Source<FirehoseAnswers> = {
  fetcher: firehoseFetcher,
  feeds: ["stores"],
  storeKinds: ["firehose-delivery-stream"],
  adapt: adaptFirehose,
};

export const SERVICE_SOURCES: AnySource[] = [
  dynamodbSource,
  sqsSource,
  snsSource,
  secretsManagerSource,
  logsSource,
  backupSource,
  kinesisSource,
  firehoseSource,
];
