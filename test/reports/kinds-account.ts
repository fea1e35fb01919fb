// A recorded account holding every store kind the pulumi-state writer gained after S3, EBS, EC2, RDS,
// DynamoDB, SQS, SNS, Secrets Manager and logs: EFS, ElastiCache, Redshift (and Serverless), OpenSearch
// and Elasticsearch, DocumentDB, Neptune, RDS global clusters, snapshots and snapshot copies, Kinesis,
// Firehose, Backup vaults, MSK and EC2 launch templates. The SDK answers each fetcher gave, each kind
// compliant and not, placed in one VPC with a public and two private subnets.
import type { BackupVaultListMember } from "@aws-sdk/client-backup";
import type { AttachmentStatus, LaunchTemplateBlockDeviceMapping, RouteTable, SecurityGroup, Subnet } from "@aws-sdk/client-ec2";
import type { FileSystemDescription } from "@aws-sdk/client-efs";
import type { CacheCluster, CacheSubnetGroup, ReplicationGroup, ServerlessCache } from "@aws-sdk/client-elasticache";
import type { DeliveryStreamEncryptionConfiguration } from "@aws-sdk/client-firehose";
import type { Cluster as MskCluster } from "@aws-sdk/client-kafka";
import type { StreamDescriptionSummary } from "@aws-sdk/client-kinesis";
import type { KeyMetadata } from "@aws-sdk/client-kms";
import type { DomainStatus } from "@aws-sdk/client-opensearch";
import type { DBCluster, DBClusterSnapshot, DBInstance, DBSnapshot, DBSubnetGroup } from "@aws-sdk/client-rds";
import type { Cluster as RedshiftCluster, ClusterSubnetGroup } from "@aws-sdk/client-redshift";
import type { Workgroup } from "@aws-sdk/client-redshift-serverless";
import type { BackupAnswers, BackupVaultAnswers } from "../../src/fetchers/aws/backup";
import type { Ec2NetworkAnswers } from "../../src/fetchers/aws/ec2-network";
import type { Ec2StoreAnswers } from "../../src/fetchers/aws/ec2-stores";
import type { EfsAnswers, EfsFileSystemAnswer } from "../../src/fetchers/aws/efs";
import type { ElastiCacheAnswers } from "../../src/fetchers/aws/elasticache";
import type { FirehoseAnswers } from "../../src/fetchers/aws/firehose";
import type { MskAnswers } from "../../src/fetchers/aws/kafka";
import type { KinesisAnswers } from "../../src/fetchers/aws/kinesis";
import type { KmsAnswers, KmsKeyAnswers } from "../../src/fetchers/aws/kms";
import type { OpenSearchAnswers } from "../../src/fetchers/aws/opensearch";
import type { RdsDatabasesAnswer } from "../../src/fetchers/aws/rds-databases";
import type { RdsSnapshotsAnswer } from "../../src/fetchers/aws/rds-snapshots";
import type { RedshiftAnswers } from "../../src/fetchers/aws/redshift";
import type { RedshiftServerlessAnswers } from "../../src/fetchers/aws/redshift-serverless";
import { allow, doc, ok, tagList, type RecordedAnswer } from "./round-trip";

export const ACCOUNT = "111122223333";
export const OTHER_ACCOUNT = "444455556666";
export const R = "us-east-1";

const segment = (s: string) => ({ "data-classification": "restricted", "customer-segment": s });
const RESTRICTED = { "data-classification": "restricted" };
const CONFIDENTIAL = { "data-classification": "confidential" };
const INTERNAL = { "data-classification": "internal" };
const arnOf = (service: string, resource: string) => `arn:aws:${service}:${R}:${ACCOUNT}:${resource}`;
const own = (Action: string, Resource: string) => doc(allow(Action, Resource, { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }));
const anyone = (Action: string, Resource: string) => doc(allow(Action, Resource, { Principal: "*" }));

// ---- KMS: two customer keys (one per segment) and the AWS-managed keys services name by ARN. ----

