import type { ResourceRef } from "./ref";
import type { Outcome } from "./rule";
import type { Unknown, UnknownReason } from "./value";

export const pass = (resource: ResourceRef, message: string): Outcome => ({ status: "pass", resource, message });
export const fail = (resource: ResourceRef, message: string): Outcome => ({ status: "fail", resource, message });
export const notApplicable = (resource: ResourceRef, message: string): Outcome => ({
  status: "not-applicable",
  resource,
  message,
});

/**
 * "Not assessed": `what` names the value that could not be judged. The message names the resource once
 * (`what` often names it again: "the subnets of RDS instance 'x'") and gives the detail; the reason travels
 * as a field, and each front says it in words (UNKNOWN_REASON_TEXT).
 */
export function notAssessed(resource: ResourceRef, what: string, u: Unknown): Outcome {
  const subject = describe(resource);
  // "the subnets of RDS instance 'x'" -> "the subnets"; "which segments IAM role 'x' reaches" -> "which segments it
  // reaches"; a mention followed by " of ..." names something else and stays.
  const named = what.replace(` of ${subject}`, "").replace(new RegExp(`${escapeRegExp(subject)}(?! of )`), "it");
  const detail = u.detail.trim();
  return {
    status: "unknown",
    resource,
    reason: u.reason,
    message: `${subject}: ${named} cannot be judged${detail ? `: ${detail}` : ""}`,
  };
}

/** Why a result is "not assessed", in words for people; reports read the reason back from them. */
export const UNKNOWN_REASON_TEXT: Readonly<Record<UnknownReason, string>> = {
  preview: "known only after the update",
  "not-fetched": "not visible to this run",
  "access-denied": "AWS denied reading it",
  timeout: "the AWS call timed out",
  throttled: "AWS throttled the calls",
  unavailable: "the AWS service was unavailable",
  error: "an error",
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** How messages name a resource: its kind of resource and its name. */
export function describe(resource: ResourceRef): string {
  return `${resource.label} '${resource.name}'`;
}
