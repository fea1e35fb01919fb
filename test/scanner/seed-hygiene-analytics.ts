import { CreateFileSystemCommand, EFSClient } from "@aws-sdk/client-efs";
import { CreateReplicationGroupCommand, ElastiCacheClient } from "@aws-sdk/client-elasticache";
import { CreateClusterV2Command, KafkaClient } from "@aws-sdk/client-kafka";
import { CreateClusterCommand as CreateMemoryDbClusterCommand, MemoryDBClient } from "@aws-sdk/client-memorydb";
import { CreateDomainCommand, OpenSearchClient } from "@aws-sdk/client-opensearch";
import { CreateClusterCommand, EnableLoggingCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { seedConfig } from "../support/aws-context";

const CONFIDENTIAL = [{ Key: "data-classification", Value: "confidential" }];
const RESTRICTED = [{ Key: "data-classification", Value: "restricted" }];

/**
 * One compliant (`hyg-ok-...`) and one non-compliant (`hyg-bad-...`) store per hygiene setting the
 * analytics group reads, seeded through the SDK. Limits of moto (the scanner reads these otherwise
 * from recorded answers): it answers require_ssl=false for every Redshift parameter group and keeps
 * 1 day of snapshots when asked for 0 (hyg-bad-dw is non-compliant by its logging and require_ssl), has no
 * ElastiCache Serverless, and its MSK listing cannot be read by the SDK (the MSK pair is seeded anyway).
 */
export async function seedHygieneAnalytics(endpoint: string, region: string): Promise<void> {
  const config = seedConfig(endpoint, region);

  const elasticache = new ElastiCacheClient(config);
  const cache = { ReplicationGroupDescription: "hygiene", Engine: "redis", CacheNodeType: "cache.t3.micro", AtRestEncryptionEnabled: true };
  await elasticache.send(
    new CreateReplicationGroupCommand({ ...cache, ReplicationGroupId: "hyg-ok-cache", TransitEncryptionEnabled: true, TransitEncryptionMode: "required", SnapshotRetentionLimit: 7, Tags: RESTRICTED }),
  );
  await elasticache.send(
    new CreateReplicationGroupCommand({ ...cache, ReplicationGroupId: "hyg-bad-cache", TransitEncryptionEnabled: true, TransitEncryptionMode: "preferred", SnapshotRetentionLimit: 0, Tags: CONFIDENTIAL }),
  );

  const memorydb = new MemoryDBClient(config);
  const memory = { NodeType: "db.t4g.small" };
  await memorydb.send(new CreateMemoryDbClusterCommand({ ...memory, ClusterName: "hyg-ok-memdb", ACLName: "hyg-acl", TLSEnabled: true, SnapshotRetentionLimit: 7, Tags: RESTRICTED }));
  await memorydb.send(new CreateMemoryDbClusterCommand({ ...memory, ClusterName: "hyg-bad-memdb", ACLName: "open-access", TLSEnabled: false, SnapshotRetentionLimit: 0, Tags: CONFIDENTIAL }));

  const opensearch = new OpenSearchClient(config);
  await opensearch.send(
    new CreateDomainCommand({
      DomainName: "hyg-ok-search",
      EngineVersion: "OpenSearch_2.11",
      EncryptionAtRestOptions: { Enabled: true },
      DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" },
      NodeToNodeEncryptionOptions: { Enabled: true },
      AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: false, MasterUserOptions: { MasterUserARN: "arn:aws:iam::123456789012:role/search-admin" } },
      LogPublishingOptions: { AUDIT_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: `arn:aws:logs:${region}:123456789012:log-group:hyg-ok-search-audit` } },
      TagList: RESTRICTED,
    }),
  );
  await opensearch.send(
    new CreateDomainCommand({
      DomainName: "hyg-bad-search",
      EngineVersion: "OpenSearch_2.11",
      DomainEndpointOptions: { EnforceHTTPS: false, TLSSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" },
      NodeToNodeEncryptionOptions: { Enabled: false },
      TagList: CONFIDENTIAL,
    }),
  );

  const redshift = new RedshiftClient(config);
  const warehouse = { NodeType: "ra3.xlplus", MasterUsername: "admin", MasterUserPassword: "Not-a-secret-1", Encrypted: true };
  await redshift.send(new CreateClusterCommand({ ...warehouse, ClusterIdentifier: "hyg-ok-dw", AutomatedSnapshotRetentionPeriod: 7, Tags: RESTRICTED }));
  await redshift.send(new EnableLoggingCommand({ ClusterIdentifier: "hyg-ok-dw", LogDestinationType: "cloudwatch", LogExports: ["connectionlog", "userlog", "useractivitylog"] }));
  await redshift.send(new CreateClusterCommand({ ...warehouse, ClusterIdentifier: "hyg-bad-dw", AutomatedSnapshotRetentionPeriod: 0, Tags: CONFIDENTIAL }));

  const efs = new EFSClient(config);
  await efs.send(new CreateFileSystemCommand({ CreationToken: "hyg-ok-files", Encrypted: true, Backup: true, Tags: [{ Key: "Name", Value: "hyg-ok-files" }, ...RESTRICTED] }));
  await efs.send(new CreateFileSystemCommand({ CreationToken: "hyg-bad-files", Encrypted: true, Backup: false, Tags: [{ Key: "Name", Value: "hyg-bad-files" }, ...CONFIDENTIAL] }));

  const kafka = new KafkaClient(config);
  const brokers = (clientBroker: "TLS" | "TLS_PLAINTEXT") => ({
    KafkaVersion: "3.6.0",
    NumberOfBrokerNodes: 2,
    BrokerNodeGroupInfo: { InstanceType: "kafka.m5.large", ClientSubnets: ["subnet-hyg-a", "subnet-hyg-b"] },
    EncryptionInfo: { EncryptionInTransit: { ClientBroker: clientBroker, InCluster: clientBroker === "TLS" } },
  });
  await kafka.send(new CreateClusterV2Command({ ClusterName: "hyg-ok-events", Provisioned: brokers("TLS"), Tags: { "data-classification": "restricted" } }));
  await kafka.send(new CreateClusterV2Command({ ClusterName: "hyg-bad-events", Provisioned: brokers("TLS_PLAINTEXT"), Tags: { "data-classification": "confidential" } }));
}