export const keyArn = (id: string) => arnOf("kms", `key/${id}`);
const KEY_A = "0a0a0a0a-0000-4000-8000-00000000000a";
const KEY_B = "0b0b0b0b-0000-4000-8000-00000000000b";
const AWS_KEYS = { efs: "0e0e0e0e-0000-4000-8000-00000000000e", rds: "0c0c0c0c-0000-4000-8000-00000000000c", redshift: "0f0f0f0f-0000-4000-8000-00000000000f", backup: "0d0d0d0d-0000-4000-8000-00000000000d" };
export const KEY_A_ARN = keyArn(KEY_A);
const KEY_B_ARN = keyArn(KEY_B);
const awsKeyArn = (service: keyof typeof AWS_KEYS) => keyArn(AWS_KEYS[service]);

function customerKey(id: string, segmentOf: string): KmsKeyAnswers {
  const metadata = { KeyId: id, Arn: keyArn(id), KeyManager: "CUSTOMER", KeySpec: "SYMMETRIC_DEFAULT", KeyUsage: "ENCRYPT_DECRYPT", Origin: "AWS_KMS", KeyState: "Enabled", Enabled: true } as const;
  return {
    listed: { KeyId: id, KeyArn: keyArn(id) },
    metadata: ok(metadata as KeyMetadata),
    rotation: ok(true),
    policy: ok(own("kms:*", "*")),
    tags: ok([{ TagKey: "customer-segment", TagValue: segmentOf }]),
  };
}
const awsManagedKey = (id: string): KmsKeyAnswers => ({ listed: { KeyId: id, KeyArn: keyArn(id) }, metadata: ok({ KeyId: id, Arn: keyArn(id), KeyManager: "AWS" }) });

const KMS: KmsAnswers = {
  region: R,
  keys: ok([customerKey(KEY_A, "a"), customerKey(KEY_B, "b"), ...Object.values(AWS_KEYS).map(awsManagedKey)]),
  aliases: ok(Object.entries(AWS_KEYS).map(([service, id]) => ({ AliasName: `alias/aws/${service === "efs" ? "elasticfilesystem" : service}`, TargetKeyId: id }))),
};

// ---- The network: subnet-pub routes to an internet gateway; subnet-a and subnet-b are private. ----

const VPC = "vpc-0a";
const subnet = (SubnetId: string, CidrBlock: string, MapPublicIpOnLaunch: boolean): Subnet => ({ SubnetId, VpcId: VPC, CidrBlock, AvailabilityZone: "us-east-1a", MapPublicIpOnLaunch, OwnerId: ACCOUNT });
const LOCAL = { DestinationCidrBlock: "10.0.0.0/16", GatewayId: "local", State: "active" } as const;
const associated = { AssociationState: { State: "associated" } } as const;
const table = (RouteTableId: string, Routes: RouteTable["Routes"], Associations: RouteTable["Associations"]): RouteTable => ({ RouteTableId, VpcId: VPC, OwnerId: ACCOUNT, Routes, Associations });
const sg = (GroupId: string, GroupName: string, IpPermissions: SecurityGroup["IpPermissions"]): SecurityGroup => ({
  GroupId, GroupName, VpcId: VPC, OwnerId: ACCOUNT, IpPermissions, IpPermissionsEgress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
});

