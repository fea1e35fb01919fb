// `npm run demo -- --inventory <program>`: the Markdown data inventory of a recorded program's resources, as
// `cdguard inventory --resources` would print it (a new stack's preview keeps its unknowns unknown).
import { renderInventory } from "../reports/inventory";
import { ALL_RULES } from "../rules";
import type { RecordedResource } from "./record-encode";
import { pulumiDataInventory, stackResourcesOfRecorded } from "./stack-inventory";

export function demoInventoryMarkdown(resources: readonly RecordedResource[], source: string): string {
  return renderInventory(pulumiDataInventory(stackResourcesOfRecorded(resources, source), { rules: ALL_RULES, entries: {} }), "markdown");
}
