import { classify, type Tags } from "../../core/classification";
import type { GuardConfig } from "../../core/config";
import type { OptionSchema } from "../../core/rule";
import { isUnknown, unknown, type Val } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import type { Inventory } from "../../models/inventory";
import type { Placement } from "../../models/placement";
import { indexNetwork, resolvePlacement, type NetworkIndex } from "../../network";

export interface SegmentOptions {
  requireSegments: boolean;
}

export const REQUIRE_SEGMENTS: OptionSchema = {
  type: "boolean",
  default: false,
  description: "Judge segregation even when no store carries a segment tag yet.",
};

/** A store's segments: by tag, or for a logical database (no tags) by configured name. */
export function storeSegments(store: DataStore, config: GuardConfig): Val<string[]> {
  if (store.kind !== "logical-database") return segmentsIn(store.tags, config);
  const mapped = store.physicalName ? config.logicalDatabaseSegments[store.physicalName] : undefined;
  return mapped ? [mapped] : [];
}

export function storeSegment(store: DataStore, config: GuardConfig): Val<string | undefined> {
  const all = storeSegments(store, config);
  if (isUnknown(all)) return all;
  return all.length === 1 ? all[0] : undefined;
}

/** Segments are declared by a tag; a value naming several (comma, semicolon, space) is several. */
export function segmentsIn(tags: Val<Tags | undefined>, config: GuardConfig): Val<string[]> {
  if (isUnknown(tags)) return unknown(tags.reason, `tags: ${tags.detail}`);
  const raw = tags?.[config.tagKeys.segment]?.trim();
  return raw ? raw.split(/[\s,;]+/).filter((s) => s.length > 0) : [];
}

/** The one segment something belongs to; undefined when it declares none or several. */
export function singleSegment(tags: Val<Tags | undefined>, config: GuardConfig): Val<string | undefined> {
  const all = segmentsIn(tags, config);
  if (isUnknown(all)) return all;
  return all.length === 1 ? all[0] : undefined;
}

/** Segregation is judged once any store declares a segment, or when configured as required. */
export function segmentationActive(inv: Inventory, config: GuardConfig, options: SegmentOptions): boolean {
  if (options.requireSegments) return true;
  return inv.stores.some((s) => {
    const seg = storeSegments(s, config);
    return !isUnknown(seg) && seg.length > 0;
  });
}

/** Stores holding customer data; a store whose classification is unknown counts (it may). */
export function customerDataStores(inv: Inventory, config: GuardConfig): DataStore[] {
  return inv.stores.filter((s) => {
    const c = classify(s.tags, config);
    return isUnknown(c) || c.customerData;
  });
}

export interface NetworkView {
  readonly net: NetworkIndex;
  placementOf(id: string): Placement | undefined;
}

/** The stack's network, indexed once, with placements joined to it. */
export function networkView(inv: Inventory): NetworkView | undefined {
  if (!inv.network) return undefined;
  const net = indexNetwork(inv.network);
  const resolved = new Map<string, Placement>();
  return {
    net,
    placementOf(id) {
      const cached = resolved.get(id);
      if (cached) return cached;
      const p = inv.placements?.get(id);
      if (!p) return undefined;
      const r = resolvePlacement(net, p);
      resolved.set(id, r);
      return r;
    },
  };
}