const NETWORK: Ec2NetworkAnswers = {
  region: R,
  vpcs: ok([{ VpcId: VPC, OwnerId: ACCOUNT, CidrBlock: "10.0.0.0/16", CidrBlockAssociationSet: [{ CidrBlock: "10.0.0.0/16", CidrBlockState: { State: "associated" } }], IsDefault: false }]),
  subnets: ok([subnet("subnet-pub", "10.0.0.0/24", true), subnet("subnet-a", "10.0.1.0/24", false), subnet("subnet-b", "10.0.2.0/24", false)]),
  routeTables: ok([
    table("rtb-main", [LOCAL], [{ Main: true, RouteTableAssociationId: "rtbassoc-main", ...associated }]),
    table("rtb-pub", [LOCAL, { DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-1", State: "active" }], [{ SubnetId: "subnet-pub", RouteTableAssociationId: "rtbassoc-pub", ...associated }]),
    table("rtb-priv", [LOCAL], [{ SubnetId: "subnet-a", RouteTableAssociationId: "rtbassoc-a", ...associated }, { SubnetId: "subnet-b", RouteTableAssociationId: "rtbassoc-b", ...associated }]),
  ]),
  internetGateways: ok([{ InternetGatewayId: "igw-1", OwnerId: ACCOUNT, Attachments: [{ VpcId: VPC, State: "available" as AttachmentStatus }] }]),
  egressOnlyInternetGateways: ok([]),
  natGateways: ok([]),
  securityGroups: ok([
    sg("sg-default", "default", [{ IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: "sg-default" }] }]),
    sg("sg-app", "app", [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "10.0.0.0/16" }] }]),
    sg("sg-db", "db", [{ IpProtocol: "tcp", FromPort: 0, ToPort: 65535, UserIdGroupPairs: [{ GroupId: "sg-app" }] }]),
    sg("sg-open", "open", [{ IpProtocol: "tcp", FromPort: 0, ToPort: 65535, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }]),
  ]),
  prefixLists: ok([]),
  networkAcls: ok([]),
  vpcEndpoints: ok([]),
  peerings: ok([]),
  transitGatewayAttachments: ok([]),
};

// ---- EFS: a private file system under a customer key; a public, unencrypted one; one under aws/elasticfilesystem without mount targets. ----

const fsArn = (id: string) => arnOf("elasticfilesystem", `file-system/${id}`);
function fileSystem(id: string, over: Partial<FileSystemDescription>, mountTargets: [string, string[]][], policy?: string): EfsFileSystemAnswer {
  return {
    fileSystem: {
      OwnerId: ACCOUNT, CreationToken: id, FileSystemId: id, FileSystemArn: fsArn(id), CreationTime: new Date(0), LifeCycleState: "available",
      NumberOfMountTargets: mountTargets.length, SizeInBytes: { Value: 0 }, PerformanceMode: "generalPurpose", Tags: [], ...over,
    },
    policy: ok(policy),
    mountTargets: ok(mountTargets.map(([SubnetId, groups], i) => ({ mountTarget: { MountTargetId: `fsmt-${id}-${i}`, FileSystemId: id, SubnetId, LifeCycleState: "available" }, securityGroups: ok(groups) }))),
  };
}
const EFS: EfsAnswers = {
  region: R,
  fileSystems: ok([
    fileSystem("fs-0a", { Encrypted: true, KmsKeyId: KEY_A_ARN, Tags: tagList(segment("a")) }, [["subnet-a", ["sg-db"]], ["subnet-b", ["sg-db", "sg-app"]]], own("elasticfilesystem:ClientMount", fsArn("fs-0a"))),
    fileSystem("fs-0b", { Encrypted: false, Tags: tagList(CONFIDENTIAL) }, [["subnet-pub", ["sg-open"]]], anyone("elasticfilesystem:ClientMount", fsArn("fs-0b"))),
    fileSystem("fs-0c", { Encrypted: true, KmsKeyId: awsKeyArn("efs"), Tags: tagList(RESTRICTED) }, []),
  ]),
};

// ---- ElastiCache: groups placed by their member clusters, a standalone Memcached cluster, serverless caches. ----

const cacheArn = (resource: string) => arnOf("elasticache", resource);
const cacheGroup = (CacheSubnetGroupName: string, subnets: string[]): CacheSubnetGroup => ({
  CacheSubnetGroupName, ARN: cacheArn(`subnetgroup:${CacheSubnetGroupName}`), VpcId: VPC, Subnets: subnets.map((SubnetIdentifier) => ({ SubnetIdentifier })),
});
const member = (CacheClusterId: string, ReplicationGroupId: string | undefined, CacheSubnetGroupName: string, group: string, over: Partial<CacheCluster> = {}): CacheCluster => ({
  CacheClusterId, ARN: cacheArn(`cluster:${CacheClusterId}`), Engine: "redis", CacheSubnetGroupName, SecurityGroups: [{ SecurityGroupId: group, Status: "active" }], ...(ReplicationGroupId ? { ReplicationGroupId } : {}), ...over,
});
const replicationGroup = (ReplicationGroupId: string, over: Partial<ReplicationGroup>): ReplicationGroup => ({ ReplicationGroupId, ARN: cacheArn(`replicationgroup:${ReplicationGroupId}`), Engine: "redis", ...over });
const serverless = (ServerlessCacheName: string, over: Partial<ServerlessCache>): ServerlessCache => ({ ServerlessCacheName, ARN: cacheArn(`serverlesscache:${ServerlessCacheName}`), Engine: "valkey", ...over });
const tagged = <T>(resource: T, tags: Record<string, string>) => ({ resource, tags: ok(tagList(tags)) });

