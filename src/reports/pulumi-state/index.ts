// `cdguard scan --format pulumi-state`: the scanned account as a `pulumi stack export` document
// (version 3) of `@pulumi/aws` v7 resources, so a CrossGuard pack judges live resources with
// `pulumi policy analyze --file`. Written from the scan's models, one module per resource kind, with
// the v7 properties the Pulumi adapter (src/adapters/pulumi) reads: that adapter, reading the file,
// builds models with the same verdicts. Every resource's inputs are its outputs: a scanned resource
// has no program, and resource policies (Analyze gets inputs) then see what AWS reports, ARNs included.
import { toStateFile, type StateFile } from "../../engine-client/state-file";
import type { DataStore } from "../../models/data-store";
import type { ExposedResource, StoreExposure } from "../../models/exposure";
import type { Inventory } from "../../models/inventory";
import type { NetworkGraph } from "../../models/network";
import type { ResourceRef } from "../../models/ref";
import type { ScanResult } from "../../scanner/scan";
import { StateWriter, type Omitted, type PulumiStateOptions } from "./context";
import { writeTable } from "./dynamodb";
import { writeSnapshot, writeVolume } from "./ebs";
import { writeImage, writeInstance } from "./ec2";
import { writeManagedPolicy, writePrincipals } from "./iam";
import { writeKmsKey } from "./kms-key";
import { writeLogGroup } from "./log-groups";
import {
  writeNetworkAcl,
  writePeering,
  writePrefixList,
  writeSubnetGroup,
  writeTransitGatewayAttachment,
  writeVpcEndpoint,
} from "./network-objects";
import { writeClusterInstance, writeRdsCluster, writeRdsInstance } from "./rds";
import { writeBucket } from "./s3";
import { writeSecret } from "./secrets";
import { writeSecurityGroup } from "./security-groups";
import { writeTopic } from "./sns";
import { writeQueue } from "./sqs";
import { writeAssociation, writeGateway, writeRouteTable, writeSubnet, writeVpc } from "./vpcs";

export type { Omitted, PulumiStateOptions } from "./context";

/** The document, which model each resource was written from, and the models left out. */
export interface PulumiStateDocument {
  readonly state: StateFile;
  /** URN -> id of the model it was written from (a bucket's policy, block and ACL are the bucket's). */
  readonly origins: ReadonlyMap<string, string>;
  readonly omitted: readonly Omitted[];
}

type StoreWriter = (w: StateWriter, store: DataStore) => void;

/** Store kinds with a writer; a variant (global cluster, table replica...) has none yet. */
const STORE_WRITERS: Partial<Record<DataStore["kind"], StoreWriter>> = {
  "s3-bucket": writeBucket,
  "ebs-volume": writeVolume,
  "ec2-instance": writeInstance,
  "rds-cluster": writeRdsCluster,
  "rds-instance": writeRdsInstance,
  "dynamodb-table": writeTable,
  "sqs-queue": writeQueue,
  "sns-topic": writeTopic,
  secret: writeSecret,
  "log-group": writeLogGroup,
};

/** The order stores are written in, so a store depends on the kinds it names (volumes before instances, clusters before instances). */
const STORE_ORDER = Object.keys(STORE_WRITERS);

/** The scan as a `pulumi stack export` document. Defaults: project `cdguard-scan`, stack = the account id, the first scanned region. */
export function pulumiState(result: ScanResult, opts: Partial<PulumiStateOptions> = {}): StateFile {
  return pulumiStateOf(result.inventory, {
    project: opts.project ?? "cdguard-scan",
    stack: opts.stack ?? result.identity.account,
    region: opts.region ?? result.regions.scan[0] ?? "us-east-1",
  }).state;
}

/** The document as `pulumi stack export` prints it. */
export const pulumiStateText = (state: StateFile): string => `${JSON.stringify(state, null, 4)}\n`;

/** The inventory's models as v7 resources, with what was written from what and what was left out. */
export function pulumiStateOf(inventory: Inventory, options: PulumiStateOptions): PulumiStateDocument {
  const w = new StateWriter(options, inventory);
  for (const key of inventory.keys) w.write(key.ref, () => writeKmsKey(w, key));
  if (inventory.network) writeNetwork(w, inventory.network);
  const stores = [...inventory.stores].sort((a, b) => rank(a) - rank(b));
  for (const store of stores) {
    const writer = store.variant === undefined ? STORE_WRITERS[store.kind] : undefined;
    if (writer === undefined) w.omitted.push({ ...named(store.ref), reason: `no v7 writer for ${store.ref.label} yet` });
    else w.write(store.ref, () => writer(w, store));
  }
  for (const [id, exposure] of inventory.exposures ?? []) if (exposure.resource) writeExposed(w, id, exposure.resource, exposure);
  const iam = inventory.iam;
  for (const policy of iam?.policies ?? []) w.write(policy.ref, () => writeManagedPolicy(w, policy));
  writePrincipals(w, iam?.principals ?? []);
  return { state: toStateFile(w.resources, options), origins: w.origins, omitted: w.omitted };
}

const rank = (s: DataStore): number => {
  const i = STORE_ORDER.indexOf(s.kind);
  return i < 0 ? STORE_ORDER.length : i;
};

const named = (ref: { id: string; name: string; label: string }) => ({ id: ref.id, name: ref.name, label: ref.label });

function writeNetwork(w: StateWriter, n: NetworkGraph): void {
  const each = <T extends { ref: ResourceRef }>(list: readonly T[], write: (w: StateWriter, o: T) => void) => {
    for (const o of list) w.write(o.ref, () => write(w, o));
  };
  each(n.vpcs, writeVpc);
  each(n.subnets, writeSubnet);
  each(n.prefixLists, writePrefixList);
  each(n.gateways, writeGateway);
  each(n.peerings, writePeering);
  each(n.transitGatewayAttachments, writeTransitGatewayAttachment);
  each(n.securityGroups, writeSecurityGroup);
  each(n.routeTables, writeRouteTable);
  each(n.routeTableAssociations, writeAssociation);
  each(n.networkAcls, writeNetworkAcl);
  each(n.vpcEndpoints, writeVpcEndpoint);
  each(n.subnetGroups, writeSubnetGroup);
  for (const r of [...n.unattachedRoutes.map((u) => u.route.origin), ...n.unattachedRules.map((u) => u.rule.origin)]) {
    w.omitted.push({ id: r, name: r, label: "network rule", reason: "a route or rule whose table or group the scan did not find" });
  }
}

/** Resources judged for exposure that are no store: RDS cluster instances, EBS snapshots, AMIs. */
function writeExposed(w: StateWriter, id: string, r: ExposedResource, e: StoreExposure): void {
  const shares = e.shares ?? [];
  if (r.kind === "cluster-instance" && r.ref.type === "AWS::RDS::DBInstance") w.write(r.ref, () => writeClusterInstance(w, r));
  else if (r.kind === "ebs-snapshot") w.write(r.ref, () => writeSnapshot(w, r, shares));
  else if (r.kind === "machine-image") w.write(r.ref, () => writeImage(w, r, shares));
  else w.omitted.push({ ...named(r.ref), id, reason: `no v7 writer for ${r.ref.label} yet` });
}
