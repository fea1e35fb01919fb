import { expect } from "vitest";
import type { AdaptContext } from "../../../src/adapters/aws/context";
import type { InventoryContribution } from "../../../src/adapters/aws/contribution";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown, unknown, type Unknown, type Val } from "../../../src/core/value";
import type { CallFailure, Fetched } from "../../../src/fetchers/aws/fetched";
import type { AwsService } from "../../../src/fetchers/aws/services";
import type { DataStore, KeyManager } from "../../../src/models/data-store";
import type { Inventory } from "../../../src/models/inventory";
import { emptyNetworkGraph, type NetworkGraph } from "../../../src/models/network";
import type { Placement } from "../../../src/models/placement";
import { indexNetwork } from "../../../src/network/network-index";
import { resolvePlacement } from "../../../src/network/resolve-placement";

/** Shared fixtures of the Redshift, ElastiCache, OpenSearch, EFS and MSK adapter tests. */

export const ACCOUNT = "111122223333";
export const REGION = "eu-west-1";
export const CMK = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
/** The ARN of a service's AWS-managed key (aws/redshift, aws/es...): KMS tells it apart. */
export const AWS_MANAGED_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0000aaaa-12ab-34cd-56ef-1234567890ab`;
export const TAGS = { "data-classification": "restricted", "customer-segment": "eu" };
export const TAG_LIST = Object.entries(TAGS).map(([Key, Value]) => ({ Key, Value }));

/** The scan's KMS answers: one customer key and one AWS-managed key; anything else not readable. */
export function context(kms: "read" | "denied" = "read"): AdaptContext {
  const managers: Record<string, KeyManager> = { [CMK]: "customer-managed", [AWS_MANAGED_KEY]: "aws-managed" };
  return {
    account: ACCOUNT,
    partition: "aws",
    keyManager: (key): Val<KeyManager> =>
      kms === "read" && managers[key] ? (managers[key] as KeyManager) : unknown("access-denied", "kms:DescribeKey (eu-west-1) did not answer: AccessDeniedException"),
    keyRef: (key) => (kms === "read" && key === CMK ? CMK : undefined),
  };
}

export const ok = <T>(value: T): Fetched<T> => ({ ok: true, value });

export function failure(service: AwsService, action: string, reason: CallFailure["reason"] = "access-denied"): CallFailure {
  return { reason, service, action, region: REGION, detail: reason === "access-denied" ? "AccessDeniedException: not authorized" : "InternalFailure: try again" };
}

export const failed = (service: AwsService, action: string, reason: CallFailure["reason"] = "access-denied"): Fetched<never> => ({
  ok: false,
  failure: failure(service, action, reason),
});

export function storeNamed(c: InventoryContribution, name: string): DataStore {
  const s = c.stores?.find((x) => x.ref.name === name);
  if (!s) throw new Error(`no store ${name} among ${(c.stores ?? []).map((x) => x.ref.name).join(", ")}`);
  return s;
}

export function placementOf(c: InventoryContribution, id: string): Placement {
  const p = c.placements?.find(([k]) => k === id)?.[1];
  if (!p) throw new Error(`no placement for ${id}`);
  return p;
}

export const networkOf = (c: InventoryContribution): NetworkGraph => ({ ...emptyNetworkGraph(), ...c.network });

export const inventoryOf = (c: InventoryContribution): Inventory => ({
  stores: c.stores ?? [],
  keys: [],
  network: networkOf(c),
  placements: new Map(c.placements ?? []),
  resourcePolicies: c.resourcePolicies ?? [],
});

/** Asserts `v` is an Unknown with that reason (and detail), and returns it. */
export function expectUnknown(v: unknown, reason: Unknown["reason"], detail?: RegExp): Unknown {
  expect(isUnknown(v), `expected an Unknown, got ${JSON.stringify(v)}`).toBe(true);
  const u = v as Unknown;
  expect(u.reason).toBe(reason);
  if (detail) expect(u.detail).toMatch(detail);
  return u;
}

/** The Pulumi front's inventory of an existing stack's resources (every value known). */
export const pulumi = (...resources: EngineResource[]): Inventory => buildInventory(resources);

/** The model without fields that differ by front by construction (model ids, how a setting is spelled). */
export function without(model: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(model)) return model.map((m) => without(m, keys));
  if (typeof model !== "object" || model === null || isUnknown(model)) return model;
  return Object.fromEntries(Object.entries(model).filter(([k]) => !keys.includes(k)).map(([k, v]) => [k, without(v, keys)]));
}

/** A placement resolved against its front's graph, naming its subnet group by name and its subnets by AWS id. */
export function comparablePlacement(p: Placement | undefined, graph: NetworkGraph | undefined): unknown {
  if (!p) throw new Error("no placement to compare");
  const net = indexNetwork(graph ?? emptyNetworkGraph());
  const r = resolvePlacement(net, p);
  const group = typeof r.subnetGroup === "string" ? net.get(r.subnetGroup, "subnet-group") : undefined;
  const subnets = isUnknown(r.subnets) ? r.subnets : r.subnets.map((s) => net.get(s, "subnet")?.awsId ?? s);
  return { ...r, subnetGroup: group ? group.name : r.subnetGroup, subnets, observed: "" };
}

/** The placement the Pulumi front gives its only store. */
export function pulumiPlacement(inv: Inventory): Placement | undefined {
  const id = inv.stores[0]?.ref.id;
  return id === undefined ? undefined : inv.placements?.get(id);
}
