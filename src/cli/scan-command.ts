import { Command, Option } from "commander";
import { packConfigProblems } from "../core/pack-config";
import { loadWaiversFile, WaiversFileError, type FileWaiver } from "../core/waiver-file";
import type { AnyRule } from "../core/rule";
import { DEFAULT_RETRY } from "../fetchers/aws/retry";
import { scanReport } from "../reports/canonical";
import { pulumiState, pulumiStateText } from "../reports/pulumi-state";
import { REPORT_FORMATS } from "../reports/render";
import { ALL_RULES } from "../rules";
import { scanOrganization, scanShard, type OrgScanRequest } from "../scanner/org/org-scan";
import { parseShard, ShardSpecError, type ShardSpec } from "../scanner/org/units";
import { singleAccountResult } from "../scanner/scan";
import { shardFileText } from "../scanner/shards/shard-file";
import { ALL_SOURCES, keyDirectory } from "../scanner/sources";
import { readPolicyConfig } from "./config-check";
import { scanCredentials } from "../fetchers/aws/credentials";
import { writeAt } from "./diff-command";
import { checkInventoryFlags, scanDataInventory } from "./inventory-scan";
import { managingStacks } from "./inventory-sources";
import { orgTargeting, ORG_DEFAULTS, type OrgFlags } from "./org-flags";
import { progressDisplay } from "./progress-display";
import { parseFormats } from "./report-writing";
import { finishReport } from "./scan-finish";
import { selectRules, SEVERITIES, UsageError } from "./select-rules";
import { TOOL } from "./tool";

interface ScanFlags extends OrgFlags {
  profile?: string;
  regions?: string[];
  roleArn?: string;
  externalId?: string;
  rules?: string[];
  pillars?: string[];
  severity?: string;
  config?: string;
  out?: string;
  format: string;
  endpointUrl?: string;
  concurrency: number;
  timeout: number;
  failOn: string;
  homeRegion: string;
  quiet?: boolean;
  debug?: boolean;
  baseline?: string;
  allowScopeChange?: boolean;
  waivers?: string;
  shard?: string;
  inventory?: boolean;
  managedBy: string[];
}

/**
 * Calls in flight per (account, region, service). Ten is what Prowler runs per service (its thread pool);
 * the token bucket (20 calls a second per unit of concurrency) and the retries on throttling keep it
 * polite to AWS's per-account API limits.
 */
export const DEFAULT_CONCURRENCY = 10;

