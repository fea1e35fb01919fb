import type { DataStore } from "../../../models/data-store";
import { mergeHygiene, type HygieneInventory } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import type { PulumiHygieneAdapter } from "./adapter";
import { analyticsHygieneAdapter } from "./analytics";
import { databaseHygieneAdapter } from "./databases";
import { doorsHygieneAdapter } from "./doors";
import { s3HygieneAdapter } from "./s3";
import { servicesHygieneAdapter } from "./services";
import { watchHygieneAdapter } from "./watch";

/** Every hygiene adapter of the Pulumi front. */
export const HYGIENE_ADAPTERS: readonly PulumiHygieneAdapter[] = [
  databaseHygieneAdapter,
  s3HygieneAdapter,
  analyticsHygieneAdapter,
  servicesHygieneAdapter,
  watchHygieneAdapter,
  doorsHygieneAdapter,
];

export const HYGIENE_TYPES: ReadonlySet<string> = new Set(HYGIENE_ADAPTERS.flatMap((a) => a.types));

/** What the stack declares: a trail or detector the stack does not declare may still exist in the account. */
export function buildHygiene(resources: readonly EngineResource[], stores: readonly DataStore[]): HygieneInventory {
  const relevant = resources.filter((r) => HYGIENE_TYPES.has(r.type));
  return mergeHygiene("stack", relevant.length === 0 ? [] : HYGIENE_ADAPTERS.map((a) => a.build(relevant, stores)));
}
