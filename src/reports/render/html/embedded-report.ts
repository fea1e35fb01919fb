import type { CanonicalReport, ReportResource, ReportWaiver } from "../../report";

/** A resource: [id, type, name, label, account, region]; strings by index in `strings`, -1 when absent. */
export type EmbeddedResource = readonly [string, number, string, number, number, number];

/**
 * A finding: [id, ruleId, status, resource, message, reason?, waiver?, waiverProblem?]; ruleId, status and
 * reason index `strings`, resource indexes `resources`, waiver indexes `waivers`, -1 when absent; trailing
 * absent fields are left out.
 */
export type EmbeddedFinding = readonly (string | number)[];

/**
 * The report as the page embeds it. The canonical JSON repeats every resource's type, label, account and
 * region and every key name in each finding; at 50,000 findings that is most of the file, and the time a
 * browser takes to read and parse a page grows with its size. Here each repeated value is written once.
 * DECODE_REPORT (below) turns it back into the canonical report, in the page and in the tests.
 */
export interface EmbeddedReport {
  readonly report: Omit<CanonicalReport, "findings">;
  readonly strings: readonly string[];
  readonly resources: readonly EmbeddedResource[];
  readonly waivers: readonly ReportWaiver[];
  readonly findings: readonly EmbeddedFinding[];
}

class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly keyOf: (value: T) => string) {}

  of(value: T | undefined): number {
    if (value === undefined) return -1;
    const key = this.keyOf(value);
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.values.push(value) - 1;
      this.index.set(key, at);
    }
    return at;
  }
}

export function embedReport(report: CanonicalReport): EmbeddedReport {
  const { findings, ...rest } = report;
  const strings = new Interned<string>((s) => s);
  const resources = new Interned<ReportResource>((r) => JSON.stringify([r.id, r.type, r.name, r.label, r.account, r.region]));
  const waivers = new Interned<ReportWaiver>((w) => JSON.stringify(w));
  const embedded = findings.map((f) => {
    const row: (string | number)[] = [f.id, strings.of(f.ruleId), strings.of(f.status), resources.of(f.resource), f.message];
    const optional = [strings.of(f.reason), waivers.of(f.waiver), f.waiverProblem ?? -1];
    while (optional.length > 0 && optional[optional.length - 1] === -1) optional.pop();
    return [...row, ...optional];
  });
  return {
    report: rest,
    strings: strings.values,
    resources: resources.values.map((r) => [r.id, strings.of(r.type), r.name, strings.of(r.label), strings.of(r.account), strings.of(r.region)] as const),
    waivers: waivers.values,
    findings: embedded,
  };
}

/** The page's decoder, as browser source: `decodeReport(embedded)` returns the canonical report. */
export const DECODE_REPORT = `function decodeReport(data) {
  var strings = data.strings;
  var text = function (k) { return k >= 0 ? strings[k] : undefined; };
  var resources = data.resources.map(function (r) {
    var resource = { id: r[0], type: strings[r[1]], name: r[2], label: strings[r[3]] };
    if (r[4] >= 0) resource.account = strings[r[4]];
    if (r[5] >= 0) resource.region = strings[r[5]];
    return resource;
  });
  var findings = data.findings.map(function (f) {
    var finding = { id: f[0], ruleId: strings[f[1]], status: strings[f[2]] };
    var reason = text(f.length > 5 ? f[5] : -1);
    if (reason !== undefined) finding.reason = reason;
    finding.resource = resources[f[3]];
    finding.message = f[4];
    if (f.length > 6 && f[6] >= 0) finding.waiver = data.waivers[f[6]];
    if (f.length > 7 && f[7] !== -1) finding.waiverProblem = f[7];
    return finding;
  });
  return Object.assign({}, data.report, { findings: findings });
}`;
