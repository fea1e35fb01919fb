// Round trip of `cdguard scan --format pulumi-state` for the store kinds beyond S3, EBS, EC2, RDS,
// DynamoDB, SQS, SNS, Secrets Manager and logs (pulumi-state.test.ts): EFS, ElastiCache, Redshift and
// Redshift Serverless, OpenSearch and Elasticsearch, DocumentDB, Neptune, RDS global clusters,
// snapshots and snapshot copies, Kinesis, Firehose, Backup vaults, MSK and EC2 launch templates.
// Recorded SDK answers (kinds-account.ts) through the scanner's sources, written as v7 resources, read
// back by the Pulumi adapter: every rule gives the same verdicts on both inventories.
import { describe, expect, it } from "vitest";
import { buildInventory } from "../../src/adapters/pulumi/inventory";
import { ACCOUNT, KEY_A_ARN, kindsAccount, OTHER_ACCOUNT, R, rdsArn } from "./kinds-account";
import { modelOf, only, roundTrip, ruleOf, scannedInventory, STATE_COMPARED_RULES } from "./round-trip";

const ENTRIES = {
  "customer-data-on-dedicated-subnets": { isolateDataSubnets: true },
  "resource-policies-grant-no-external-access": { ownAccountIds: [ACCOUNT] },
};

const inventory = scannedInventory(kindsAccount(), ACCOUNT);
const { written, state, engine, verdicts, judge, allScanned, scanned, fromState } = roundTrip(inventory, { project: "scan", stack: ACCOUNT, region: R }, ENTRIES);

const resource = (type: string, name: string) => {
  const r = state.deployment.resources.find((x) => x.type === type && x.urn.endsWith(`::${name}`));
  if (r === undefined) throw new Error(`no ${type} ${name} in the file`);
  return r;
};
const urnOf = (type: string, name: string): string => resource(type, name).urn;

/** Each model the scan judged, by the label messages give its kind: the kinds this file covers. */
const labelOf = new Map<string, string>([
  ...inventory.stores.map((s) => [s.ref.id, s.ref.label] as const),
  ...[...(inventory.exposures ?? [])].flatMap(([id, e]) => (e.resource ? [[id, e.resource.ref.label] as const] : [])),
]);
const KINDS = [
  "EFS file system",
  "ElastiCache replication group",
  "ElastiCache cluster",
  "ElastiCache serverless cache",
  "Redshift cluster",
  "Redshift Serverless namespace",
  "OpenSearch domain",
  "Elasticsearch domain",
  "DocumentDB cluster",
  "Neptune cluster",
  "RDS global cluster",
  "RDS snapshot",
  "RDS cluster snapshot",
  "RDS snapshot copy",
  "RDS cluster snapshot copy",
  "Kinesis data stream",
  "Firehose delivery stream",
  "Backup vault",
  "Backup logically air-gapped vault",
  "MSK cluster",
  "MSK Serverless cluster",
  "EC2 launch template",
];

