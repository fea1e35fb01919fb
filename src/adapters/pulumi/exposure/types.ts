import type { ResourcePolicyService } from "../../../models/exposure";

/** Resource type tokens read for public access (`@pulumi/aws` v6 and v7, and aws-native where noted). */
export const X = {
  bucket: "aws:s3/bucket:Bucket",
  bucketV2: "aws:s3/bucketV2:BucketV2",
  nativeBucket: "aws-native:s3:Bucket",
  bucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  accountPublicAccessBlock: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
  bucketAcl: "aws:s3/bucketAcl:BucketAcl",
  bucketAclV2: "aws:s3/bucketAclV2:BucketAclV2",
  bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
  nativeBucketPolicy: "aws-native:s3:BucketPolicy",
  kmsKey: "aws:kms/key:Key",
  kmsReplicaKey: "aws:kms/replicaKey:ReplicaKey",
  kmsExternalKey: "aws:kms/externalKey:ExternalKey",
  kmsReplicaExternalKey: "aws:kms/replicaExternalKey:ReplicaExternalKey",
  nativeKmsKey: "aws-native:kms:Key",
  kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
  queue: "aws:sqs/queue:Queue",
  queuePolicy: "aws:sqs/queuePolicy:QueuePolicy",
  topic: "aws:sns/topic:Topic",
  topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
  secret: "aws:secretsmanager/secret:Secret",
  secretPolicy: "aws:secretsmanager/secretPolicy:SecretPolicy",
  table: "aws:dynamodb/table:Table",
  tableResourcePolicy: "aws:dynamodb/resourcePolicy:ResourcePolicy",
  opensearchDomain: "aws:opensearch/domain:Domain",
  opensearchDomainPolicy: "aws:opensearch/domainPolicy:DomainPolicy",
  elasticsearchDomain: "aws:elasticsearch/domain:Domain",
  elasticsearchDomainPolicy: "aws:elasticsearch/domainPolicy:DomainPolicy",
  efsFileSystem: "aws:efs/fileSystem:FileSystem",
  efsFileSystemPolicy: "aws:efs/fileSystemPolicy:FileSystemPolicy",
  backupVault: "aws:backup/vault:Vault",
  backupVaultPolicy: "aws:backup/vaultPolicy:VaultPolicy",
  ebsSnapshot: "aws:ebs/snapshot:Snapshot",
  ebsSnapshotCopy: "aws:ebs/snapshotCopy:SnapshotCopy",
  ebsSnapshotImport: "aws:ebs/snapshotImport:SnapshotImport",
  ebsVolume: "aws:ebs/volume:Volume",
  snapshotCreateVolumePermission: "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission",
  ami: "aws:ec2/ami:Ami",
  amiCopy: "aws:ec2/amiCopy:AmiCopy",
  amiFromInstance: "aws:ec2/amiFromInstance:AmiFromInstance",
  amiLaunchPermission: "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
  ec2Instance: "aws:ec2/instance:Instance",
  rdsInstance: "aws:rds/instance:Instance",
  rdsCluster: "aws:rds/cluster:Cluster",
  rdsSnapshot: "aws:rds/snapshot:Snapshot",
  rdsClusterSnapshot: "aws:rds/clusterSnapshot:ClusterSnapshot",
  rdsSnapshotCopy: "aws:rds/snapshotCopy:SnapshotCopy",
  rdsClusterSnapshotCopy: "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
  rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
  neptuneCluster: "aws:neptune/cluster:Cluster",
  neptuneClusterInstance: "aws:neptune/clusterInstance:ClusterInstance",
  dmsReplicationInstance: "aws:dms/replicationInstance:ReplicationInstance",
  ecrRepository: "aws:ecr/repository:Repository",
  ecrRepositoryPolicy: "aws:ecr/repositoryPolicy:RepositoryPolicy",
  lambdaFunction: "aws:lambda/function:Function",
  lambdaPermission: "aws:lambda/permission:Permission",
  lambdaFunctionUrl: "aws:lambda/functionUrl:FunctionUrl",
  glacierVault: "aws:glacier/vault:Vault",
  logResourcePolicy: "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
  glueResourcePolicy: "aws:glue/resourcePolicy:ResourcePolicy",
  eventBus: "aws:cloudwatch/eventBus:EventBus",
  eventBusPolicy: "aws:cloudwatch/eventBusPolicy:EventBusPolicy",
  eventPermission: "aws:cloudwatch/eventPermission:EventPermission",
  restApi: "aws:apigateway/restApi:RestApi",
  restApiPolicy: "aws:apigateway/restApiPolicy:RestApiPolicy",
} as const;

