import type { DataStore } from "./data-store";
import type { KmsKey } from "./kms-key";

/** Everything the rules judge, from one resource, one stack or one scanned account. */
export interface Inventory {
  readonly stores: readonly DataStore[];
  readonly keys: readonly KmsKey[];
}

export const emptyInventory = (): Inventory => ({ stores: [], keys: [] });
