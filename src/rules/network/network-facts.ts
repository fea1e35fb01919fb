import { classify, describeClassification, type Classification, type Tags } from "../../core/classification";
import type { GuardConfig } from "../../core/config";
import { describe, notApplicable, notAssessed } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown, type Val } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import type { ExposedResource } from "../../models/exposure";
import { emptyNetworkGraph } from "../../models/network";
import type { Inventory } from "../../models/inventory";
import type { Placement } from "../../models/placement";
import type { ResourceRef } from "../../models/ref";
import { DEFAULT_PRIVATE_CIDRS, parseAddressRanges, type AddressRanges } from "../../network/address-ranges";
import { classifyStore } from "../../models/store-kind-facts";
import { indexNetwork, type NetworkIndex } from "../../network/network-index";

/** Something judged for network isolation: a store, or a resource without a store model. */
export interface Subject {
  readonly id: string;
  readonly ref: ResourceRef;
  readonly store?: DataStore;
  readonly resource?: ExposedResource;
}

export interface PlacedSubject extends Subject {
  readonly placement: Placement;
}

export function subjectsOf(inventory: Inventory): Subject[] {
  const out: Subject[] = inventory.stores.map((store) => ({ id: store.ref.id, ref: store.ref, store }));
  for (const [id, e] of inventory.exposures ?? []) if (e.resource) out.push({ id, ref: e.resource.ref, resource: e.resource });
  return out;
}

/**
 * Stores and resources with a placement. A cluster instance whose cluster is placed is left out:
 * the cluster's placement already merges the instance's public access.
 */
export function placedSubjects(inventory: Inventory): PlacedSubject[] {
  const placements = inventory.placements ?? new Map<string, Placement>();
  const out: PlacedSubject[] = [];
  for (const s of subjectsOf(inventory)) {
    const partOf = s.resource?.partOf;
    if (partOf !== undefined && placements.has(partOf)) continue;
    const placement = placements.get(s.id) ?? s.resource?.placement;
    if (placement) out.push({ ...s, placement });
  }
  return out;
}

const tagIndex = new WeakMap<Inventory, Map<string, Val<Tags | undefined>>>();

/** Tags of a store or exposed resource by model id (indexed once per inventory). */
function tagsOf(inventory: Inventory, id: string): Val<Tags | undefined> | undefined {
  let index = tagIndex.get(inventory);
  if (!index) {
    index = new Map();
    for (const [key, e] of inventory.exposures ?? []) if (e.resource) index.set(key, e.resource.tags);
    for (const s of inventory.stores) index.set(s.ref.id, s.tags);
    tagIndex.set(inventory, index);
  }
  return index.get(id);
}

/**
 * The subject's classification: its own tags, else (a snapshot, image or cluster instance
 * without a classification tag) those of the store its data comes from. Untagged compute is not
 * customer data (`classifyStore`), but a snapshot or image of it copies its disks and keeps the
 * default for untagged data.
 */
export function classificationOf(inventory: Inventory, subject: Subject, config: GuardConfig): Val<Classification> {
  if (subject.store) return classifyStore(subject.store, config);
  const own = subject.resource?.tags;
  const source = subject.resource?.dataOf ?? subject.resource?.partOf;
  const ownLevel = isUnknown(own) ? undefined : own?.[config.tagKeys.classification];
  if (source !== undefined && !isUnknown(own) && ownLevel === undefined) {
    const inherited = tagsOf(inventory, source);
    if (inherited !== undefined) return classify(inherited, config);
  }
  return classify(own, config);
}


/**
 * Undefined when the subject holds customer data (the rule goes on); else "not applicable"
 * (classified below the customer-data levels) or "not assessed" (its tags are not known).
 */
export function customerDataGate(inventory: Inventory, subject: Subject, config: GuardConfig): Outcome | undefined {
  return classificationGate(subject.ref, describe(subject.ref), classificationOf(inventory, subject, config), config);
}

/** The gate for a classification already found; `who` names what is classified. */
export function classificationGate(ref: ResourceRef, who: string, c: Val<Classification>, config: GuardConfig): Outcome | undefined {
  if (isUnknown(c)) return notAssessed(ref, `the classification of ${who}`, c);
  if (c.customerData) return undefined;
  return notApplicable(ref, `${who} is ${describeClassification(c, config)}: not customer data`);
}

/** Shared option: the ranges that are not the internet. */
export const PRIVATE_RANGES_OPTION = {
  type: "array",
  items: { type: "string" },
  default: DEFAULT_PRIVATE_CIDRS,
  description:
    "CIDR blocks that are not the internet (default: RFC 1918, 100.64.0.0/10 and fc00::/7); any other source or destination counts as the internet.",
} as const;

/** The configured private ranges, or an error naming the invalid entries. */
/** The `privateRanges` option, defaults copied so no rule shares the default array. */
export const privateRangesOptions = () => ({ privateRanges: { ...PRIVATE_RANGES_OPTION, default: [...PRIVATE_RANGES_OPTION.default] } });

/**
 * Every placed customer-data store judged by `judge` against the stack's network and the
 * configured private ranges; `what` names what could not be judged when the ranges are invalid.
 */
export function judgePlacedCustomerData(
  inventory: Inventory,
  config: GuardConfig,
  privateRanges: readonly string[],
  what: string,
  judge: (s: PlacedSubject, net: NetworkIndex, ranges: AddressRanges) => Outcome,
): Outcome[] {
  const subjects = placedSubjects(inventory);
  // Most Analyze calls hold no placed store: no network index (and no address ranges) to build for them.
  if (subjects.length === 0) return [];
  const ranges = privateRangesOf(privateRanges);
  const net = indexNetwork(inventory.network ?? emptyNetworkGraph());
  return subjects.map((s) => {
    const gate = customerDataGate(inventory, s, config);
    if (gate) return gate;
    if (isUnknown(ranges)) return notAssessed(s.ref, `${what} of ${describe(s.ref)}`, ranges);
    return judge(s, net, ranges);
  });
}

export function privateRangesOf(texts: readonly string[]): AddressRanges | ReturnType<typeof unknown> {
  const { ranges, errors } = parseAddressRanges(texts);
  if (errors.length === 0) return ranges;
  return unknown("error", `option privateRanges: ${errors.map((e) => e.error).join("; ")}`);
}

/** Names up to `max` items, then how many more. */
export function listed(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join("; ");
  return items.length > max ? `${shown}; and ${items.length - max} more` : shown;
}
