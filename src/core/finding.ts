import type { ResourceRef } from "./ref";
import type { AnyRule } from "./rule";
import type { UnknownReason } from "./value";
import type { Waiver } from "./waivers";

/** What a finding says of one resource against one rule. */
export type FindingStatus = "fail" | "pass" | "not-assessed" | "waived";

/** The rule's metadata a finding carries, so a report needs nothing else to explain it. */
export type FindingRule = Pick<AnyRule, "id" | "slug" | "title" | "pillar" | "severity" | "frameworks">;

/** A waiver that matched the finding's resource (a tag or a waivers file's entry), or a waiver tag that could not be read. */
export type FindingWaiver =
  | { readonly state: "active" | "expired"; readonly waiver: Waiver }
  | { readonly state: "invalid"; readonly problem: string };

/** One rule's verdict on one resource, the same whichever front fed the models. */
export interface Finding {
  readonly rule: FindingRule;
  readonly resource: ResourceRef;
  readonly status: FindingStatus;
  /** Names the resource and the observed value; never a secret. */
  readonly message: string;
  /** Why it was not assessed (status "not-assessed"). */
  readonly reason?: UnknownReason;
  /** True when the rule itself failed to run: the whole scope was not assessed. */
  readonly evaluationError?: true;
  /** Set on a waived finding, and on a failure whose waiver expired or is unreadable. */
  readonly waiver?: FindingWaiver;
}
