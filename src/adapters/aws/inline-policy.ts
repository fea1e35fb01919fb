import { isUnknown, type Val } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import type { ResourcePolicy, ResourcePolicyService } from "../../models/exposure";
import type { ResourceRef } from "../../models/ref";
import type { InventoryContribution } from "./contribution";

/**
 * The resource policy a store carries, governing that store; undefined when it has none (absent or
 * ""). An Unknown `document` (the call did not answer) is kept, so rules report it not assessed.
 * `setting` names where the document lives ("policy", "resource policy", "access policy").
 */
export function inlinePolicy(
  store: ResourceRef,
  service: ResourcePolicyService,
  setting: string,
  document: Val<string | undefined>,
): ResourcePolicy | undefined {
  if (!isUnknown(document) && (document === undefined || document === "")) return undefined;
  return {
    ref: store,
    target: store.id,
    service,
    document,
    origin: `the ${setting} of ${store.label} '${store.name}'`,
    ...(store.account === undefined ? {} : { accountId: store.account }),
  };
}

/** A store and the resource policy it carries, if any. */
export interface StoreWithPolicy {
  readonly store: DataStore;
  readonly policy?: ResourcePolicy;
}

/** The stores (undefined: a resource gone since it was listed) and their policies. */
export function storesAndPolicies(adapted: readonly (StoreWithPolicy | undefined)[]): InventoryContribution {
  const found = adapted.filter((a) => a !== undefined);
  return { stores: found.map((a) => a.store), resourcePolicies: found.flatMap((a) => (a.policy ? [a.policy] : [])) };
}
