// The 500-account × 17-region estimate of the fan-out bench: measured per-resource costs times assumed
// organization size, AWS latency and Fargate prices. Every input that is not measured is an assumption
// listed in ASSUMED, and the section prints the formulas so a reader can redo them with their own numbers.

/** Measured on moto by the bench (bench/scan/fanout.ts). */
export interface Measured {
  /** API calls per resource judged (the unsharded report's stats). */
  callsPerResource: number;
  /** Share of one unit's calls that go to its busiest service (the critical path: one limiter per service). */
  busiestServiceShare: number;
  busiestService: string;
  /** Shard processes' CPU seconds per API call, process start-up excluded (fit over N). */
  cpuPerCallS: number;
  /** CPU seconds of one shard process that do not grow with its work (start-up, planning). */
  cpuPerProcessS: number;
  /** CPU seconds of `cdguard merge` per resource (it adapts and judges everything, in one process). */
  mergeCpuPerResourceS: number;
  /** Shard file bytes per resource. */
  shardBytesPerResource: number;
  /** Canonical JSON report bytes per resource (the merge writes it as one string). */
  reportBytesPerResource: number;
  /** Resources in the largest shard measured (how far the memory fit is stretched). */
  largestShardMeasured: number;
  /** Peak memory of a shard process: MiB at no resources, and MiB per resource in the shard (fit over N). */
  shardRssBaseMiB: number;
  shardRssPerResourceMiB: number;
}

export const ASSUMED = {
  accounts: 500,
  regions: 17,
  /** Resources per (account, region), of the measured mix (IAM counted in each region's share). */
  resourcesPerAccountRegion: 300,
  /** Median AWS API latency per call, seconds. */
  latencyS: 0.08,
  /** The CLI's defaults: calls in flight per (account, region, service), and accounts at once per process. */
  concurrency: 10,
  ratePerSecondPerConcurrency: 20,
  accountConcurrency: 4,
  shards: 64,
  taskVcpu: 1,
  taskGb: 2,
  mergeVcpu: 1,
  mergeGb: 8,
  /** Fargate task start (image pull, ENI), billed, seconds. */
  taskStartS: 60,
  scansPerMonth: 30,
  /** us-east-1, Linux/x86, on demand. */
  fargateVcpuHour: 0.04048,
  fargateGbHour: 0.004445,
  /** Step Functions Standard: per state transition. Distributed Map: about 4 transitions per child (item) plus 6 for the run. */
  sfnPerTransition: 0.025 / 1000,
  sfnTransitionsPerShard: 4,
  sfnTransitionsPerRun: 6,
  /** S3 Standard: PUT/LIST and GET per request; storage per GB-month, shard files kept 30 days. */
  s3PutPerRequest: 0.005 / 1000,
  s3GetPerRequest: 0.0004 / 1000,
  s3GbMonth: 0.023,
} as const;

export type Assumed = { -readonly [K in keyof typeof ASSUMED]: number };

export interface Estimate {
  resources: number;
  apiCalls: number;
  callsPerShard: number;
  resourcesPerShard: number;
  accountsPerShard: number;
  /** Calls per second one (account, region, service) can make: the lower of in-flight/latency and the token bucket. */
  perServiceRate: number;
  /** One account's fetch when latency-bound: its busiest service's calls at perServiceRate (its regions run in parallel). */
  accountLatencyS: number;
  shardLatencyS: number;
  shardCpuS: number;
  /** Shard wall: at best the larger of the two (they overlap), at worst their sum. */
  shardWallLowS: number;
  shardWallHighS: number;
  shardPeakRssMiB: number;
  mergeS: number;
  shardBytes: number;
  reportBytes: number;
  scanWallLowS: number;
  scanWallHighS: number;
  taskHours: number;
  fargatePerRun: number;
  sfnPerRun: number;
  s3PerRun: number;
  s3StorageMonth: number;
  monthly: number;
}

