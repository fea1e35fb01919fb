import type { GuardConfig } from "../../core/config";
import type { Val } from "../../core/value";
import type { Inventory } from "../../models/inventory";
import type { KmsKey } from "../../models/kms-key";
import { singleSegment } from "./segment-facts";

// A security group, subnet, KMS key, VPC, role or user tagged with a segment belongs to that segment
// in its own right, not only through the stores that use it. Tags come from the inventory's tag map
// (every resource on the Pulumi front; VPCs, subnets, security groups, keys and principals in a scan).

/** The one segment a resource declares by its own tag; undefined when it declares none or several. */
export function taggedSegment(inv: Inventory, id: string, config: GuardConfig): Val<string | undefined> {
  return singleSegment(inv.tags?.get(id), config);
}

/** A key's declared segment: the inventory's tag map, else the key model's own tags. */
export function keyTaggedSegment(inv: Inventory, key: KmsKey, config: GuardConfig): Val<string | undefined> {
  return singleSegment(inv.tags?.get(key.ref.id) ?? key.tags, config);
}
