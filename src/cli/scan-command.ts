import { Command, Option } from "commander";
import { packConfigProblems } from "../core/pack-config";
import { loadWaiversFile, WaiversFileError, type FileWaiver } from "../core/waiver-file";
import type { AnyRule, Severity } from "../core/rule";
import { DEFAULT_RETRY } from "../fetchers/aws/retry";
import { canonicalReport } from "../reports/canonical";
import { pulumiState, pulumiStateText } from "../reports/pulumi-state";
import { REPORT_FORMATS } from "../reports/render";
import { ALL_RULES } from "../rules";
import { scan, type ScanResult } from "../scanner/scan";
import { ALL_SOURCES, keyDirectory } from "../scanner/sources";
import { readPolicyConfig } from "./config-check";
import { scanCredentials } from "../fetchers/aws/credentials";
import { progressDisplay } from "./progress-display";
import { parseFormats, writeReports } from "./report-writing";
import { compareReports, reportAt } from "./diff-command";
import { diffExitCode } from "../reports/diff";
import { renderDiff } from "../reports/diff-render";
import { selectRules, severityRank, SEVERITIES, UsageError } from "./select-rules";
import { TOOL } from "./tool";

interface ScanFlags {
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
}

/**
 * Calls in flight per (account, region, service). Ten is what Prowler runs per service (its thread pool);
 * the token bucket (20 calls a second per unit of concurrency) and the retries on throttling keep it
 * polite to AWS's per-account API limits.
 */
export const DEFAULT_CONCURRENCY = 10;

const PULUMI_STATE = "pulumi-state";
const list = (v: string): string[] => v.split(",").map((s) => s.trim()).filter((s) => s !== "");
const positiveInt = (flag: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: '${v}' is not a positive whole number`);
  return n;
};

export function scanCommand(): Command {
  return new Command("scan")
    .description("judge a deployed AWS account with the pack's rules; writes the canonical JSON report")
    .option("--profile <name>", "AWS shared-config profile (default: the SDK's credential chain)")
    .option("--regions <list>", "comma-separated regions (default: every region the account has enabled)", list)
    .option("--role-arn <arn>", "role to assume for the scan")
    .option("--external-id <id>", "ExternalId the role's trust policy requires")
    .option("--rules <list>", "rule ids or policy names to run (default: all)", list)
    .option("--pillars <list>", "pillars to run: encryption, network, segregation, iam, hygiene", list)
    .option("--severity <level>", `lowest severity to run: ${SEVERITIES.join(", ")}`)
    .option("--config <file>", "the rules' settings: a policy-pack config file (JSON or YAML)")
    .option("--out <file>", "write the report here (atomically; several formats: this name with each format's extension) instead of stdout")
    .option("--format <list>", `comma-separated report formats: ${[...REPORT_FORMATS, PULUMI_STATE].join(", ")}`, "json")
    .option("--endpoint-url <url>", "send every AWS call to this endpoint (an emulator)")
    .option("--concurrency <n>", "calls in flight per account, region and service", positiveInt("--concurrency"), DEFAULT_CONCURRENCY)
    .option("--timeout <ms>", "timeout of one HTTP request, in milliseconds", positiveInt("--timeout"), 20_000)
    .addOption(new Option("--fail-on <severity>", "exit 1 on a failure at or above this severity").choices(SEVERITIES).default("high"))
    .option("--home-region <region>", "region for account-wide calls (STS, IAM, region list)", process.env.AWS_REGION ?? "us-east-1")
    .option("--waivers <file>", "a waivers file (YAML: rule, resource pattern, reason, owner, expires), applied beside waiver tags")
    .option("--baseline <file>", "an earlier canonical report: print what changed, and exit 1 only on new failures at or above --fail-on")
    .option("--allow-scope-change", "with --baseline: compare even when accounts or regions differ (the diff says what both were)")
    .option("--quiet", "no progress on stderr")
    .option("--debug", "print stack traces of unexpected errors")
    .action(async (flags: ScanFlags) => {
      process.exitCode = await runScan(flags);
    });
}

async function runScan(flags: ScanFlags): Promise<number> {
  // The SDK warns on Node 20 that its 2027 releases need Node 22 (see the README); --quiet means quiet.
  if (flags.quiet) process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const formats = parseFormats(flags.format, [PULUMI_STATE]);
  if (formats.length > 1 && !flags.out) throw new UsageError(`--format ${flags.format}: several formats need --out`);
  const baseline = flags.baseline ? reportAt(flags.baseline) : undefined;
  const waivers = flags.waivers ? waiversFrom(flags.waivers) : undefined;
  const rules = configuredRules(flags);
  const entries = flags.config ? checkedConfig(flags.config).entries : {};
  const endpointUrl = flags.endpointUrl === undefined ? undefined : checkedEndpoint(flags.endpointUrl);
  const credentials = scanCredentials({
    region: flags.homeRegion,
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.roleArn ? { roleArn: flags.roleArn } : {}),
    ...(flags.externalId ? { externalId: flags.externalId } : {}),
    ...(endpointUrl ? { endpointUrl } : {}),
  });
  const display = progressDisplay(process.stderr, { quiet: flags.quiet === true, env: process.env });
  let result: ScanResult;
  try {
    result = await scan({
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
      progress: display,
      ...(waivers ? { waivers } : {}),
    });
  } finally {
    display.finish();
  }
  // pulumi-state: the account as a `pulumi stack export` document for `pulumi policy analyze --file`.
  const pulumiStateFormat = { format: PULUMI_STATE, extension: ".state.json", text: () => pulumiStateText(pulumiState(result)) };
  const report = canonicalReport(result, TOOL);
  // The baseline is compared before anything is written: a scope mismatch leaves no half-done run behind.
  const drift = baseline && flags.baseline ? compareReports(baseline, report, flags.baseline, "this scan", flags.allowScopeChange === true) : undefined;
  const outputs = writeReports(report, formats, flags.out, [pulumiStateFormat]);
  const written = outputs.flatMap((o) => (o.path === undefined ? [] : [o.path]));
  if (!flags.quiet) process.stderr.write(summary(result, written));
  if (drift) {
    if (!flags.quiet) process.stderr.write(renderDiff(drift, "text"));
    return diffExitCode(drift, flags.failOn as Severity);
  }
  const floor = severityRank(flags.failOn);
  return result.findings.some((f) => f.status === "fail" && severityRank(f.rule.severity) >= floor) ? 1 : 0;
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

function checkedEndpoint(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--endpoint-url: '${url}' is not a URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new UsageError(`--endpoint-url: '${url}' must be http or https`);
  return url;
}

function summary(result: ScanResult, written: readonly string[]): string {
  const by = (s: string) => result.findings.filter((f) => f.status === s).length;
  const where = written.length > 0 ? ` report written to ${written.join(", ")};` : "";
  return `cdguard scan: account ${result.identity.account}, ${result.regions.scan.length} region(s):${where} ${by("fail")} failed, ${by("waived")} waived, ${by("pass")} passed, ${by("not-assessed")} not assessed; ${result.stats.totalRequests} API calls\n`;
}
