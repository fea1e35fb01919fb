// `cdguard inventory`: where customer data lives and who can reach it, from a scan's report (its
// `dataInventory` section), a `pulumi stack export` file, or a recorded resource file.
import { Command } from "commander";
import type { DataInventory } from "../access/model";
import { INVENTORY_FORMATS } from "../reports/inventory";
import type { CanonicalReport } from "../reports/report";
import type { StorageOptions } from "../storage/report-store";
import { reportAt } from "./diff-command";
import { inventoryCounts, parseInventoryFormats, writeInventory } from "./inventory-output";
import { inventoryJudging, managingStacks, stackFileInventory, withShadowStores } from "./inventory-sources";
import { checkedEndpoint } from "./scan-command";
import { UsageError } from "./select-rules";

interface InventoryFlags {
  from?: string;
  stackExport?: string;
  resources?: string;
  managedBy: string[];
  config?: string;
  format: string;
  out?: string;
  endpointUrl?: string;
  region: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function inventoryCommand(): Command {
  return new Command("inventory")
    .description("where customer data lives and who can reach it: every store, its protection and exposure, and the principals that can read, write or manage it")
    .option("--from <report>", "a canonical report with a data inventory (`cdguard scan --inventory`): a file or s3://bucket/key")
    .option("--stack-export <file>", "a `pulumi stack export` file (use --show-secrets to read secret values; they are never printed)")
    .option("--resources <file>", "a recorded resource file: the JSON list of resources the engine sends an analyzer (unknowns of a preview stay unknown)")
    .option("--managed-by <stack-export>", "with --from: a `pulumi stack export` file of a stack managing some of the live stores (repeatable): lists the stores no stack manages and those drifted from their stack", collect, [])
    .option("--config <file>", "the rules' settings (tag keys, classification defaults, own accounts): a policy-pack config file (JSON or YAML)")
    .option("--format <list>", `comma-separated formats: ${INVENTORY_FORMATS.join(", ")}`, "json")
    .option("--out <location>", "write here (a file or s3://bucket/key, atomically; several formats: this name with each format's extension) instead of stdout")
    .option("--endpoint-url <url>", "send S3 calls for s3:// locations to this endpoint (an emulator)")
    .option("--region <region>", "region of the S3 calls", process.env.AWS_REGION ?? "us-east-1")
    .action(async (flags: InventoryFlags) => {
      await runInventory(flags);
    });
}

async function runInventory(flags: InventoryFlags): Promise<void> {
  const sources = (["from", "stackExport", "resources"] as const).filter((k) => flags[k] !== undefined);
  const named = sources.map((k) => (k === "from" ? "--from" : k === "stackExport" ? "--stack-export" : "--resources"));
  if (sources.length !== 1) {
    throw new UsageError(`give exactly one source: --from <report>, --stack-export <file> or --resources <file>${named.length > 1 ? ` (got ${named.join(" and ")})` : ""}`);
  }
  if (flags.managedBy.length > 0 && flags.from === undefined) throw new UsageError(`--managed-by: only with --from (the live inventory of a scan); ${named[0]} is a stack's own inventory`);
  if (flags.config !== undefined && flags.from !== undefined && flags.managedBy.length === 0) {
    throw new UsageError("--config: the report's inventory is already judged; --config applies to --stack-export, --resources and --managed-by stacks");
  }
  const formats = parseInventoryFormats(flags.format);
  if (formats.length > 1 && !flags.out) throw new UsageError(`--format ${flags.format}: several formats need --out`);
  const storage: StorageOptions = { region: flags.region, ...(flags.endpointUrl ? { endpointUrl: checkedEndpoint(flags.endpointUrl) } : {}) };
  const judging = inventoryJudging(flags.config);
  let doc: DataInventory;
  if (flags.from !== undefined) doc = withShadowStores(await reportInventory(flags.from, storage), await managingStacks(flags.managedBy, judging, storage));
  else if (flags.stackExport !== undefined) doc = await stackFileInventory("--stack-export", flags.stackExport, "stack-export", judging, storage);
  else doc = await stackFileInventory("--resources", flags.resources!, "resources", judging, storage);
  const written = (await writeInventory(doc, formats, flags.out, storage)).flatMap((o) => (o.path === undefined ? [] : [o.path]));
  if (written.length > 0) process.stderr.write(`cdguard inventory: ${inventoryCounts(doc)}; wrote ${written.join(", ")}\n`);
}

async function reportInventory(location: string, storage: StorageOptions): Promise<DataInventory> {
  let report: CanonicalReport;
  try {
    report = await reportAt(location, storage);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`--from ${e.message}`);
    throw e;
  }
  const section = (report as CanonicalReport & { dataInventory?: DataInventory }).dataInventory;
  if (section === undefined) throw new UsageError(`--from ${location}: the report has no data inventory; run \`cdguard scan --inventory\` (or \`cdguard merge --inventory\`) to write one`);
  return section;
}
