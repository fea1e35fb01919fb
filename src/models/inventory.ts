import type { Tags } from "../core/classification";
import type { Val } from "../core/value";
import type { DataStore } from "./data-store";
import type { IamInventory } from "./iam";
import type { KmsKey } from "./kms-key";
import type { NetworkGraph } from "./network";
import type { Placement } from "./placement";
import type { ResourceRef } from "./ref";
import type { ResourcePolicy, StoreExposure } from "./exposure";
import type { HygieneInventory } from "./hygiene";

/**
 * Everything the rules judge, from one resource, one stack or one scanned account. The parts
 * after `keys` are absent when the front could not build them (a one-resource view has no graph).
 */
export interface Inventory {
  readonly stores: readonly DataStore[];
  readonly keys: readonly KmsKey[];
  readonly network?: NetworkGraph;
  /** Store model id -> where it sits in the network. */
  readonly placements?: ReadonlyMap<string, Placement>;
  /** Store model id -> public-access settings (S3 public access block, ACLs). */
  readonly exposures?: ReadonlyMap<string, StoreExposure>;
  /** Resource policies of stores and keys (bucket, key, queue, topic, secret, table... policies). */
  readonly resourcePolicies?: readonly ResourcePolicy[];
  readonly iam?: IamInventory;
  /** General-purpose compute (EC2 instances, Lambda functions): where applications run. */
  readonly compute?: readonly ResourceRef[];
  /** Resource model id -> its tags, for every resource the adapters read (VPCs, compute...). */
  readonly tags?: ReadonlyMap<string, Val<Tags | undefined>>;
  /**
   * The accounts the stack deploys to or the scan reads, learned without configuration: the scanned
   * account; a stack's `cdguard:account-ids` tag, its AWS provider's allowedAccountIds and the known
   * ARNs of the resources it manages. Rules add the configured `ownAccountIds`.
   */
  readonly ownAccountIds?: readonly string[];
  /** Privacy hygiene: per-store transit, audit, retention and backup settings; trails, detectors, flow logs... */
  readonly hygiene?: HygieneInventory;
}

/** The stack tag naming the stack's own accounts: 12-digit ids separated by commas or spaces. */
export const OWN_ACCOUNT_IDS_STACK_TAG = "cdguard:account-ids";

export const emptyInventory = (): Inventory => ({ stores: [], keys: [] });

/** The parts of an inventory a rule may read; a scanner fetches only the parts its rules read. */
export const INVENTORY_PARTS = ["stores", "keys", "network", "placements", "exposures", "resourcePolicies", "iam", "compute", "tags", "hygiene"] as const;
export type InventoryPart = (typeof INVENTORY_PARTS)[number];