const ELASTICACHE: ElastiCacheAnswers = {
  region: R,
  subnetGroups: ok([cacheGroup("cache-private", ["subnet-a", "subnet-b"]), cacheGroup("cache-public", ["subnet-pub"])]),
  replicationGroups: ok([
    tagged(replicationGroup("sessions", { AtRestEncryptionEnabled: true, KmsKeyId: KEY_A_ARN }), segment("a")),
    tagged(replicationGroup("legacy-cache", { AtRestEncryptionEnabled: false }), CONFIDENTIAL),
    tagged(replicationGroup("jobs-cache", { AtRestEncryptionEnabled: true }), RESTRICTED),
    // A secondary of a global datastore: a replica of its primary, elsewhere.
    tagged(replicationGroup("sessions-replica", { AtRestEncryptionEnabled: false, GlobalReplicationGroupInfo: { GlobalReplicationGroupId: "ldgnf-sessions", GlobalReplicationGroupMemberRole: "SECONDARY" } }), segment("a")),
  ]),
  cacheClusters: ok([
    { resource: member("sessions-001", "sessions", "cache-private", "sg-db") },
    { resource: member("sessions-002", "sessions", "cache-private", "sg-db") },
    { resource: member("legacy-cache-001", "legacy-cache", "cache-public", "sg-open") },
    { resource: member("jobs-cache-001", "jobs-cache", "cache-private", "sg-db") },
    { resource: member("sessions-replica-001", "sessions-replica", "cache-private", "sg-db") },
    tagged(member("memo", undefined, "cache-private", "sg-db", { Engine: "memcached" }), CONFIDENTIAL),
  ]),
  serverlessCaches: ok([
    tagged(serverless("tokens", { SubnetIds: ["subnet-a"], SecurityGroupIds: ["sg-db"] }), RESTRICTED),
    tagged(serverless("tokens-b", { KmsKeyId: KEY_B_ARN, SubnetIds: ["subnet-b"], SecurityGroupIds: ["sg-db"] }), segment("b")),
    // No subnets named: the default VPC.
    tagged(serverless("scratch", { SecurityGroupIds: ["sg-db"] }), CONFIDENTIAL),
  ]),
};

// ---- Redshift: a private cluster under a customer key, a public unencrypted one, one under aws/redshift; Serverless placed by workgroups. ----

const rsGroup = (ClusterSubnetGroupName: string, subnets: string[]): ClusterSubnetGroup => ({ ClusterSubnetGroupName, VpcId: VPC, Subnets: subnets.map((SubnetIdentifier) => ({ SubnetIdentifier })) });
const warehouse = (ClusterIdentifier: string, over: Partial<RedshiftCluster>, group: string, tags: Record<string, string>): RedshiftCluster => ({
  ClusterIdentifier, ClusterSubnetGroupName: group, VpcSecurityGroups: [{ VpcSecurityGroupId: group === "rs-public" ? "sg-open" : "sg-db", Status: "active" }], Tags: tagList(tags), ...over,
});
const REDSHIFT: RedshiftAnswers = {
  region: R,
  subnetGroups: ok([rsGroup("rs-private", ["subnet-a", "subnet-b"]), rsGroup("rs-public", ["subnet-pub"])]),
  clusters: ok([
    warehouse("warehouse", { Encrypted: true, KmsKeyId: KEY_A_ARN, PubliclyAccessible: false }, "rs-private", segment("a")),
    warehouse("legacy-dw", { Encrypted: false, PubliclyAccessible: true }, "rs-public", CONFIDENTIAL),
    warehouse("managed-dw", { Encrypted: true, KmsKeyId: awsKeyArn("redshift"), PubliclyAccessible: false }, "rs-private", RESTRICTED),
  ]),
};

