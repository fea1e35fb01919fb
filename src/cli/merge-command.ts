import { statSync } from "node:fs";
import { Command, Option } from "commander";
import { scanReport } from "../reports/canonical";
import { REPORT_FORMATS } from "../reports/render";
import { ALL_RULES } from "../rules";
import { mergeShards, ShardInputError, type ShardText } from "../scanner/shards/merge-shards";
import { ALL_SOURCES, keyDirectory } from "../scanner/sources";
import { listLocations, readText, StorageError, type StorageOptions } from "../storage/report-store";
import { checkInventoryFlags, scanDataInventory } from "./inventory-scan";
import { managingStacks } from "./inventory-sources";
import { progressDisplay } from "./progress-display";
import { parseFormats } from "./report-writing";
import { checkedEndpoint } from "./scan-command";
import { finishReport } from "./scan-finish";
import { SEVERITIES, UsageError } from "./select-rules";
import { TOOL } from "./tool";

interface MergeFlags {
  out?: string;
  format: string;
  failOn: string;
  baseline?: string;
  allowScopeChange?: boolean;
  endpointUrl?: string;
  region: string;
  quiet?: boolean;
  inventory?: boolean;
  managedBy: string[];
}

/** `cdguard merge`: the shard files of one sharded scan, judged whole into the report an unsharded scan gives. */
export function mergeCommand(): Command {
  return new Command("merge")
    .description("merge the shard files of a `cdguard scan --shard I/N` run into one report, identical to an unsharded scan's")
    .argument("<shards...>", "shard files, or prefixes holding them (a directory, or s3://bucket/prefix/ : every .jsonl under it)")
    .option("--out <location>", "write the report here (a file or s3://bucket/key, atomically) instead of stdout")
    .option("--format <list>", `comma-separated report formats: ${REPORT_FORMATS.join(", ")}`, "json")
    .addOption(new Option("--fail-on <severity>", "exit 1 on a failure at or above this severity").choices(SEVERITIES).default("high"))
    .option("--baseline <location>", "an earlier canonical report (file or s3://): print what changed, and exit 1 only on new failures at or above --fail-on")
    .option("--allow-scope-change", "with --baseline: compare even when accounts or regions differ")
    .option("--endpoint-url <url>", "send S3 calls to this endpoint (an emulator)")
    .option("--region <region>", "region of the S3 calls", process.env.AWS_REGION ?? "us-east-1")
    .option("--inventory", "add the customer-data inventory and access map to the report (`dataInventory`), as `cdguard scan --inventory` does")
    .option("--managed-by <stack-export>", "with --inventory: a `pulumi stack export` file of a stack managing some of the stores (repeatable)", (v: string, prev: string[]) => [...prev, v], [])
    .option("--quiet", "no progress on stderr")
    .action(async (shards: string[], flags: MergeFlags) => {
      process.exitCode = await runMerge(shards, flags);
    });
}

async function runMerge(inputs: readonly string[], flags: MergeFlags): Promise<number> {
  // The SDK warns on Node 20 that its 2027 releases need Node 22 (see the README); --quiet means quiet.
  if (flags.quiet) process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const formats = parseFormats(flags.format);
  if (formats.length > 1 && !flags.out) throw new UsageError(`--format ${flags.format}: several formats need --out`);
  const storage: StorageOptions = { region: flags.region, ...(flags.endpointUrl ? { endpointUrl: checkedEndpoint(flags.endpointUrl) } : {}) };
  checkInventoryFlags(flags, "merge");
  const files = await shardFiles(inputs, storage);
  const display = progressDisplay(process.stderr, { quiet: flags.quiet === true, env: process.env });
  let merged;
  try {
    merged = await mergeShards(
      files.map((f) => () => readShard(f, storage)),
      { allRules: ALL_RULES, sources: ALL_SOURCES, keyDirectory, progress: display },
    );
  } catch (e) {
    if (e instanceof ShardInputError) throw new UsageError(e.message);
    throw e;
  } finally {
    display.finish();
  }
  const judging = { rules: merged.rules, entries: merged.header.entries };
  const dataInventory = flags.inventory ? scanDataInventory(merged, judging, await managingStacks(flags.managedBy, judging, storage)) : undefined;
  return finishReport("merge", scanReport(merged, TOOL, dataInventory ? { dataInventory } : {}), formats, flags, storage);
}

/** Each input as files: a prefix (a trailing `/`, or a local directory) stands for the shard files under it. */
async function shardFiles(inputs: readonly string[], storage: StorageOptions): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const isPrefix = input.endsWith("/") || (!input.startsWith("s3:") && isDirectory(input));
    if (!isPrefix) {
      files.push(input);
      continue;
    }
    const under = await storageCall(() => listLocations(input.endsWith("/") ? input : `${input}/`, storage, { suffixes: [".jsonl"] }));
    if (under.length === 0) throw new UsageError(`${input}: no shard files (*.jsonl) under it`);
    files.push(...under);
  }
  return [...new Set(files)];
}

async function readShard(location: string, storage: StorageOptions): Promise<ShardText> {
  return { source: location, text: await storageCall(() => readText(location, storage)) };
}

async function storageCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof StorageError) throw new UsageError(e.message);
    throw e;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
