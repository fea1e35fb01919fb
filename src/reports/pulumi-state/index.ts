// `cdguard scan --format pulumi-state`: the scanned account as a `pulumi stack export` document
// (version 3) of `@pulumi/aws` v7 resources, so a CrossGuard pack judges live resources with
// `pulumi policy analyze --file`. Written from the scan's models, one module per resource kind, with
// the v7 properties the Pulumi adapter (src/adapters/pulumi) reads: that adapter, reading the file,
// builds models with the same verdicts. Every resource's inputs are its outputs: a scanned resource
// has no program, and resource policies (Analyze gets inputs) then see what AWS reports, ARNs included.
import { toStateFile, type StateFile } from "../../engine-client/state-file";
import type { ExposedResource, StoreExposure } from "../../models/exposure";
import type { Inventory } from "../../models/inventory";
import type { NetworkGraph } from "../../models/network";
import type { ResourceRef } from "../../models/ref";
import type { ScanResult } from "../../scanner/scan";
import { StateWriter, type Omitted, type PulumiStateOptions } from "./context";
import { writeSnapshot } from "./ebs";
import { writeImage } from "./ec2";
import { writeManagedPolicy, writePrincipals } from "./iam";
import { writeKmsKey } from "./kms-key";
import {
  writeNetworkAcl,
  writePeering,
  writePrefixList,
  writeSubnetGroup,
  writeTransitGatewayAttachment,
  writeVpcEndpoint,
} from "./network-objects";
import { writeClusterInstance } from "./rds";
import { writeRdsSnapshot } from "./rds-snapshots";
import { writeSecurityGroup } from "./security-groups";
import { inWritingOrder, writerOf } from "./store-writers";
import { writeAssociation, writeGateway, writeRouteTable, writeSubnet, writeVpc } from "./vpcs";

export type { Omitted, PulumiStateOptions } from "./context";

/** The document, which model each resource was written from, and the models left out. */
export interface PulumiStateDocument {
  readonly state: StateFile;
  /** URN -> id of the model it was written from (a bucket's policy, block and ACL are the bucket's). */
  readonly origins: ReadonlyMap<string, string>;
  readonly omitted: readonly Omitted[];
}

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
  for (const store of inWritingOrder(inventory.stores)) {
    const writer = writerOf(store);
    if (writer === undefined) w.omitted.push({ ...named(store.ref), reason: `no v7 writer for ${store.ref.label} yet` });
    else w.write(store.ref, () => writer(w, store));
  }
  for (const [id, exposure] of inventory.exposures ?? []) if (exposure.resource) writeExposed(w, id, exposure.resource, exposure);
  const iam = inventory.iam;
  for (const policy of iam?.policies ?? []) w.write(policy.ref, () => writeManagedPolicy(w, policy));
  writePrincipals(w, iam?.principals ?? []);
  return { state: toStateFile(w.resources, options), origins: w.origins, omitted: w.omitted };
}

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

/** Resources judged for exposure that are no store: cluster instances, EBS and RDS snapshots, AMIs. */
function writeExposed(w: StateWriter, id: string, r: ExposedResource, e: StoreExposure): void {
  const shares = e.shares ?? [];
  if (r.kind === "cluster-instance") w.write(r.ref, () => writeClusterInstance(w, r));
  else if (r.kind === "ebs-snapshot") w.write(r.ref, () => writeSnapshot(w, r, shares));
  else if (r.kind === "rds-snapshot" || r.kind === "rds-cluster-snapshot") w.write(r.ref, () => writeRdsSnapshot(w, r, shares));
  else if (r.kind === "machine-image") w.write(r.ref, () => writeImage(w, r, shares));
  else w.omitted.push({ ...named(r.ref), id, reason: `no v7 writer for ${r.ref.label} yet` });
}