const workgroup = (workgroupName: string, namespaceName: string, subnets: string[], group: string, publiclyAccessible: boolean): Workgroup => ({
  workgroupName, namespaceName, subnetIds: subnets, securityGroupIds: [group], publiclyAccessible,
});
const REDSHIFT_SERVERLESS: RedshiftServerlessAnswers = {
  region: R,
  namespaces: ok([
    { namespace: { namespaceName: "analytics", namespaceArn: arnOf("redshift-serverless", "namespace/ns-1"), kmsKeyId: KEY_B_ARN }, tags: ok([{ key: "data-classification", value: "restricted" }, { key: "customer-segment", value: "b" }]) },
    { namespace: { namespaceName: "sandbox", namespaceArn: arnOf("redshift-serverless", "namespace/ns-2"), kmsKeyId: "AWS_OWNED_KMS_KEY" }, tags: ok([{ key: "data-classification", value: "confidential" }]) },
  ]),
  workgroups: ok([workgroup("analytics-wg", "analytics", ["subnet-b"], "sg-db", false), workgroup("sandbox-wg", "sandbox", ["subnet-pub"], "sg-open", true)]),
};

// ---- OpenSearch: a private domain under a customer key; a public unencrypted one open to anyone; an Elasticsearch domain in the public subnet. ----

const domainArn = (name: string) => arnOf("es", `domain/${name}`);
const domain = (name: string, over: Partial<DomainStatus>, tags: Record<string, string>) => ({
  name,
  status: ok({ DomainId: `${ACCOUNT}/${name}`, DomainName: name, ARN: domainArn(name), EngineVersion: "OpenSearch_2.11", ClusterConfig: {}, ...over }),
  tags: ok(tagList(tags)),
});
const OPENSEARCH: OpenSearchAnswers = {
  region: R,
  domains: ok([
    domain("search", { EncryptionAtRestOptions: { Enabled: true, KmsKeyId: KEY_A_ARN }, VPCOptions: { VPCId: VPC, SubnetIds: ["subnet-a"], SecurityGroupIds: ["sg-db"] }, AccessPolicies: own("es:ESHttpGet", `${domainArn("search")}/*`) }, segment("a")),
    domain("open-search", { EncryptionAtRestOptions: { Enabled: false }, AccessPolicies: anyone("es:ESHttpGet", `${domainArn("open-search")}/*`) }, CONFIDENTIAL),
    // No security group named: the VPC's default group.
    domain("logs-search", { EncryptionAtRestOptions: { Enabled: true, KmsKeyId: KEY_A_ARN }, VPCOptions: { VPCId: VPC, SubnetIds: ["subnet-b"] } }, CONFIDENTIAL),
    domain("legacy-es", { EngineVersion: "Elasticsearch_7.10", EncryptionAtRestOptions: { Enabled: true }, VPCOptions: { VPCId: VPC, SubnetIds: ["subnet-pub"], SecurityGroupIds: ["sg-open"] } }, RESTRICTED),
  ]),
};

// ---- The RDS API: DocumentDB and Neptune clusters and their instances, an Aurora cluster and an instance with snapshots, global clusters. ----