describe("the new kinds as v7 resources", () => {
  it("writes each kind with its v7 type token, and the resources that place it, name its key or carry its policy", () => {
    expect([...new Set(state.deployment.resources.map((r) => r.type))].sort()).toEqual([
      "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault",
      "aws:backup/vault:Vault",
      "aws:backup/vaultPolicy:VaultPolicy",
      "aws:docdb/cluster:Cluster",
      "aws:docdb/clusterInstance:ClusterInstance",
      "aws:ec2/defaultRouteTable:DefaultRouteTable",
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
      "aws:ec2/internetGateway:InternetGateway",
      "aws:ec2/launchTemplate:LaunchTemplate",
      "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
      "aws:ec2/routeTable:RouteTable",
      "aws:ec2/routeTableAssociation:RouteTableAssociation",
      "aws:ec2/securityGroup:SecurityGroup",
      "aws:ec2/subnet:Subnet",
      "aws:ec2/vpc:Vpc",
      "aws:efs/fileSystem:FileSystem",
      "aws:efs/fileSystemPolicy:FileSystemPolicy",
      "aws:efs/mountTarget:MountTarget",
      "aws:elasticache/cluster:Cluster",
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "aws:elasticache/serverlessCache:ServerlessCache",
      "aws:elasticache/subnetGroup:SubnetGroup",
      "aws:elasticsearch/domain:Domain",
      "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
      "aws:kinesis/stream:Stream",
      "aws:kms/key:Key",
      "aws:msk/cluster:Cluster",
      "aws:msk/serverlessCluster:ServerlessCluster",
      "aws:neptune/cluster:Cluster",
      "aws:neptune/clusterInstance:ClusterInstance",
      "aws:opensearch/domain:Domain",
      "aws:rds/cluster:Cluster",
      "aws:rds/clusterInstance:ClusterInstance",
      "aws:rds/clusterSnapshot:ClusterSnapshot",
      "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
      "aws:rds/globalCluster:GlobalCluster",
      "aws:rds/instance:Instance",
      "aws:rds/snapshot:Snapshot",
      "aws:rds/snapshotCopy:SnapshotCopy",
      "aws:rds/subnetGroup:SubnetGroup",
      "aws:redshift/cluster:Cluster",
      "aws:redshift/subnetGroup:SubnetGroup",
      "aws:redshiftserverless/namespace:Namespace",
      "aws:redshiftserverless/workgroup:Workgroup",
      "pulumi:providers:aws",
      "pulumi:pulumi:Stack",
    ]);
  });

  it("an EFS file system: one mount target per subnet, each with every security group the scan united, and its policy", () => {
    const fs = urnOf("aws:efs/fileSystem:FileSystem", "fs-0a");
    expect(resource("aws:efs/fileSystem:FileSystem", "fs-0a").inputs).toMatchObject({ encrypted: true, kmsKeyId: KEY_A_ARN });
    const targets = state.deployment.resources.filter((r) => r.type === "aws:efs/mountTarget:MountTarget" && r.inputs.fileSystemId === "fs-0a");
    expect(targets.map((t) => t.inputs)).toEqual([
      { fileSystemId: "fs-0a", subnetId: "subnet-a", securityGroups: ["sg-db", "sg-app"], region: R, id: "fs-0a-subnet-a" },
      { fileSystemId: "fs-0a", subnetId: "subnet-b", securityGroups: ["sg-db", "sg-app"], region: R, id: "fs-0a-subnet-b" },
    ]);
    expect(targets[0]?.propertyDependencies).toEqual({
      fileSystemId: [fs],
      subnetId: [urnOf("aws:ec2/subnet:Subnet", "subnet-a")],
      securityGroups: [urnOf("aws:ec2/securityGroup:SecurityGroup", "sg-db"), urnOf("aws:ec2/securityGroup:SecurityGroup", "sg-app")],
    });
    expect(resource("aws:efs/fileSystemPolicy:FileSystemPolicy", "fs-0b").propertyDependencies).toEqual({ fileSystemId: [urnOf("aws:efs/fileSystem:FileSystem", "fs-0b")] });
    // Under aws/elasticfilesystem: encrypted, naming no key.
    expect(resource("aws:efs/fileSystem:FileSystem", "fs-0c").inputs).not.toHaveProperty("kmsKeyId");
  });

  it("keys the Pulumi adapter would misread by ARN are written as v7 spells the service's default", () => {
    // Redshift encrypts without a key under an AWS-owned one: its AWS-managed key goes by alias. `encrypted` is a string in v7.
    expect(resource("aws:redshift/cluster:Cluster", "managed-dw").inputs).toMatchObject({ encrypted: "true", kmsKeyId: "alias/aws/redshift", publiclyAccessible: false, clusterSubnetGroupName: "rs-private" });
    expect(resource("aws:redshift/cluster:Cluster", "legacy-dw").inputs).toMatchObject({ encrypted: "false", publiclyAccessible: true });
    expect(resource("aws:kinesis/stream:Stream", "audit").inputs).toMatchObject({ encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" });
    expect(resource("aws:kinesis/stream:Stream", "raw-events").inputs).toMatchObject({ encryptionType: "NONE" });
    expect(resource("aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "orders-copy").inputs).toMatchObject({ kmsKeyId: "alias/aws/rds", sharedAccounts: [] });
    // Neptune's key property is kmsKeyArn; under aws/rds it names none.
    expect(resource("aws:neptune/cluster:Cluster", "graph").inputs).toMatchObject({ storageEncrypted: true, neptuneSubnetGroupName: "db-private" });
    expect(resource("aws:neptune/cluster:Cluster", "graph").inputs).not.toHaveProperty("kmsKeyArn");
    expect(resource("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "owned").inputs.serverSideEncryption).toEqual({ enabled: true, keyType: "AWS_OWNED_CMK" });
  });

  it("a secondary of a global datastore names it in globalReplicationGroupId: a replica, judged as one from the file too", () => {
    expect(resource("aws:elasticache/replicationGroup:ReplicationGroup", "sessions-replica").inputs).toMatchObject({ atRestEncryptionEnabled: false, globalReplicationGroupId: "ldgnf-sessions" });
    const verdict = `CDG-ENC-005 arn:aws:elasticache:${R}:${ACCOUNT}:replicationgroup:sessions-replica fail`;
    expect(scanned).toContain(verdict);
    expect(fromState).toContain(verdict);
  });

  it("placement in the shapes the Pulumi adapter reads: MSK brokers, OpenSearch VPC options, a Serverless workgroup", () => {
    expect(resource("aws:msk/cluster:Cluster", "public-events").inputs.brokerNodeGroupInfo).toEqual({
      clientSubnets: ["subnet-pub"],
      securityGroups: ["sg-open"],
      connectivityInfo: { publicAccess: { type: "SERVICE_PROVIDED_EIPS" } },
    });
    expect(resource("aws:opensearch/domain:Domain", "open-search").inputs).not.toHaveProperty("vpcOptions");
    expect(resource("aws:opensearch/domain:Domain", "search").inputs.vpcOptions).toEqual({ subnetIds: ["subnet-a"], securityGroupIds: ["sg-db"] });
    // Naming no subnets (the default VPC) or no security group (the VPC's default one) is written as naming none.
    expect(resource("aws:elasticache/serverlessCache:ServerlessCache", "scratch").inputs).not.toHaveProperty("subnetIds");
    expect(fromState).toContain(`CDG-NET-003 arn:aws:elasticache:${R}:${ACCOUNT}:serverlesscache:scratch fail`);
    expect(resource("aws:opensearch/domain:Domain", "logs-search").inputs.vpcOptions).toEqual({ subnetIds: ["subnet-b"], securityGroupIds: [] });
    // Naming no security group is judged as the VPC's default group (issue 11), in the scan and from the file alike.
    expect(fromState).toContain(`CDG-NET-002 arn:aws:es:${R}:${ACCOUNT}:domain/logs-search pass`);
    expect(scanned).toContain(`CDG-NET-002 arn:aws:es:${R}:${ACCOUNT}:domain/logs-search pass`);
    const workgroup = resource("aws:redshiftserverless/workgroup:Workgroup", "sandbox");
    expect(workgroup.inputs).toMatchObject({ namespaceName: "sandbox", publiclyAccessible: true, subnetIds: ["subnet-pub"], securityGroupIds: ["sg-open"] });
    expect(workgroup.propertyDependencies.namespaceName).toEqual([urnOf("aws:redshiftserverless/namespace:Namespace", "sandbox")]);
  });

  it("a launch template's EBS mappings with v7's string switches; snapshots with who may restore them", () => {
    expect(resource("aws:ec2/launchTemplate:LaunchTemplate", "batch").inputs.blockDeviceMappings).toEqual([
      { deviceName: "/dev/xvda", ebs: { encrypted: "true" } },
      { deviceName: "/dev/sdf", ebs: { encrypted: "false" } },
    ]);
    expect(resource("aws:rds/snapshot:Snapshot", "billing-daily").inputs).toMatchObject({ dbInstanceIdentifier: "billing", sharedAccounts: ["all"] });
    expect(resource("aws:rds/snapshot:Snapshot", "billing-daily").propertyDependencies).toEqual({ dbInstanceIdentifier: [urnOf("aws:rds/instance:Instance", "billing")] });
    expect(resource("aws:rds/snapshotCopy:SnapshotCopy", "billing-copy").inputs).toMatchObject({ kmsKeyId: KEY_A_ARN, sharedAccounts: [OTHER_ACCOUNT] });
  });

  it("each store's ARN, which the Pulumi adapter reads back from the file, is the scan's model id", () => {
    const stores = buildInventory(engine("analyzeStack")).stores;
    expect(stores.length).toBeGreaterThan(KINDS.length);
    expect(stores.map((s) => [s.ref.name, s.arn])).toEqual(stores.map((s) => [s.ref.name, written.origins.get(s.ref.id)]));
  });

  it("leaves out only what v7 properties cannot say or the Pulumi adapter cannot read back alike, saying why", () => {
    expect(written.omitted.map((o) => `${o.label} ${o.name}: ${o.reason}`)).toEqual([
      "RDS snapshot copy billing-copy-plain: RDS snapshot copy billing-copy-plain is not encrypted: a v7 copy naming no key keeps its source's encryption",
      "Firehose delivery stream from-clicks: Firehose delivery stream from-clicks keeps its data in its source, which the model does not name (v7 needs it in kinesisSourceConfiguration or mskSourceConfiguration)",
      "RDS cluster snapshot docs-weekly: RDS cluster snapshot docs-weekly is of DocumentDB cluster docs-internal, to which the Pulumi adapter does not join a aws:rds/clusterSnapshot:ClusterSnapshot",
    ]);
  });
});

describe("verdicts on the new kinds from the file equal the scanner's", () => {
  it("every kind is compared, each with a failure and a pass", () => {
    const statusesOf = (label: string) => new Set(scanned.filter((v) => labelOf.get(modelOf(v)) === label).map((v) => v.slice(v.lastIndexOf(" ") + 1)));
    for (const label of KINDS) expect([label, [...statusesOf(label)].filter((s) => s !== "not-assessed").sort()]).toEqual([label, ["fail", "pass"]]);
  });

  it("cluster instances are written and judged through their cluster's placement, which holds their public access", () => {
    expect(resource("aws:neptune/clusterInstance:ClusterInstance", "graph-public-1").inputs).toMatchObject({ clusterIdentifier: "graph-public", publiclyAccessible: true });
    expect(resource("aws:docdb/clusterInstance:ClusterInstance", "docs-1").inputs).toMatchObject({ clusterIdentifier: "docs" });
    expect(scanned.filter((v) => ["graph-public-1", "graph-1", "docs-1"].some((i) => modelOf(v) === rdsArn("db", i)))).toEqual([]);
    expect(scanned).toContain(`CDG-NET-001 ${rdsArn("cluster", "graph-public")} fail`);
  });

  it("every rule, on the Pulumi adapter's inventory of the whole file (the stack view)", () => {
    expect(fromState.filter((v) => written.omitted.some((o) => o.id === modelOf(v)))).toEqual([]);
    expect(allScanned.length - scanned.length).toBeGreaterThan(0);
    expect(fromState).toEqual(scanned);
    console.log(`pulumi-state round trip of the new kinds: ${scanned.length} verdicts compared (rule, resource, status), all equal`);
  });

  it("as `pulumi policy analyze --file` runs the pack: resource policies on each resource's inputs alone, stack policies on the outputs", () => {
    const resourceRules = STATE_COMPARED_RULES.filter((r) => r.scope === "resource");
    const stackRules = STATE_COMPARED_RULES.filter((r) => r.scope === "stack");
    const perResource = engine("analyze").flatMap((r) => judge(resourceRules, buildInventory([r])));
    const byPack = verdicts([...perResource, ...judge(stackRules, buildInventory(engine("analyzeStack")))]);
    // One resource alone cannot see what separate resources add to it: a file system is placed by its
    // mount targets and a Serverless namespace by its workgroups (alone: no placement, not judged); a
    // cluster's public access is its instances' (alone, each instance is judged and the cluster passes).
    const net001 = (model: string, status: string) => `CDG-NET-001 ${model} ${status}`;
    expect(only(byPack, scanned)).toEqual([
      net001(rdsArn("cluster", "graph-public"), "pass"),
      net001(rdsArn("db", "graph-1"), "pass"),
      net001(rdsArn("db", "graph-public-1"), "fail"),
      net001(rdsArn("db", "orders-1"), "pass"),
    ]);
    const efs = (id: string) => `arn:aws:elasticfilesystem:${R}:${ACCOUNT}:file-system/${id}`;
    const namespace = (id: string) => `arn:aws:redshift-serverless:${R}:${ACCOUNT}:namespace/${id}`;
    expect(only(scanned, byPack)).toEqual([
      net001(efs("fs-0a"), "pass"),
      net001(efs("fs-0b"), "pass"),
      net001(rdsArn("cluster", "graph-public"), "fail"),
      net001(namespace("ns-1"), "pass"),
      net001(namespace("ns-2"), "fail"),
    ]);
    expect(new Set(only(scanned, byPack).map(ruleOf))).toEqual(new Set(["CDG-NET-001"]));
  });
});
