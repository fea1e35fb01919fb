// Where `cdguard inventory` (and `scan --inventory`) get a data inventory from: a Pulumi stack's resources
// (a `pulumi stack export` file, a recorded resource file), and the stacks `--managed-by` compares a live
// inventory with.
import type { DataInventory } from "../access/model";
import { shadowStores } from "../access/shadow";
import { packConfigProblems, type ConfigEntries } from "../core/pack-config";
import type { AnyRule } from "../core/rule";
import {
  pulumiDataInventory, StackInputError, stackResourcesOfExport, stackResourcesOfRecording, type StackResources,
} from "../engine-client/stack-inventory";
import { ALL_RULES } from "../rules";
import { readText, StorageError, type StorageOptions } from "../storage/report-store";
import { readPolicyConfig } from "./config-check";
import { UsageError } from "./select-rules";

/** The rules and settings an inventory is judged with: every rule, under `--config` when given. */
export interface InventoryJudging {
  readonly rules: readonly AnyRule[];
  readonly entries: ConfigEntries;
}

/** `--config <file>`: a policy-pack config, checked as `cdguard scan --config` checks it; disabled policies judge nothing. */
export function inventoryJudging(configFile: string | undefined): InventoryJudging {
  if (configFile === undefined) return { rules: ALL_RULES, entries: {} };
  let read: ReturnType<typeof readPolicyConfig>;
  try {
    read = readPolicyConfig(configFile);
  } catch (e) {
    throw new UsageError(`--config ${configFile}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problems = [...read.problems, ...packConfigProblems(read.entries, ALL_RULES)];
  if (problems.length > 0) throw new UsageError(`--config ${configFile}: ${[...new Set(problems)].join("; ")}`);
  const rules = ALL_RULES.filter((r) => (read.levels[r.slug] ?? read.levels.all) !== "disabled");
  return { rules, entries: read.entries };
}

export type StackFileKind = "stack-export" | "resources";

/** The data inventory of a stack file (a local file or an s3:// object); a bad file is a usage error naming it. */
export async function stackFileInventory(flag: string, location: string, kind: StackFileKind, judging: InventoryJudging, storage: StorageOptions): Promise<DataInventory> {
  const text = await readInput(flag, location, storage);
  let stack: StackResources;
  try {
    stack = kind === "stack-export" ? stackResourcesOfExport(text, location) : stackResourcesOfRecording(text, location);
  } catch (e) {
    if (e instanceof StackInputError) throw new UsageError(`${flag} ${e.message}`);
    throw e;
  }
  return pulumiDataInventory(stack, judging);
}

/** A stack managing live stores: its `pulumi stack export` file and the inventory of its resources. */
export interface ManagingStack {
  readonly file: string;
  readonly inventory: DataInventory;
  /** Store id -> the stack resource's URN (on the Pulumi front a store's model id is its URN). */
  readonly urns: ReadonlyMap<string, string>;
}

/** The stacks `--managed-by` names, read and judged up front, so a bad file fails before a scan starts. */
export async function managingStacks(stateFiles: readonly string[], judging: InventoryJudging, storage: StorageOptions): Promise<ManagingStack[]> {
  const stacks: ManagingStack[] = [];
  for (const file of stateFiles) {
    const inventory = await stackFileInventory("--managed-by", file, "stack-export", judging, storage);
    stacks.push({ file, inventory, urns: new Map(inventory.stores.map((s) => [s.id, s.id])) });
  }
  return stacks;
}

/** The live inventory with its shadow stores against the managing stacks (unchanged when there are none). */
export function withShadowStores(live: DataInventory, stacks: readonly ManagingStack[]): DataInventory {
  return stacks.length === 0 ? live : { ...live, shadow: shadowStores(live, stacks) };
}

async function readInput(flag: string, location: string, storage: StorageOptions): Promise<string> {
  try {
    return await readText(location, storage);
  } catch (e) {
    if (e instanceof StorageError) throw new UsageError(`${flag} ${e.message}`);
    throw e;
  }
}