const PULUMI_STATE = "pulumi-state";
const collectValues = (value: string, previous: string[]): string[] => [...previous, value];
const list = (v: string): string[] => v.split(",").map((s) => s.trim()).filter((s) => s !== "");
export const positiveInt = (flag: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: '${v}' is not a positive whole number`);
  return n;
};

export function scanCommand(): Command {
  return new Command("scan")
    .description("judge deployed AWS accounts (one, or a whole organization with --org) with the pack's rules; writes the canonical JSON report")
    .option("--profile <name>", "AWS shared-config profile (default: the SDK's credential chain)")
    .option("--regions <list>", "comma-separated regions (default: every region each account has enabled)", list)
    .option("--role-arn <arn>", "role to assume for the scan")
    .option("--external-id <id>", "ExternalId the role's trust policy requires (--role-arn, and the org role with --org)")
    .option("--rules <list>", "rule ids or policy names to run (default: all)", list)
    .option("--pillars <list>", "pillars to run: encryption, network, segregation, iam, hygiene", list)
    .option("--severity <level>", `lowest severity to run: ${SEVERITIES.join(", ")}`)
    .option("--config <file>", "the rules' settings: a policy-pack config file (JSON or YAML)")
    .option("--out <location>", "write the report here (a file or s3://bucket/key, atomically; several formats: this name with each format's extension) instead of stdout")
    .option("--format <list>", `comma-separated report formats: ${[...REPORT_FORMATS, PULUMI_STATE].join(", ")}`, "json")
    .option("--endpoint-url <url>", "send every AWS call to this endpoint (an emulator)")
    .option("--concurrency <n>", "calls in flight per account, region and service", positiveInt("--concurrency"), DEFAULT_CONCURRENCY)
    .option("--timeout <ms>", "timeout of one HTTP request, in milliseconds", positiveInt("--timeout"), 20_000)
    .addOption(new Option("--fail-on <severity>", "exit 1 on a failure at or above this severity").choices(SEVERITIES).default("high"))
    .option("--home-region <region>", "region for account-wide calls (STS, IAM, Organizations, region list)", process.env.AWS_REGION ?? "us-east-1")
    .option("--waivers <file>", "a waivers file (YAML: rule, resource pattern, reason, owner, expires), applied beside waiver tags")
    .option("--baseline <location>", "an earlier canonical report (file or s3://): print what changed, and exit 1 only on new failures at or above --fail-on")
    .option("--allow-scope-change", "with --baseline: compare even when accounts or regions differ (the diff says what both were)")
    .option("--org", "scan every active account of the organization (run from its management or a delegated administrator account)")
    .option("--org-role-name <name>", "with --org: the role assumed in each account (the caller's own account uses the caller's credentials)", ORG_DEFAULTS.roleName)
    .option("--session-name <name>", "with --org: the role session name (shows in the accounts' CloudTrail)", ORG_DEFAULTS.sessionName)
    .option("--session-duration <seconds>", "with --org: session length, 900-43200 (1 hour at most when the caller is itself a role session; sessions are renewed as they expire)", positiveInt("--session-duration"), ORG_DEFAULTS.sessionSeconds)
    .option("--accounts <ids>", "with --org: only these account ids", list)
    .option("--exclude-accounts <ids>", "with --org: skip these account ids", list)
    .option("--ou <ids>", "with --org: only accounts under these roots or OUs (r-..., ou-...), children included", list)
    .option("--account-concurrency <n>", "accounts scanned at once", positiveInt("--account-concurrency"), ORG_DEFAULTS.accountConcurrency)
    .option("--shard <I/N>", "scan only shard I of N (account × region units) and write a shard file for `cdguard merge`")
    .option("--inventory", "add the customer-data inventory and access map to the report (`dataInventory`; render it with `cdguard inventory --from`)")
    .option("--managed-by <stack-export>", "with --inventory: a `pulumi stack export` file of a stack managing some of the stores (repeatable): the report lists unmanaged and drifted stores", collectValues, [])
    .option("--quiet", "no progress on stderr")
    .option("--debug", "print stack traces of unexpected errors")
    .action(async (flags: ScanFlags, command: Command) => {
      process.exitCode = await runScan(flags, command);
    });
}

async function runScan(flags: ScanFlags, command: Command): Promise<number> {
  // The SDK warns on Node 20 that its 2027 releases need Node 22 (see the README); --quiet means quiet.
  if (flags.quiet) process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const formats = parseFormats(flags.format, [PULUMI_STATE]);
  if (formats.length > 1 && !flags.out) throw new UsageError(`--format ${flags.format}: several formats need --out`);
  const org = orgTargeting(flags, (name) => command.getOptionValueSource(name) === "cli");
  checkInventoryFlags(flags, "scan");
  const shard = flags.shard === undefined ? undefined : shardOf(flags, formats);
  if (org && formats.includes(PULUMI_STATE)) throw new UsageError("--format pulumi-state: one account only (it is a stack export of one account); drop --org or the format");
  const waivers = flags.waivers ? waiversFrom(flags.waivers) : undefined;
  const rules = configuredRules(flags);
  const entries = flags.config ? checkedConfig(flags.config).entries : {};
  const endpointUrl = flags.endpointUrl === undefined ? undefined : checkedEndpoint(flags.endpointUrl);
  const credentials = scanCredentials({
    region: flags.homeRegion,
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.roleArn ? { roleArn: flags.roleArn } : {}),
    ...(flags.externalId && !org ? { externalId: flags.externalId } : {}),
    ...(endpointUrl ? { endpointUrl } : {}),
  });
  const storage = { region: flags.homeRegion, credentials, ...(endpointUrl ? { endpointUrl } : {}) };
  const managedBy = await managingStacks(flags.managedBy, { rules, entries }, storage);
  const display = progressDisplay(process.stderr, { quiet: flags.quiet === true, env: process.env });
  const today = new Date().toISOString().slice(0, 10);
  const request: OrgScanRequest = {
    rules,
    entries,
    access: {
      credentials,
      ...(endpointUrl ? { endpointUrl } : {}),
      timeoutMs: flags.timeout,
      retry: DEFAULT_RETRY,
      limits: { concurrency: flags.concurrency, ratePerSecond: 20 * flags.concurrency, burst: 10 * flags.concurrency },
    },
    homeRegion: flags.homeRegion,
    ...(flags.regions ? { regions: flags.regions } : {}),
    sources: ALL_SOURCES,
    keyDirectory,
    ...(org ? { org } : {}),
    accountConcurrency: flags.accountConcurrency,
    progress: display,
    today,
    ...(waivers ? { waivers } : {}),
  };
  if (shard) {
    let text: string;
    try {
      const answers = await scanShard(request, shard);
      text = shardFileText(answers, { tool: TOOL, homeRegion: flags.homeRegion, requestedRegions: flags.regions, rules: rules.map((r) => r.id), entries, waivers, today });
      if (!flags.quiet) process.stderr.write(`cdguard scan: shard ${shard.index}/${shard.total}: ${answers.units.length} unit(s) of ${answers.accounts.length} account(s); ${answers.stats.totalRequests} API calls\n`);
    } finally {
      display.finish();
    }
    if (flags.out) await writeAt(flags.out, text, storage);
    else process.stdout.write(text);
    return 0;
  }
  let outcome;
  try {
    outcome = await scanOrganization(request);
  } finally {
    display.finish();
  }
  // pulumi-state: the account as a `pulumi stack export` document for `pulumi policy analyze --file`.
  const pulumiStateFormat = { format: PULUMI_STATE, extension: ".state.json", text: () => pulumiStateText(pulumiState(singleAccountResult(outcome))) };
  const dataInventory = flags.inventory ? scanDataInventory(outcome, { rules, entries }, managedBy) : undefined;
  return finishReport("scan", scanReport(outcome, TOOL, dataInventory ? { dataInventory } : {}), formats, flags, storage, [pulumiStateFormat]);
}

function shardOf(flags: ScanFlags, formats: readonly string[]): ShardSpec {
  let shard: ShardSpec;
  try {
    shard = parseShard(flags.shard!);
  } catch (e) {
    if (e instanceof ShardSpecError) throw new UsageError(e.message);
    throw e;
  }
  if (formats.length !== 1 || formats[0] !== "json") throw new UsageError(`--shard writes a shard file (JSON Lines) for \`cdguard merge\`: --format ${flags.format} applies to the merged report`);
  if (flags.baseline) throw new UsageError("--shard: --baseline applies to the merged report (`cdguard merge --baseline`)");
  return shard;
}

