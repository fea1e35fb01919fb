import type { GuardConfig } from "./config";
import type { ResourceRef } from "./ref";
import type { UnknownReason } from "./value";

export const PILLARS = {
  encryption: "encryption-at-rest",
  network: "network-isolation",
  segregation: "segregation",
  iam: "least-privilege",
  hygiene: "privacy-hygiene",
} as const;
export type PillarKey = keyof typeof PILLARS;
export type PillarTag = (typeof PILLARS)[PillarKey];

export const AREA_OF_PILLAR: Record<PillarKey, string> = {
  encryption: "ENC",
  network: "NET",
  segregation: "SEG",
  iam: "IAM",
  hygiene: "HYG",
};

export type Severity = "low" | "medium" | "high" | "critical";
export const FRAMEWORKS = ["gdpr", "ccpa", "pci-dss-4.0", "hipaa", "cis-aws-3.0"] as const;
export type Framework = (typeof FRAMEWORKS)[number];
/** Framework -> control ids the rule supports evidence for. */
export type FrameworkMap = Partial<Record<Framework, readonly string[]>>;

/** "resource": judged on one resource (a Pulumi resource policy); "stack": joins resources. */
export type RuleScope = "resource" | "stack";

export type OutcomeStatus = "pass" | "fail" | "not-applicable" | "unknown";

export interface Outcome {
  readonly status: OutcomeStatus;
  readonly resource: ResourceRef;
  /** Names the resource and the observed value; never a secret. */
  readonly message: string;
  /** Set when status is "unknown". */
  readonly reason?: UnknownReason;
}

/** A JSON schema for one rule option, as Pulumi's policy config accepts it. */
export interface OptionSchema {
  readonly type: "string" | "number" | "integer" | "boolean" | "array" | "object";
  readonly description: string;
  readonly default?: unknown;
  readonly items?: { readonly type: string; readonly enum?: readonly string[] };
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface RuleContext<O> {
  readonly config: GuardConfig;
  readonly options: O;
}

/**
 * A rule over an inventory `I` of models; the core never looks inside `I` (src/rules fixes it to the
 * models' Inventory).
 */
export interface Rule<O = Record<string, never>, I = unknown> {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly pillar: PillarKey;
  readonly severity: Severity;
  readonly frameworks: FrameworkMap;
  readonly rationale: string;
  readonly remediation: string;
  readonly links: readonly string[];
  readonly scope: RuleScope;
  /**
   * The parts of the inventory the rule reads (`stores`, `network`...): a scanner fetches only what
   * its selected rules read. A test traces every rule over a scanned inventory to keep it true.
   */
  readonly reads: readonly (keyof I & string)[];
  /** Options with their defaults; the defaults are the pack's documented behaviour. */
  readonly options?: { readonly [K in keyof O]: OptionSchema };
  evaluate(inventory: I, ctx: RuleContext<O>): Outcome[];
}

// Rules are heterogeneous in their options; the registry holds them erased.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, any>;

export function pillarTag(rule: AnyRule): PillarTag {
  return PILLARS[rule.pillar];
}

/** Defaults of a rule's options, overlaid with what the user configured. */
export function resolveOptions(rule: AnyRule, configured: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(rule.options ?? {}) as [string, OptionSchema][]) {
    out[key] = configured && key in configured ? configured[key] : schema.default;
  }
  return out;
}
