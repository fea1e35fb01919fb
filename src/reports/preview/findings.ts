import { SUPPORTED_TYPES } from "../../adapters/pulumi/inventory";
import { findingRule } from "../../core/evaluate";
import type { Finding, FindingWaiver } from "../../core/finding";
import type { ResourceRef } from "../../core/ref";
import type { AnyRule } from "../../core/rule";
import { EventLogError, type LoggedEvent, type PolicySummaryEvent, type PolicyViolationEvent } from "./event-log";
import { labelInMessage, labelOfType } from "./labels";
import { readPackMessage, type PackMessage } from "./pack-message";
import { RuleSubjects } from "./rule-subjects";
import { parseUrn, rootStackUrn } from "./urn";

/** An event of the pack: a violation or a summary of which policies passed. */
export type PackEvent = Extract<LoggedEvent, { kind: "policy" | "resource-summary" | "stack-summary" }>;

const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_TYPES);

/** Turns the pack's events into findings, one event at a time. */
export class FindingReader {
  private readonly violations: { readonly rule: AnyRule; readonly urn: string; readonly read: PackMessage; readonly exceptions: PolicyViolationEvent["exceptions"] }[] = [];
  private readonly passes = new Map<string, { readonly rule: AnyRule; readonly urn: string }>();
  private readonly ran = new Set<AnyRule>();
  private readonly subjects = new RuleSubjects();

  constructor(
    private readonly rules: ReadonlyMap<string, AnyRule>,
    private readonly project: string,
    private readonly stack: string,
    private readonly source: string,
  ) {}

  read(e: PackEvent): void {
    if (e.kind === "policy") this.violation(e.event, e.line);
    else this.summary(e.event, e.kind === "stack-summary");
  }

  private violation(event: PolicyViolationEvent, line: number): void {
    const rule = this.rules.get(event.policyName);
    if (!rule) {
      throw new EventLogError(
        `${this.source}:${line}: policy '${event.policyName}' of ${event.policyPackName} ${event.policyPackVersion} is not a rule this cdguard knows: the run used another version of the pack`,
      );
    }
    this.ran.add(rule);
    const urn = event.resourceUrn && parseUrn(event.resourceUrn) ? event.resourceUrn : this.rootUrn();
    this.violations.push({ rule, urn, read: readPackMessage(event.message, rule.id), exceptions: event.exceptions });
  }

  private summary(event: PolicySummaryEvent, stackWide: boolean): void {
    for (const name of event.failed ?? []) {
      const rule = this.rules.get(name);
      if (rule) this.ran.add(rule);
    }
    const urn = stackWide ? this.rootUrn() : event.resourceUrn;
    const type = urn === undefined ? undefined : parseUrn(urn)?.type;
    for (const name of event.passed ?? []) {
      const rule = this.rules.get(name);
      if (!rule) continue; // pack-settings, which judges nothing
      this.ran.add(rule);
      if (urn === undefined || type === undefined) continue;
      if (!stackWide && !(SUPPORTED.has(type) && this.subjects.judges(rule, type))) continue;
      this.passes.set(`${rule.id}\n${urn}`, { rule, urn });
    }
  }

  rulesSeen(): AnyRule[] {
    return [...this.ran];
  }

  findings(): Finding[] {
    const labels = this.labelsFromMessages();
    const out: Finding[] = this.violations.map((v) => violationFinding(v.rule, this.ref(v.urn, labels), v.read, v.exceptions));
    const failed = new Set(this.violations.map((v) => `${v.rule.id}\n${v.urn}`));
    for (const [key, p] of this.passes) {
      if (failed.has(key)) continue;
      const resource = this.ref(p.urn, labels);
      out.push({ rule: findingRule(p.rule), resource, status: "pass", message: `${resource.label} '${resource.name}': no violation reported` });
    }
    return out;
  }

  /** One label per resource, the one the pack's own messages use, so every finding on it reads alike. */
  private labelsFromMessages(): Map<string, string> {
    const labels = new Map<string, string>();
    for (const v of this.violations) {
      const name = parseUrn(v.urn)?.name;
      const label = name === undefined ? undefined : labelInMessage(v.read.message, name);
      if (label && !labels.has(v.urn)) labels.set(v.urn, label);
    }
    return labels;
  }

  private ref(urn: string, labels: ReadonlyMap<string, string>): ResourceRef {
    const parts = parseUrn(urn);
    const type = parts?.type ?? "";
    return { id: urn, type, name: parts?.name ?? urn, label: labels.get(urn) ?? labelOfType(type) ?? type };
  }

  private rootUrn(): string {
    return rootStackUrn(this.project, this.stack);
  }
}

function violationFinding(rule: AnyRule, resource: ResourceRef, read: PackMessage, exceptions: PolicyViolationEvent["exceptions"]): Finding {
  const base = { rule: findingRule(rule), resource, message: read.message, ...(read.reason ? { reason: read.reason } : {}) };
  const exception = exceptions?.[0];
  if (exception && read.status === "fail") {
    // A Pulumi policy exception lets the violation through: it is waived, by that exception.
    return { ...base, status: "waived", waiver: { state: "active", waiver: { ruleId: rule.id, reason: exception.reason || "(no reason given)", source: `policy exception ${exception.id}` } } };
  }
  const waiver = waiverOf(rule.id, read);
  return { ...base, status: read.status, ...(waiver ? { waiver } : {}) };
}

function waiverOf(ruleId: string, read: PackMessage): FindingWaiver | undefined {
  if (read.waiverProblem !== undefined) return { state: "invalid", problem: read.waiverProblem };
  const w = read.waiver;
  if (!w) return undefined;
  // An expired waiver's reason is not in the pack's message.
  const reason = w.reason ?? (w.state === "expired" ? "(its reason is not in the preview's message)" : "(no reason given)");
  return { state: w.state, waiver: { ruleId, reason, source: "tag", ...(w.until ? { until: w.until } : {}) } };
}
