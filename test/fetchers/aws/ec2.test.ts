import {
  AcceptVpcPeeringConnectionCommand,
  AttachInternetGatewayCommand,
  AttachVolumeCommand,
  AuthorizeSecurityGroupIngressCommand,
  AssociateRouteTableCommand,
  CreateImageCommand,
  CreateInternetGatewayCommand,
  CreateLaunchTemplateCommand,
  CreateManagedPrefixListCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateSubnetCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  ModifySubnetAttributeCommand,
  RegisterImageCommand,
  RunInstancesCommand,
  type TagSpecification,
} from "@aws-sdk/client-ec2";
import { CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { beforeAll, describe, expect, it } from "vitest";
import { adaptEc2Images, adaptEc2Network, adaptEc2Stores } from "../../../src/adapters/aws/ec2";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import { isUnknown } from "../../../src/core/value";
import { ec2ImagesFetcher } from "../../../src/fetchers/aws/ec2-images";
import { ec2NetworkFetcher } from "../../../src/fetchers/aws/ec2-network";
import { ec2StoresFetcher } from "../../../src/fetchers/aws/ec2-stores";
import { kmsFetcher } from "../../../src/fetchers/aws/kms";
import type { Inventory } from "../../../src/models/inventory";
import type { NetworkGraph, Subnet } from "../../../src/models/network";
import { indexNetwork } from "../../../src/network/network-index";
import { routeTableOf } from "../../../src/network/route-table-of";
import { subnetIsPublic } from "../../../src/network/subnet-is-public";
import { vpcsJoined } from "../../../src/network/vpcs-joined";
import { dataStoreInPrivateSubnets } from "../../../src/rules/network/data-store-in-private-subnets";
import { dataStoreNotPubliclyAccessible } from "../../../src/rules/network/data-store-not-publicly-accessible";
import { snapshotsAndImagesSharedOnlyWithTrustedAccounts } from "../../../src/rules/network/snapshots-and-images-shared-only-with-trusted-accounts";
import { EC2_SOURCES } from "../../../src/scanner/sources/ec2";
import { storeNamed } from "../../adapters/aws/contributions";
import { run } from "../../helpers/models";
import { MOTO_ACCOUNT, scanContext, seedConfig } from "../../support/aws-context";
import { iamUser, policyDocument, whileIamEnforced } from "../../support/iam-user";
import { MOTO_SETUP_TIMEOUT, useMoto } from "../../support/moto/use-moto";
import { kmsAnswersContext } from "./emulator-fixtures";

const REGION = "us-east-1";
const AZ = `${REGION}a`;
const PARTNER = "111122223333";
const arn = (resource: string): string => `arn:aws:ec2:${REGION}:${MOTO_ACCOUNT}:${resource}`;
const tagged = (ResourceType: TagSpecification["ResourceType"], tags: Record<string, string>): TagSpecification[] => [
  { ResourceType, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
];

interface Seeded {
  cmk: string;
  vpc: string;
  peerVpc: string;
  publicSubnet: string;
  privateSubnet: string;
  igw: string;
  appSg: string;
  dbSg: string;
  prefixList: string;
  encryptedVolume: string;
  plainVolume: string;
  privateInstance: string;
  publicInstance: string;
  publicSnapshot: string;
  sharedSnapshot: string;
  image: string;
}

async function seed(endpoint: string): Promise<Seeded> {
  const config = seedConfig(endpoint, REGION);
  const ec2 = new EC2Client(config);
  const cmk = (await new KMSClient(config).send(new CreateKeyCommand({ Description: "ebs" }))).KeyMetadata?.Arn ?? "";

  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16", TagSpecifications: tagged("vpc", { "customer-segment": "acme" }) }))).Vpc?.VpcId ?? "";
  const subnet = async (cidr: string) => (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: cidr, AvailabilityZone: AZ }))).Subnet?.SubnetId ?? "";
  const publicSubnet = await subnet("10.0.1.0/24");
  const privateSubnet = await subnet("10.0.2.0/24");
  await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: publicSubnet, MapPublicIpOnLaunch: { Value: true } }));
  const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway?.InternetGatewayId ?? "";
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
  const publicTable = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc }))).RouteTable?.RouteTableId ?? "";
  await ec2.send(new CreateRouteCommand({ RouteTableId: publicTable, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igw }));
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicTable, SubnetId: publicSubnet }));
  const nat = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: publicSubnet, ConnectivityType: "private" }))).NatGateway?.NatGatewayId ?? "";
  const privateTable = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc }))).RouteTable?.RouteTableId ?? "";
  await ec2.send(new CreateRouteCommand({ RouteTableId: privateTable, DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: nat }));
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: privateTable, SubnetId: privateSubnet }));

  const prefixList =
    (await ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: "office", AddressFamily: "IPv4", MaxEntries: 5, Entries: [{ Cidr: "203.0.113.0/24" }] })))
      .PrefixList?.PrefixListId ?? "";
  const group = async (name: string) => (await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpc }))).GroupId ?? "";
  const appSg = await group("app");
  const dbSg = await group("db");
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: appSg,
      IpPermissions: [
        { IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] },
        { IpProtocol: "tcp", FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: prefixList }] },
      ],
    }),
  );
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: dbSg, IpPermissions: [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: appSg }] }] }));

  const peerVpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.1.0.0/16" }))).Vpc?.VpcId ?? "";
  const peering = (await ec2.send(new CreateVpcPeeringConnectionCommand({ VpcId: vpc, PeerVpcId: peerVpc }))).VpcPeeringConnection?.VpcPeeringConnectionId ?? "";
  await ec2.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: peering }));
  await ec2.send(new CreateRouteCommand({ RouteTableId: privateTable, DestinationCidrBlock: "10.1.0.0/16", VpcPeeringConnectionId: peering }));

  const restricted = { "data-classification": "restricted" };
  const volume = async (encrypted: boolean) =>
    (
      await ec2.send(
        new CreateVolumeCommand({
          AvailabilityZone: AZ,
          Size: 8,
          ...(encrypted ? { Encrypted: true, KmsKeyId: cmk } : {}),
          TagSpecifications: tagged("volume", restricted),
        }),
      )
    ).VolumeId ?? "";
  const encryptedVolume = await volume(true);
  const plainVolume = await volume(false);

  const baseImage = (await ec2.send(new RegisterImageCommand({ Name: "base", RootDeviceName: "/dev/xvda" }))).ImageId ?? "";
  // moto gives every AMI the root device /dev/sda1, and creates no root volume when mappings are given.
  const encryptedDevices = [
    { DeviceName: "/dev/sda1", Ebs: { VolumeSize: 8, Encrypted: true, KmsKeyId: cmk } },
    { DeviceName: "/dev/sdf", Ebs: { VolumeSize: 8, Encrypted: true, KmsKeyId: cmk } },
  ];
  const launch = async (subnetId: string, tags: Record<string, string>, encrypted: boolean) =>
    (
      await ec2.send(
        new RunInstancesCommand({
          ImageId: baseImage,
          MinCount: 1,
          MaxCount: 1,
          SubnetId: subnetId,
          SecurityGroupIds: [appSg],
          ...(encrypted ? { BlockDeviceMappings: encryptedDevices } : {}),
          TagSpecifications: tagged("instance", tags),
        }),
      )
    ).Instances?.[0]?.InstanceId ?? "";
  const privateInstance = await launch(privateSubnet, { ...restricted, "customer-segment": "acme" }, true);
  const publicInstance = await launch(publicSubnet, restricted, false);
  await ec2.send(new AttachVolumeCommand({ VolumeId: plainVolume, InstanceId: publicInstance, Device: "/dev/sdg" }));

  const template = (name: string, ebs: Record<string, unknown>) =>
    ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: name, LaunchTemplateData: { BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: ebs }] } }));
  await template("web-cmk", { Encrypted: true, KmsKeyId: cmk, VolumeSize: 8 });
  await template("web-unset", { VolumeSize: 8 });
  await template("web-default-key", { Encrypted: true, VolumeSize: 8 });

  const snapshot = async (volumeId: string) => (await ec2.send(new CreateSnapshotCommand({ VolumeId: volumeId }))).SnapshotId ?? "";
  const publicSnapshot = await snapshot(encryptedVolume);
  await ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: publicSnapshot, Attribute: "createVolumePermission", OperationType: "add", GroupNames: ["all"] }));
  const sharedSnapshot = await snapshot(plainVolume);
  await ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: sharedSnapshot, Attribute: "createVolumePermission", OperationType: "add", UserIds: [PARTNER] }));
  const image = (await ec2.send(new CreateImageCommand({ InstanceId: privateInstance, Name: "from-instance" }))).ImageId ?? "";
  await ec2.send(new ModifyImageAttributeCommand({ ImageId: image, LaunchPermission: { Add: [{ UserId: PARTNER }] } }));

  await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
  return { cmk, vpc, peerVpc, publicSubnet, privateSubnet, igw, appSg, dbSg, prefixList, encryptedVolume, plainVolume, privateInstance, publicInstance, publicSnapshot, sharedSnapshot, image };
}

