import type { DataStore } from "../../../models/data-store";
import type { HygieneContribution } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";

/**
 * Reads one group of resource types into hygiene facts. `stores` are the inventory's stores (model
 * id = URN), for settings that live on resources of their own (a bucket's versioning, a database's
 * parameter group): join them by `propertyDependencies` first (preview), then by known name or ARN.
 */
export interface PulumiHygieneAdapter {
  /** The resource types it reads (stores included when it reads their own properties). */
  readonly types: readonly string[];
  build(resources: readonly EngineResource[], stores: readonly DataStore[]): HygieneContribution;
}
