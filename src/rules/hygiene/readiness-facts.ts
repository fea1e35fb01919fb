import type { Classification } from "../../core/classification";
import type { GuardConfig } from "../../core/config";
import { describe, notAssessed } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown, type Val } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import { emptyHygiene, type HygieneInventory, type Setting, type StoreHygiene, type StoreHygieneField } from "../../models/hygiene";
import type { Inventory } from "../../models/inventory";
import type { ResourceRef } from "../../models/ref";
import { classifyStore } from "../../models/store-kind-facts";
import { classificationGate } from "../network/network-facts";

/** A setting whose value is known. */
export interface KnownSetting<T> {
  readonly value: T;
  readonly observed: string;
}

type ValueOf<F extends StoreHygieneField> = NonNullable<StoreHygiene[F]> extends Setting<infer T> ? T : never;

export const isOutcome = <T extends object>(v: T | Outcome): v is Outcome => "status" in v;

/** The hygiene view; a front that built none has no hygiene setting in view. */
export const hygieneOf = (inventory: Inventory): HygieneInventory => inventory.hygiene ?? emptyHygiene("stack");

/** A setting's known value, or "not assessed": Unknown with its reason, or missing ("not-fetched"). */
export function knownSetting<T>(ref: ResourceRef, setting: Setting<T> | undefined, what: string): KnownSetting<T> | Outcome {
  if (setting === undefined) return notAssessed(ref, what, unknown("not-fetched", "the setting is not part of this view"));
  const value: Val<T> = setting.value;
  if (isUnknown(value)) return notAssessed(ref, what, unknown(value.reason, [setting.observed, value.detail].filter(Boolean).join(": ")));
  return { value, observed: setting.observed };
}

/** One hygiene setting of a store (model id = its ref id), known or "not assessed". */
export function storeSetting<F extends StoreHygieneField>(
  inventory: Inventory,
  store: DataStore,
  field: F,
  what: string,
): KnownSetting<ValueOf<F>> | Outcome {
  const setting = hygieneOf(inventory).stores.get(store.ref.id)?.[field] as Setting<ValueOf<F>> | undefined;
  return knownSetting(store.ref, setting, `${what} of ${describe(store.ref)}`);
}

/**
 * Every store of the given kinds judged by `judge` when it holds customer data; others are "not
 * applicable", and those whose tags are not known "not assessed", as in every other pillar.
 * Kinds are matched as strings so that kinds added later (memorydb-cluster) need no code change here.
 */
export function judgeCustomerStores(
  inventory: Inventory,
  config: GuardConfig,
  kinds: ReadonlySet<string>,
  judge: (store: DataStore, classification: Classification) => Outcome,
): Outcome[] {
  return storesOfKinds(inventory, kinds).map((store) => {
    const c = classifyStore(store, config);
    const gate = classificationGate(store.ref, describe(store.ref), c, config);
    return gate ?? judge(store, c as Classification);
  });
}

export const storesOfKinds = (inventory: Inventory, kinds: ReadonlySet<string>): DataStore[] =>
  inventory.stores.filter((s) => kinds.has(s.kind));

export const isRestricted = (c: Classification): boolean => c.level === "restricted";

/** "1 day", "7 days", "1.5 days". */
export const days = (n: number): string => `${Number.isInteger(n) ? n : n.toFixed(2).replace(/0+$/, "")} day${n === 1 ? "" : "s"}`;