export function estimate(m: Measured, a: Assumed = { ...ASSUMED }): Estimate {
  const resources = a.accounts * a.regions * a.resourcesPerAccountRegion;
  const apiCalls = resources * m.callsPerResource;
  const callsPerShard = apiCalls / a.shards;
  const resourcesPerShard = resources / a.shards;
  const accountsPerShard = a.accounts / a.shards;
  const perServiceRate = Math.min(a.concurrency / a.latencyS, a.ratePerSecondPerConcurrency * a.concurrency);
  const accountLatencyS = (m.busiestServiceShare * a.resourcesPerAccountRegion * m.callsPerResource) / perServiceRate;
  const shardLatencyS = Math.ceil(accountsPerShard / a.accountConcurrency) * accountLatencyS;
  const shardCpuS = (callsPerShard * m.cpuPerCallS + m.cpuPerProcessS) / a.taskVcpu;
  const shardWallLowS = Math.max(shardLatencyS, shardCpuS);
  const shardWallHighS = shardLatencyS + shardCpuS;
  const mergeS = resources * m.mergeCpuPerResourceS;
  const shardBytes = resources * m.shardBytesPerResource;
  const reportBytes = resources * m.reportBytesPerResource;
  const scanWallLowS = a.taskStartS + shardWallLowS + a.taskStartS + mergeS;
  const scanWallHighS = a.taskStartS + shardWallHighS + a.taskStartS + mergeS;
  const shardTaskHours = (a.shards * (a.taskStartS + shardWallHighS)) / 3600;
  const mergeTaskHours = (a.taskStartS + mergeS) / 3600;
  const fargatePerRun = shardTaskHours * (a.taskVcpu * a.fargateVcpuHour + a.taskGb * a.fargateGbHour) + mergeTaskHours * (a.mergeVcpu * a.fargateVcpuHour + a.mergeGb * a.fargateGbHour);
  const sfnPerRun = (a.sfnTransitionsPerRun + a.shards * a.sfnTransitionsPerShard) * a.sfnPerTransition;
  // Each shard PUTs its file; the merge LISTs the prefix, GETs each file and PUTs the report.
  const s3PerRun = (a.shards + 2) * a.s3PutPerRequest + a.shards * a.s3GetPerRequest;
  // A month of daily scans' shard files is kept at any time.
  const s3StorageMonth = (shardBytes / 1e9) * a.scansPerMonth * a.s3GbMonth;
  const monthly = a.scansPerMonth * (fargatePerRun + sfnPerRun + s3PerRun) + s3StorageMonth;
  return {
    resources,
    apiCalls,
    callsPerShard,
    resourcesPerShard,
    accountsPerShard,
    perServiceRate,
    accountLatencyS,
    shardLatencyS,
    shardCpuS,
    shardWallLowS,
    shardWallHighS,
    shardPeakRssMiB: m.shardRssBaseMiB + resourcesPerShard * m.shardRssPerResourceMiB,
    mergeS,
    shardBytes,
    reportBytes,
    scanWallLowS,
    scanWallHighS,
    taskHours: shardTaskHours + mergeTaskHours,
    fargatePerRun,
    sfnPerRun,
    s3PerRun,
    s3StorageMonth,
    monthly,
  };
}

/** Least-squares line y = a + b·x; undefined with fewer than two distinct x. */
export function fitLine(points: readonly (readonly [number, number])[]): { a: number; b: number } | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return undefined;
  const b = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  return { a: my - b * mx, b };
}