const set = (...types: string[]): ReadonlySet<string> => new Set(types);

export const BUCKET_TYPES = set(X.bucket, X.bucketV2, X.nativeBucket);
export const KMS_KEY_TYPES = set(X.kmsKey, X.kmsReplicaKey, X.kmsExternalKey, X.kmsReplicaExternalKey, X.nativeKmsKey);
export const EBS_SNAPSHOT_TYPES = set(X.ebsSnapshot, X.ebsSnapshotCopy, X.ebsSnapshotImport);
export const AMI_TYPES = set(X.ami, X.amiCopy, X.amiFromInstance);
export const RDS_SNAPSHOT_TYPES = set(X.rdsSnapshot, X.rdsClusterSnapshot, X.rdsSnapshotCopy, X.rdsClusterSnapshotCopy);

/** A store or key type, the properties whose known values name it, and its policy service. */
export interface TargetType {
  readonly service: ResourcePolicyService;
  /** Properties whose known values identify the resource (name, id, ARN, URL). */
  readonly keys: readonly string[];
}

export const TARGET_TYPES: ReadonlyMap<string, TargetType> = new Map<string, TargetType>([
  [X.bucket, { service: "s3", keys: ["bucket", "id", "arn"] }],
  [X.bucketV2, { service: "s3", keys: ["bucket", "id", "arn"] }],
  [X.nativeBucket, { service: "s3", keys: ["bucketName", "id", "arn"] }],
  ...[...KMS_KEY_TYPES].map((t): [string, TargetType] => [t, { service: "kms", keys: ["keyId", "id", "arn"] }]),
  [X.queue, { service: "sqs", keys: ["url", "id", "arn", "name"] }],
  [X.topic, { service: "sns", keys: ["arn", "id"] }],
  [X.secret, { service: "secretsmanager", keys: ["arn", "id", "name"] }],
  [X.table, { service: "dynamodb", keys: ["arn", "name", "id"] }],
  [X.opensearchDomain, { service: "opensearch", keys: ["domainName", "arn", "id"] }],
  [X.elasticsearchDomain, { service: "opensearch", keys: ["domainName", "arn", "id"] }],
  [X.efsFileSystem, { service: "efs", keys: ["id", "arn"] }],
  [X.backupVault, { service: "backup", keys: ["name", "arn", "id"] }],
  [X.ecrRepository, { service: "ecr", keys: ["name", "arn", "repositoryUrl", "id"] }],
  [X.lambdaFunction, { service: "lambda", keys: ["name", "arn", "id"] }],
  [X.glacierVault, { service: "glacier", keys: ["name", "arn", "id"] }],
  [X.eventBus, { service: "events", keys: ["name", "arn", "id"] }],
  [X.restApi, { service: "apigateway", keys: ["id", "arn"] }],
]);

/** Resources governed by a resource policy that have no store or key model, and how messages name them. */
export const GOVERNED_LABELS: ReadonlyMap<string, string> = new Map([
  [X.ecrRepository, "ECR repository"],
  [X.lambdaFunction, "Lambda function"],
  [X.glacierVault, "Glacier vault"],
  [X.eventBus, "EventBridge event bus"],
  [X.restApi, "API Gateway REST API"],
]);

/** Types whose data a snapshot or image holds, joined to classify the copy; and the owners of cluster instances. */
export const SOURCE_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  [X.ebsVolume, ["id", "arn"]],
  [X.ec2Instance, ["id", "arn"]],
  [X.rdsInstance, ["identifier", "id", "arn"]],
  [X.rdsCluster, ["clusterIdentifier", "id", "arn"]],
  [X.neptuneCluster, ["clusterIdentifier", "id", "arn"]],
  ...[...EBS_SNAPSHOT_TYPES, ...AMI_TYPES].map((t): [string, readonly string[]] => [t, ["id", "arn"]]),
]);
