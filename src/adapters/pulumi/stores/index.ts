import type { StoreAdapter } from "../store-adapter";
import { backupAirGappedVault, backupVault } from "./backup";
import { docdbCluster } from "./docdb";
import { dynamodbNativeGlobalTable, dynamodbNativeTable, dynamodbTable, dynamodbTableReplica } from "./dynamodb";
import { ebsSnapshotCopy, ebsVolume } from "./ebs";
import { ec2Instance, ec2LaunchTemplate } from "./ec2";
import { logicalDatabase } from "./logical-database";
import { efsFileSystem } from "./efs";
import { elasticacheCluster, elasticacheReplicationGroup, elasticacheServerlessCache } from "./elasticache";
import { firehoseDeliveryStream, kinesisStream } from "./kinesis";
import { logGroup } from "./logs";
import { memorydbCluster } from "./memorydb";
import { mskCluster, mskServerlessCluster } from "./msk";
import { neptuneCluster } from "./neptune";
import { elasticsearchDomain, opensearchDomain } from "./opensearch";
import { rdsInstance, rdsNativeInstance } from "./rds";
import { rdsCluster, rdsGlobalCluster, rdsNativeCluster } from "./rds-cluster";
import { rdsClusterSnapshotCopy, rdsSnapshotCopy } from "./rds-snapshot";
import { redshiftCluster, redshiftServerlessNamespace } from "./redshift";
import { s3Bucket, s3NativeBucket } from "./s3";
import { secret } from "./secretsmanager";
import { snsTopic } from "./sns";
import { sqsQueue } from "./sqs";

/** Every data-store adapter; each type appears once. */
export const STORE_ADAPTERS: readonly StoreAdapter[] = [
  logicalDatabase,
  s3Bucket,
  s3NativeBucket,
  rdsInstance,
  rdsNativeInstance,
  rdsCluster,
  rdsNativeCluster,
  rdsGlobalCluster,
  rdsSnapshotCopy,
  rdsClusterSnapshotCopy,
  dynamodbTable,
  dynamodbTableReplica,
  dynamodbNativeTable,
  dynamodbNativeGlobalTable,
  ebsVolume,
  ebsSnapshotCopy,
  ec2Instance,
  ec2LaunchTemplate,
  efsFileSystem,
  redshiftCluster,
  redshiftServerlessNamespace,
  elasticacheReplicationGroup,
  elasticacheCluster,
  elasticacheServerlessCache,
  opensearchDomain,
  elasticsearchDomain,
  docdbCluster,
  neptuneCluster,
  sqsQueue,
  snsTopic,
  kinesisStream,
  firehoseDeliveryStream,
  logGroup,
  secret,
  backupVault,
  backupAirGappedVault,
  mskCluster,
  mskServerlessCluster,
  memorydbCluster,
];