interface Scanned {
  network: InventoryContribution;
  stores: InventoryContribution;
  images: InventoryContribution;
}

async function scan(endpoint: string, credentials?: { accessKeyId: string; secretAccessKey: string }): Promise<Scanned> {
  const { ctx } = scanContext(endpoint, REGION, credentials ? { credentials: async () => credentials } : {});
  const [network, stores, images, kms] = await Promise.all([ec2NetworkFetcher.fetch(ctx), ec2StoresFetcher.fetch(ctx), ec2ImagesFetcher.fetch(ctx), kmsFetcher.fetch(ctx)]);
  const adaptContext = kmsAnswersContext(kms);
  return { network: adaptEc2Network(network, adaptContext), stores: adaptEc2Stores(stores, adaptContext), images: adaptEc2Images(images, adaptContext) };
}

const graphOf = (c: InventoryContribution): NetworkGraph => c.network as NetworkGraph;
const subnetOf = (g: NetworkGraph, id: string): Subnet => {
  const s = g.subnets.find((x) => x.awsId === id);
  if (!s) throw new Error(`no subnet ${id}`);
  return s;
};
const publicOf = (g: NetworkGraph, id: string) => {
  const e = subnetIsPublic(indexNetwork(g), subnetOf(g, id));
  return isUnknown(e) ? `unknown:${e.reason}` : e.public;
};