function waiversFrom(file: string): readonly FileWaiver[] {
  try {
    return loadWaiversFile(file, ALL_RULES).waivers;
  } catch (e) {
    if (e instanceof WaiversFileError) throw new UsageError(`--waivers:\n${e.message}`);
    throw e;
  }
}

function configuredRules(flags: ScanFlags): AnyRule[] {
  const selected = selectRules(ALL_RULES, {
    ...(flags.rules ? { rules: flags.rules } : {}),
    ...(flags.pillars ? { pillars: flags.pillars } : {}),
    ...(flags.severity ? { severity: flags.severity } : {}),
  });
  if (!flags.config) return selected;
  const { levels } = checkedConfig(flags.config);
  return selected.filter((r) => (levels[r.slug] ?? levels.all) !== "disabled");
}

function checkedConfig(file: string): ReturnType<typeof readPolicyConfig> {
  const read = readPolicyConfig(file);
  const problems = [...read.problems, ...packConfigProblems(read.entries, ALL_RULES)];
  if (problems.length > 0) throw new UsageError(`--config ${file}: ${[...new Set(problems)].join("; ")}`);
  return read;
}

export function checkedEndpoint(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--endpoint-url: '${url}' is not a URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new UsageError(`--endpoint-url: '${url}' must be http or https`);
  return url;
}