const usd = (x: number): string => (x < 0.01 ? `$${x.toFixed(4)}` : `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
const num = (x: number, digits = 0): string => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const dur = (s: number): string => (s >= 3600 ? `${(s / 3600).toFixed(1)} h` : s >= 90 ? `${(s / 60).toFixed(1)} min` : `${s.toFixed(0)} s`);
const durRange = (lo: number, hi: number): string => (dur(lo) === dur(hi) ? `about ${dur(lo)}` : `${dur(lo)} to ${dur(hi)}`);
/** V8's longest string on 64-bit (2^29 − 24 characters): JSON.stringify of a bigger report throws. */
const V8_MAX_STRING = 2 ** 29 - 24;

/** The estimate's Markdown: measured inputs, assumptions, formulas, results. */
export function renderEstimate(m: Measured, a: Assumed = { ...ASSUMED }): string {
  const e = estimate(m, a);
  return `### Estimate: ${num(a.accounts)} accounts × ${a.regions} regions, daily, on Fargate

Computed by the script from the figures measured above and the assumptions below; it is a model, not a
measurement of AWS. Change an assumption and redo the arithmetic with the formulas.

**Measured here (moto, this machine):**

| Input | Value |
| --- | ---: |
| API calls per resource, *c* | ${m.callsPerResource.toFixed(2)} |
| Busiest service's share of calls, *s* (${m.busiestService}) | ${(m.busiestServiceShare * 100).toFixed(0)} % |
| Shard CPU seconds per API call, *k* (fit of total shard CPU against N: slope removed) | ${(m.cpuPerCallS * 1000).toFixed(2)} ms |
| Shard CPU seconds per process, *p* (the fit's per-process part: start-up, planning) | ${m.cpuPerProcessS.toFixed(2)} s |
| Shard CPU seconds per resource (*c*·*k*) | ${(m.callsPerResource * m.cpuPerCallS * 1000).toFixed(2)} ms |
| Merge CPU seconds per resource, *j* (adapt + judge, one process) | ${(m.mergeCpuPerResourceS * 1000).toFixed(2)} ms |
| Shard file bytes per resource, *b* | ${num(m.shardBytesPerResource)} |
| Canonical report (JSON) bytes per resource | ${num(m.reportBytesPerResource)} |
| Shard peak memory: MiB at no resources + MiB per resource in the shard (fit) | ${m.shardRssBaseMiB.toFixed(0)} + ${(m.shardRssPerResourceMiB * 1024).toFixed(1)} KiB × resources |

**Assumed (not measured):**

| Assumption | Value |
| --- | ---: |
| Accounts *A*, regions *G* | ${num(a.accounts)}, ${a.regions} |
| Resources per (account, region), *r*, of the measured mix (IAM counted in each region's share) | ${num(a.resourcesPerAccountRegion)} |
| AWS API latency per call, *L* (median) | ${(a.latencyS * 1000).toFixed(0)} ms |
| Calls in flight per (account, region, service) and token bucket (the CLI's defaults: \`--concurrency ${a.concurrency}\`, ${a.ratePerSecondPerConcurrency} calls/s per unit of concurrency, src/fetchers/aws/limiter.ts) | ${a.concurrency} at once, ${a.ratePerSecondPerConcurrency * a.concurrency} calls/s |
| Accounts at once per process (\`--account-concurrency\` default), *a* | ${a.accountConcurrency} |
| Shards *N* (Fargate tasks of ${a.taskVcpu} vCPU / ${a.taskGb} GB), then one merge task of ${a.mergeVcpu} vCPU / ${a.mergeGb} GB | ${a.shards} |
| Task start (image pull, ENI), billed, *t₀* | ${a.taskStartS} s |
| Fargate on-demand Linux/x86, us-east-1 | $${a.fargateVcpuHour} per vCPU-hour, $${a.fargateGbHour} per GB-hour |
| Step Functions Standard (Distributed Map, ${a.sfnTransitionsPerShard} transitions per shard + ${a.sfnTransitionsPerRun} per run) | $0.025 per 1,000 transitions |
| S3 Standard: PUT/LIST, GET, storage (shard files kept 30 days) | $0.005 / 1,000, $0.0004 / 1,000, $${a.s3GbMonth} per GB-month |
| Scans per month | ${a.scansPerMonth} |
| The scanner's read-only API calls themselves | free (AWS does not charge for Describe/List/Get calls) |

**Formulas:**

\`\`\`
resources        R  = A·G·r                                      = ${num(e.resources)}
API calls        C  = R·c                                        = ${num(e.apiCalls)}
per-service rate q  = min(concurrency / L, token bucket)         = ${num(e.perServiceRate)} calls/s
one account      Tₐ = s·r·c / q     (its regions and services run in parallel; the busiest service bounds it)
                                                                 = ${e.accountLatencyS.toFixed(1)} s
shard, latency   Tₗ = ceil(A/N / a)·Tₐ                           = ${dur(e.shardLatencyS)}
shard, CPU       Tc = (C/N)·k + p   (1 vCPU; Node runs on one core)  = ${dur(e.shardCpuS)}
shard wall       between max(Tₗ, Tc) and Tₗ + Tc                 = ${durRange(e.shardWallLowS, e.shardWallHighS)}
merge            Tm = R·j           (one process judges all)     = ${dur(e.mergeS)}
scan wall        T  = t₀ + shard wall + t₀ + Tm                  = ${durRange(e.scanWallLowS, e.scanWallHighS)}
task-hours       H  = N·(t₀ + Tₗ + Tc)/3600 + (t₀ + Tm)/3600     = ${e.taskHours.toFixed(2)} per scan
Fargate per scan    = shard hours·(vCPU·$/vCPU-h + GB·$/GB-h) + merge hours·(same, merge size) = ${usd(e.fargatePerRun)}
Step Functions      = (${a.sfnTransitionsPerRun} + ${a.sfnTransitionsPerShard}·N)·$0.000025                  = ${usd(e.sfnPerRun)}
S3 requests         = (N + 2)·PUT + N·GET                        = ${usd(e.s3PerRun)}
S3 storage          = R·b bytes (${num(e.shardBytes / 1e9, 2)} GB per scan)·${a.scansPerMonth} scans kept·$/GB-month = ${usd(e.s3StorageMonth)} per month
monthly             = ${a.scansPerMonth}·(Fargate + Step Functions + S3 requests) + S3 storage = ${usd(e.monthly)}
\`\`\`

**Result:** ${num(e.resources)} resources and about ${num(e.apiCalls / 1e6, 1)} million API calls per scan; with ${a.shards} shards
(${num(e.accountsPerShard, 1)} accounts, ${num(e.resourcesPerShard)} resources each) the scan takes **${durRange(e.scanWallLowS, e.scanWallHighS)}** wall,
**${e.taskHours.toFixed(1)} task-hours**, and costs about **${usd(e.monthly)} a month** at one scan a day (Fargate ${usd(e.fargatePerRun * a.scansPerMonth)},
Step Functions ${usd(e.sfnPerRun * a.scansPerMonth)}, S3 ${usd(e.s3PerRun * a.scansPerMonth + e.s3StorageMonth)}). A shard's peak memory, extrapolated
linearly to ${num(e.resourcesPerShard)} resources (${num(e.resourcesPerShard / m.largestShardMeasured, 0)}× the largest shard measured), is about ${num(e.shardPeakRssMiB)} MiB${e.shardPeakRssMiB > a.taskGb * 1024 * 0.9 ? ` — **more than the ${a.taskGb} GB task holds**: use more shards or bigger tasks` : ` (the task has ${a.taskGb} GB)`}.
The merge, one process judging all ${num(e.resources)} resources, is ${dur(e.mergeS)} of the wall time${e.mergeS > e.shardWallHighS ? " — **longer than the shards**: it, not N, bounds the scan" : ""}.
The merged report would be about ${num(e.reportBytes / 1e9, 1)} GB of JSON${e.reportBytes > V8_MAX_STRING ? ` — **more than the ${num(V8_MAX_STRING / 2 ** 20)} Mi characters V8 allows in one string**: written as one \`JSON.stringify\`, it would fail at this size (the report would need streaming or splitting)` : ""}.
`;
}