export const rdsArn = (type: string, id: string) => arnOf("rds", `${type}:${id}`);
const dbGroup = (name: string, subnets: string[]): DBSubnetGroup => ({ DBSubnetGroupName: name, DBSubnetGroupArn: rdsArn("subgrp", name), VpcId: VPC, Subnets: subnets.map((SubnetIdentifier) => ({ SubnetIdentifier })) });
const PRIVATE_GROUP = dbGroup("db-private", ["subnet-a", "subnet-b"]);
const PUBLIC_GROUP = dbGroup("db-public", ["subnet-pub"]);
const cluster = (id: string, Engine: string, over: Partial<DBCluster>, tags: Record<string, string>): DBCluster => ({
  DBClusterIdentifier: id, DBClusterArn: rdsArn("cluster", id), Engine, DBSubnetGroup: "db-private", VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-db" }], TagList: tagList(tags), ...over,
});
const instance = (id: string, Engine: string, over: Partial<DBInstance>): DBInstance => ({
  DBInstanceIdentifier: id, DBInstanceArn: rdsArn("db", id), Engine, DBSubnetGroup: PRIVATE_GROUP, VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-db" }], PubliclyAccessible: false, ...over,
});
const PUBLIC_DB = { DBSubnetGroup: "db-public", VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-open" }] };
const globalCluster = (id: string, StorageEncrypted: boolean) => ({
  GlobalClusterIdentifier: id, GlobalClusterArn: `arn:aws:rds::${ACCOUNT}:global-cluster:${id}`, StorageEncrypted, GlobalClusterMembers: [{ DBClusterArn: rdsArn("cluster", "orders"), IsWriter: true }],
});

const RDS: RdsDatabasesAnswer = {
  region: R,
  subnetGroups: ok([PRIVATE_GROUP, PUBLIC_GROUP]),
  clusters: ok([
    cluster("docs", "docdb", { StorageEncrypted: true, KmsKeyId: KEY_A_ARN }, segment("a")),
    cluster("docs-legacy", "docdb", { StorageEncrypted: false, ...PUBLIC_DB }, CONFIDENTIAL),
    cluster("docs-internal", "docdb", { StorageEncrypted: true, KmsKeyId: KEY_B_ARN }, INTERNAL),
    cluster("graph", "neptune", { StorageEncrypted: true, KmsKeyId: awsKeyArn("rds") }, segment("b")),
    cluster("graph-public", "neptune", { StorageEncrypted: false, ...PUBLIC_DB }, CONFIDENTIAL),
    cluster("orders", "aurora-postgresql", { StorageEncrypted: true, KmsKeyId: KEY_A_ARN }, segment("a")),
  ]),
  instances: ok([
    instance("docs-1", "docdb", { DBClusterIdentifier: "docs" }),
    instance("graph-1", "neptune", { DBClusterIdentifier: "graph" }),
    instance("graph-public-1", "neptune", { DBClusterIdentifier: "graph-public", PubliclyAccessible: true, DBSubnetGroup: PUBLIC_GROUP }),
    instance("orders-1", "aurora-postgresql", { DBClusterIdentifier: "orders" }),
    instance("billing", "postgres", { StorageEncrypted: true, KmsKeyId: KEY_A_ARN, TagList: tagList(segment("a")) }),
  ]),
  globalClusters: ok([{ ...globalCluster("orders-global", true), TagList: tagList(segment("a")) }, { ...globalCluster("orders-global-plain", false), TagList: tagList(CONFIDENTIAL) }]),
};

const restore = (...AttributeValues: string[]) => ok([{ AttributeName: "restore", AttributeValues }]);
const dbSnapshot = (id: string, over: Partial<DBSnapshot>): DBSnapshot => ({ DBSnapshotIdentifier: id, DBSnapshotArn: rdsArn("snapshot", id), DBInstanceIdentifier: "billing", Encrypted: true, KmsKeyId: KEY_A_ARN, ...over });
const clusterSnapshot = (id: string, over: Partial<DBClusterSnapshot>): DBClusterSnapshot => ({
  DBClusterSnapshotIdentifier: id, DBClusterSnapshotArn: rdsArn("cluster-snapshot", id), DBClusterIdentifier: "orders", StorageEncrypted: true, KmsKeyId: KEY_A_ARN, ...over,
});
const fromEurope = (type: string, id: string) => `arn:aws:rds:eu-west-1:${ACCOUNT}:${type}:${id}`;

const RDS_SNAPSHOTS: RdsSnapshotsAnswer = {
  region: R,
  snapshots: ok([
    { snapshot: dbSnapshot("billing-daily", {}), attributes: restore("all") },
    { snapshot: dbSnapshot("billing-weekly", {}), attributes: restore() },
    { snapshot: dbSnapshot("billing-copy", { SourceDBSnapshotIdentifier: fromEurope("snapshot", "billing-eu"), TagList: tagList(segment("a")) }), attributes: restore(OTHER_ACCOUNT) },
    { snapshot: dbSnapshot("billing-copy-plain", { SourceDBSnapshotIdentifier: fromEurope("snapshot", "billing-eu"), Encrypted: false, KmsKeyId: undefined, TagList: tagList(CONFIDENTIAL) }), attributes: restore() },
  ]),
  clusterSnapshots: ok([
    { snapshot: clusterSnapshot("orders-weekly", {}), attributes: restore() },
    { snapshot: clusterSnapshot("orders-shared", {}), attributes: restore(OTHER_ACCOUNT) },
    // Its classification is its internal cluster's, which the Pulumi adapter does not join it to.
    { snapshot: clusterSnapshot("docs-weekly", { DBClusterIdentifier: "docs-internal" }), attributes: restore("all") },
    { snapshot: clusterSnapshot("orders-copy", { SourceDBClusterSnapshotArn: fromEurope("cluster-snapshot", "orders-eu"), KmsKeyId: awsKeyArn("rds"), TagList: tagList(RESTRICTED) }), attributes: restore() },
  ]),
};

// ---- Kinesis and Firehose. ----

const streamArn = (name: string) => arnOf("kinesis", `stream/${name}`);
const stream = (name: string, over: Partial<StreamDescriptionSummary>, tags: Record<string, string>) => ({
  name,
  arn: streamArn(name),
  summary: ok({ StreamName: name, StreamARN: streamArn(name), StreamStatus: "ACTIVE", RetentionPeriodHours: 24, StreamCreationTimestamp: new Date(0), EnhancedMonitoring: [], OpenShardCount: 1, ...over } as StreamDescriptionSummary),
  tags: ok(tagList(tags)),
});
const KINESIS: KinesisAnswers = {
  region: R,
  streams: ok([
    stream("clicks", { EncryptionType: "KMS", KeyId: KEY_A_ARN }, segment("a")),
    stream("raw-events", { EncryptionType: "NONE" }, CONFIDENTIAL),
    stream("audit", { EncryptionType: "KMS", KeyId: "alias/aws/kinesis" }, RESTRICTED),
  ]),
};

const deliveryStream = (name: string, encryption: DeliveryStreamEncryptionConfiguration | undefined, tags: Record<string, string>, fromKinesis = false) => ({
  name,
  stream: ok({
    DeliveryStreamName: name,
    DeliveryStreamARN: arnOf("firehose", `deliverystream/${name}`),
    DeliveryStreamType: fromKinesis ? ("KinesisStreamAsSource" as const) : ("DirectPut" as const),
    ...(encryption ? { DeliveryStreamEncryptionConfiguration: encryption } : {}),
  }),
  tags: ok(tagList(tags)),
});
const FIREHOSE: FirehoseAnswers = {
  region: R,
  streams: ok([
    deliveryStream("to-lake", { Status: "ENABLED", KeyType: "CUSTOMER_MANAGED_CMK", KeyARN: KEY_A_ARN }, segment("a")),
    deliveryStream("to-logs", undefined, CONFIDENTIAL),
    deliveryStream("owned", { Status: "ENABLED", KeyType: "AWS_OWNED_CMK" }, RESTRICTED),
    deliveryStream("from-clicks", undefined, segment("a"), true),
  ]),
};

// ---- Backup: a vault under a customer key, one under aws/backup another account may copy into, logically air-gapped vaults. ----

const vaultArn = (name: string) => arnOf("backup", `backup-vault:${name}`);
const vault = (name: string, over: Partial<BackupVaultListMember>, tags: Record<string, string>, policy?: string): BackupVaultAnswers => ({
  vault: { BackupVaultName: name, BackupVaultArn: vaultArn(name), VaultType: "BACKUP_VAULT", ...over },
  policy: ok(policy),
  tags: ok(tags),
});
const AIR_GAPPED = { VaultType: "LOGICALLY_AIR_GAPPED_BACKUP_VAULT", EncryptionKeyType: "AWS_OWNED_KMS_KEY" } as const;
const BACKUP: BackupAnswers = {
  region: R,
  vaults: ok([
    vault("prod", { EncryptionKeyArn: KEY_A_ARN }, segment("a"), own("backup:DescribeBackupVault", vaultArn("prod"))),
    vault("default", { EncryptionKeyArn: awsKeyArn("backup") }, RESTRICTED, doc(allow("backup:CopyIntoBackupVault", "*", { Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` } }))),
    vault("airgap", AIR_GAPPED, CONFIDENTIAL),
    vault("airgap-shared", AIR_GAPPED, CONFIDENTIAL, anyone("backup:CopyIntoBackupVault", "*")),
  ]),
};

// ---- MSK: a private provisioned cluster under a customer key, a public one under aws/kafka, a serverless cluster. ----

const mskArn = (name: string, type = "cluster") => arnOf("kafka", `${type}/${name}/0f1e2d3c-aaaa-bbbb-cccc-000000000001-1`);
const provisioned = (name: string, key: string | undefined, subnets: string[], group: string, access: string, tags: Record<string, string>): MskCluster => ({
  ClusterName: name,
  ClusterArn: mskArn(name),
  ClusterType: "PROVISIONED",
  Tags: tags,
  Provisioned: {
    BrokerNodeGroupInfo: { InstanceType: "kafka.m5.large", ClientSubnets: subnets, SecurityGroups: [group], ConnectivityInfo: { PublicAccess: { Type: access } } },
    NumberOfBrokerNodes: subnets.length,
    ...(key ? { EncryptionInfo: { EncryptionAtRest: { DataVolumeKMSKeyId: key } } } : {}),
  },
});
const MSK: MskAnswers = {
  region: R,
  clusters: ok([
    provisioned("events", KEY_A_ARN, ["subnet-a", "subnet-b"], "sg-db", "DISABLED", segment("a")),
    provisioned("public-events", undefined, ["subnet-pub"], "sg-open", "SERVICE_PROVIDED_EIPS", CONFIDENTIAL),
    { ClusterName: "stream", ClusterArn: mskArn("stream", "serverless"), ClusterType: "SERVERLESS", Tags: RESTRICTED, Serverless: { VpcConfigs: [{ SubnetIds: ["subnet-b"], SecurityGroupIds: ["sg-db"] }] } },
  ]),
};

// ---- EC2 launch templates: EBS mappings under a customer key and aws/ebs, an unencrypted one, none at all. ----

const template = (id: string, name: string, tags: Record<string, string>, blockDeviceMappings: LaunchTemplateBlockDeviceMapping[]) => ({
  template: { LaunchTemplateId: id, LaunchTemplateName: name, Tags: tagList(tags) },
  defaultVersion: ok({ versionNumber: 1, blockDeviceMappings }),
});
const EC2_STORES: Ec2StoreAnswers = {
  region: R,
  volumes: ok([]),
  instances: ok([]),
  launchTemplates: ok([
    template("lt-0a", "web", segment("a"), [{ DeviceName: "/dev/xvda", Ebs: { Encrypted: true, KmsKeyId: KEY_A_ARN } }, { DeviceName: "/dev/sdb", VirtualName: "ephemeral0" }]),
    template("lt-0b", "batch", CONFIDENTIAL, [{ DeviceName: "/dev/xvda", Ebs: { Encrypted: true } }, { DeviceName: "/dev/sdf", Ebs: { Encrypted: false } }]),
    template("lt-0c", "bare", RESTRICTED, []),
  ]),
  encryptionByDefault: ok(false),
  defaultKmsKeyId: ok("alias/aws/ebs"),
};

/** Each fetcher's answer and the region it was asked in. */
export function kindsAccount(): RecordedAnswer[] {
  return [
    ["kms-keys", R, KMS],
    ["ec2-network", R, NETWORK],
    ["efs-file-systems", R, EFS],
    ["elasticache", R, ELASTICACHE],
    ["redshift-clusters", R, REDSHIFT],
    ["redshift-serverless-namespaces", R, REDSHIFT_SERVERLESS],
    ["opensearch-domains", R, OPENSEARCH],
    ["rds-databases", R, RDS],
    ["rds-snapshots", R, RDS_SNAPSHOTS],
    ["kinesis-streams", R, KINESIS],
    ["firehose-delivery-streams", R, FIREHOSE],
    ["backup-vaults", R, BACKUP],
    ["msk-clusters", R, MSK],
    ["ec2-stores", R, EC2_STORES],
  ];
}
