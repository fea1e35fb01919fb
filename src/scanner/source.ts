import type { AdaptContext } from "../adapters/aws/context";
import type { InventoryContribution } from "../adapters/aws/contribution";
import type { Fetcher } from "../fetchers/aws/fetcher";
import type { StoreKind } from "../models/data-store";
import type { InventoryPart } from "../models/inventory";

/** A fetcher and the adapter that turns its answers into models: what the scanner runs per kind. */
export interface Source<R> {
  readonly fetcher: Fetcher<R>;
  /** The inventory parts its models feed: a scan runs it only when a selected rule reads one. */
  readonly feeds: readonly InventoryPart[];
  /** The store kinds it yields, when it feeds `stores`. */
  readonly storeKinds?: readonly StoreKind[];
  adapt(raw: R, ctx: AdaptContext): InventoryContribution;
}

// Sources are heterogeneous in their raw answers; the registry holds them erased.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySource = Source<any>;