/** The inventory a scan of this one region would judge. */
function inventoryOf(s: Scanned): Inventory {
  return {
    stores: [...(s.stores.stores ?? [])],
    keys: [],
    network: graphOf(s.network),
    placements: new Map(s.stores.placements),
    exposures: new Map(s.images.exposures),
    compute: s.stores.compute ?? [],
    tags: new Map([...(s.network.tags ?? []), ...(s.stores.tags ?? [])]),
  };
}

const moto = useMoto();
let seeded: Seeded;
let scanned: Scanned;

beforeAll(async () => {
  seeded = await seed(moto().endpoint);
  scanned = await scan(moto().endpoint);
}, MOTO_SETUP_TIMEOUT);

describe("EC2 fetchers and adapters against moto", () => {
  it("three sources list everything without a gap", () => {
    expect(EC2_SOURCES.map((s) => [s.fetcher.name, s.feeds])).toEqual([
      ["ec2-network", ["network", "tags"]],
      ["ec2-stores", ["stores", "placements", "compute", "tags"]],
      ["ec2-snapshots-and-images", ["exposures"]],
    ]);
    expect([...(scanned.network.gaps ?? []), ...(scanned.stores.gaps ?? []), ...(scanned.images.gaps ?? [])]).toEqual([]);
  });

  it("subnetIsPublic: the IGW-routed subnet is public, the NAT-routed one private", () => {
    const g = graphOf(scanned.network);
    expect(publicOf(g, seeded.publicSubnet)).toBe(true);
    expect(publicOf(g, seeded.privateSubnet)).toBe(false);
  });

  it("the default VPC is flagged, and its subnets use its main table", () => {
    const g = graphOf(scanned.network);
    const defaultVpc = g.vpcs.find((v) => v.isDefault);
    expect(defaultVpc?.ipv4Cidrs).toEqual(["172.31.0.0/16"]);
    const defaultSubnets = g.subnets.filter((s) => s.vpc === defaultVpc?.ref.id);
    expect(defaultSubnets.length).toBeGreaterThan(0);
    const net = indexNetwork(g);
    for (const s of defaultSubnets) expect(routeTableOf(net, s)).toMatchObject({ main: "default", vpc: defaultVpc?.ref.id });
    // moto creates no internet gateway for its default VPC (AWS does, with a 0.0.0.0/0 route in the
    // main table): "a default VPC's subnets are public" is covered by the recorded-answer test.
    for (const s of defaultSubnets) expect(publicOf(g, s.awsId ?? "")).toBe(false);
  });

  it("the graph joins by ARN: subnets to VPCs, routes to gateways, rules to groups and prefix lists", () => {
    const g = graphOf(scanned.network);
    expect(subnetOf(g, seeded.publicSubnet)).toMatchObject({ vpc: arn(`vpc/${seeded.vpc}`), mapPublicIpOnLaunch: true, ipv4Cidr: "10.0.1.0/24" });
    const igwRoute = g.routeTables.flatMap((t) => t.routes).find((r) => r.target.kind === "internet-gateway" && r.target.ref === arn(`internet-gateway/${seeded.igw}`));
    expect(igwRoute).toBeDefined();
    const app = g.securityGroups.find((x) => x.awsId === seeded.appSg);
    expect(app?.ingress.flatMap((r) => (isUnknown(r.peers) ? [] : r.peers))).toEqual(
      expect.arrayContaining([{ kind: "ipv4", cidr: "0.0.0.0/0" }, { kind: "prefix-list", prefixList: arn(`prefix-list/${seeded.prefixList}`) }]),
    );
    const db = g.securityGroups.find((x) => x.awsId === seeded.dbSg);
    expect(db?.ingress[0]).toMatchObject({ protocol: "tcp", fromPort: 5432, toPort: 5432, peers: [{ kind: "security-group", group: arn(`security-group/${seeded.appSg}`) }] });
    expect(g.prefixLists.find((l) => l.awsId === seeded.prefixList)).toMatchObject({ name: "office", entries: ["203.0.113.0/24"] });
    expect(vpcsJoined(indexNetwork(g)).map((j) => [j.via.kind, j.vpcs, j.routes.length])).toEqual([
      ["vpc-peering", [arn(`vpc/${seeded.vpc}`), arn(`vpc/${seeded.peerVpc}`)], 1],
    ]);
    expect(new Map(scanned.network.tags).get(arn(`vpc/${seeded.vpc}`))).toEqual({ "customer-segment": "acme" });
  });

  it("EBS volumes: a customer-managed key joined to the KMS answers, and one not encrypted", () => {
    expect(storeNamed(scanned.stores, seeded.encryptedVolume)).toMatchObject({
      kind: "ebs-volume",
      tags: { "data-classification": "restricted" },
      encryption: { enabled: true, keyManager: "customer-managed", keyId: seeded.cmk },
    });
    expect(storeNamed(scanned.stores, seeded.plainVolume).encryption).toMatchObject({ enabled: false });
  });

  it("instances: root and data volumes as parts, placement, compute and tags", () => {
    const i = storeNamed(scanned.stores, seeded.privateInstance);
    expect(i.parts.map((p) => p.name)).toEqual(["root volume", expect.stringMatching(/^block device \/dev\/sdf \(vol-/)]);
    expect(i.parts[1]?.encryption).toMatchObject({ enabled: true, keyManager: "customer-managed", keyId: seeded.cmk });
    expect(i.encryption).toMatchObject({ enabled: true, keyManager: "customer-managed", observed: "all 2 block devices encrypted" });
    const placements = new Map(scanned.stores.placements);
    expect(placements.get(arn(`instance/${seeded.privateInstance}`))).toMatchObject({
      publiclyAccessible: false,
      subnets: [seeded.privateSubnet],
      securityGroups: [seeded.appSg],
      inVpc: true,
    });
    expect(placements.get(arn(`instance/${seeded.publicInstance}`))?.publiclyAccessible).toBe(true);
    const pub = storeNamed(scanned.stores, seeded.publicInstance);
    expect(pub.parts.map((p) => p.name)).toContain(`block device /dev/sdg (${seeded.plainVolume})`);
    expect(pub.encryption).toMatchObject({ enabled: false });
    expect(scanned.stores.compute?.map((r) => r.id).sort()).toEqual([arn(`instance/${seeded.privateInstance}`), arn(`instance/${seeded.publicInstance}`)].sort());
    expect(new Map(scanned.stores.tags).get(arn(`instance/${seeded.privateInstance}`))).toMatchObject({ "customer-segment": "acme" });
  });

  it("launch templates: Encrypted=true without a key takes the account's default key, which moto cannot tell", () => {
    // moto does not implement GetEbsDefaultKmsKeyId: the key's manager is Unknown with the call's failure.
    const e = storeNamed(scanned.stores, "web-default-key").encryption;
    expect(e).toMatchObject({ enabled: true });
    expect(isUnknown(e) ? undefined : isUnknown(e.keyManager) ? [e.keyManager.reason, e.keyManager.detail] : e.keyManager).toEqual(["error", expect.stringContaining("ec2:GetEbsDefaultKmsKeyId")]);
  });

  it("launch templates: a customer-managed key; an unset mapping says the account's default is on", () => {
    expect(storeNamed(scanned.stores, "web-cmk")).toMatchObject({ kind: "launch-template", physicalName: "web-cmk", encryption: { enabled: true, keyManager: "customer-managed" } });
    expect(storeNamed(scanned.stores, "web-unset").encryption).toMatchObject({
      enabled: false,
      observed: expect.stringMatching(/Ebs\.Encrypted not set: treated as not encrypted.*EBS encryption by default is on in us-east-1/),
    });
  });

  it("snapshots and AMIs: who they are shared with, and whose data they hold", () => {
    const e = new Map(scanned.images.exposures);
    const pub = e.get(`arn:aws:ec2:${REGION}::snapshot/${seeded.publicSnapshot}`);
    expect(pub?.resource).toMatchObject({ kind: "ebs-snapshot", dataOf: arn(`volume/${seeded.encryptedVolume}`) });
    expect(pub?.shares?.map((s) => s.grantee)).toEqual([{ kind: "public" }]);
    expect(e.get(`arn:aws:ec2:${REGION}::snapshot/${seeded.sharedSnapshot}`)?.shares?.map((s) => s.grantee)).toEqual([{ kind: "account", account: PARTNER }]);
    const image = e.get(`arn:aws:ec2:${REGION}::image/${seeded.image}`);
    expect(image?.resource).toMatchObject({ kind: "machine-image", dataOf: arn(`instance/${seeded.privateInstance}`) });
    expect(image?.shares?.map((s) => s.grantee)).toEqual([{ kind: "account", account: PARTNER }]);
  });

  it("the rules judge the scanned region: public host, public subnet, public snapshot", () => {
    const inventory = inventoryOf(scanned);
    const outcome = (rule: Parameters<typeof run>[0], id: string) => run(rule, inventory).find((o) => o.resource.id === id)?.status;
    const privateId = arn(`instance/${seeded.privateInstance}`);
    const publicId = arn(`instance/${seeded.publicInstance}`);
    expect([outcome(dataStoreInPrivateSubnets, privateId), outcome(dataStoreInPrivateSubnets, publicId)]).toEqual(["pass", "fail"]);
    expect([outcome(dataStoreNotPubliclyAccessible, privateId), outcome(dataStoreNotPubliclyAccessible, publicId)]).toEqual(["pass", "fail"]);
    // The untagged snapshot takes its restricted volume's classification.
    expect(outcome(snapshotsAndImagesSharedOnlyWithTrustedAccounts, `arn:aws:ec2:${REGION}::snapshot/${seeded.publicSnapshot}`)).toBe("fail");
  });
});

describe("EC2 answers denied by IAM", () => {
  it("a denied route-table listing is a gap, and leaves every subnet neither public nor private", async () => {
    const policy = policyDocument(
      { Effect: "Allow", Action: ["ec2:Describe*", "ec2:Get*", "kms:*"], Resource: "*" },
      { Effect: "Deny", Action: ["ec2:DescribeRouteTables", "ec2:DescribeSnapshotAttribute"], Resource: "*" },
    );
    const keys = await iamUser(moto().endpoint, "scanner", { name: "read", document: policy });
    const denied = await whileIamEnforced(moto(), () => scan(moto().endpoint, keys));
    expect(denied.network.gaps?.map((g) => [g.action, g.reason])).toEqual([["ec2:DescribeRouteTables", "access-denied"]]);
    const g = graphOf(denied.network);
    expect(publicOf(g, seeded.publicSubnet)).toBe("unknown:access-denied");
    expect(publicOf(g, seeded.privateSubnet)).toBe("unknown:access-denied");
    // A per-snapshot call denied: that snapshot's sharing is Unknown, the listing still answered.
    expect(denied.images.gaps).toEqual([]);
    const snap = new Map(denied.images.exposures).get(`arn:aws:ec2:${REGION}::snapshot/${seeded.publicSnapshot}`);
    expect(snap?.shares?.map((s) => (isUnknown(s.grantee) ? s.grantee.reason : s.grantee.kind))).toEqual(["access-denied"]);
    // Volumes, instances and images were allowed.
    expect(storeNamed(denied.stores, seeded.encryptedVolume).encryption).toMatchObject({ enabled: true });
  });
});
