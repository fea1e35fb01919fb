import type { Classification } from "../../core/classification";
import type { GuardConfig } from "../../core/config";
import { describe, fail, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown, type Unknown, type Val } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import type { Setting, StoreHygiene } from "../../models/hygiene";
import type { Inventory } from "../../models/inventory";
import type { ResourceRef } from "../../models/ref";
import { classifyStore } from "../../models/store-kind-facts";
import { classificationGate } from "../network/network-facts";

/** A customer-data store with its hygiene settings (undefined when the view holds none for it). */
export interface CustomerStore {
  readonly store: DataStore;
  readonly hygiene: StoreHygiene | undefined;
  readonly classification: Classification;
}

export const isSettled = (v: Outcome | CustomerStore): v is Outcome => "status" in v;

/**
 * Each store `judged` selects: an outcome when its classification settles it (not customer data,
 * tags unknown), else the store, its classification and its hygiene settings.
 */
export function customerStores(inventory: Inventory, config: GuardConfig, judged: (s: DataStore) => boolean): (Outcome | CustomerStore)[] {
  return inventory.stores.filter(judged).map((store) => {
    const classification = classifyStore(store, config);
    const gate = classificationGate(store.ref, describe(store.ref), classification, config);
    if (gate) return gate;
    // classificationGate settles every Unknown classification; this keeps the type narrow.
    if (isUnknown(classification)) return notAssessed(store.ref, "its classification", classification);
    return { store, hygiene: inventory.hygiene?.stores.get(store.ref.id), classification };
  });
}

/** One setting a rule requires, read from a store's (or endpoint's) settings. */
export interface Check<T> {
  /** The setting as the front read it; undefined when the view does not hold it. */
  readonly setting: Setting<T> | undefined;
  /** Names the setting, e.g. "TLS for client connections". */
  readonly name: string;
  /** What is required, e.g. "TLS required". */
  readonly required: string;
  /** Whether the known value meets the requirement; Unknown when that cannot be told (an unrecognized policy). */
  readonly ok: (value: T) => Val<boolean>;
}

// Checks of different setting types are judged together.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheck = Check<any>;

export const isTrue = (v: boolean | undefined): boolean => v === true;

export const NOT_IN_VIEW = "the setting is not part of this view";

export const notInView = (): Unknown => unknown("not-fetched", NOT_IN_VIEW);

/**
 * Judges every check of one resource: fail when a known setting misses its requirement (all such
 * are named), else not assessed when one is missing from the view or unknown, else pass.
 * `verdict` words the result: "requires TLS" / "does not require TLS".
 */
export function judgeChecks(ref: ResourceRef, checks: readonly AnyCheck[], verdict: { readonly pass: string; readonly fail: string }): Outcome {
  const who = describe(ref);
  const failed: string[] = [];
  let undetermined: { name: string; u: Unknown } | undefined;
  for (const c of checks) {
    if (c.setting === undefined) {
      undetermined ??= { name: c.name, u: notInView() };
      continue;
    }
    const v = c.setting.value;
    const ok = isUnknown(v) ? v : c.ok(v);
    if (isUnknown(ok)) undetermined ??= { name: c.name, u: unknown(ok.reason, `${c.setting.observed}: ${ok.detail}`) };
    else if (!ok) failed.push(`${c.setting.observed} (required: ${c.required})`);
  }
  if (failed.length > 0) return fail(ref, `${who} ${verdict.fail}: ${failed.join("; ")}`);
  if (undetermined) return notAssessed(ref, `${undetermined.name} of ${who}`, undetermined.u);
  return pass(ref, `${who} ${verdict.pass} (${checks.map((c) => c.setting?.observed).join("; ")})`);
}

export const isRestricted = (c: Classification): boolean => c.level === "restricted";
