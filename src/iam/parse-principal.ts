import { isUnknown, type Val } from "../core/value";
import type { PrincipalElement, PrincipalEntry, PrincipalType } from "./model";
import { checkKeys, describeValue, isPlainObject, readStringList, type Problems } from "./parse-values";

const PRINCIPAL_TYPES: readonly PrincipalType[] = ["AWS", "Service", "Federated", "CanonicalUser"];

/** Reads a Principal or NotPrincipal element: `"*"` or an object of principal types to one value or a list. */
export function readPrincipal(
  element: "Principal" | "NotPrincipal",
  value: unknown,
  path: string,
  problems: Problems,
): Val<PrincipalElement> | undefined {
  if (isUnknown(value)) return value;
  if (value === "*") return { element, entries: [{ type: "AWS", value: "*" }] };
  if (typeof value === "string") {
    problems.push({
      path,
      problem: `expected "*" or an object keyed by AWS, Service, Federated or CanonicalUser, got another string`,
    });
    return undefined;
  }
  if (!isPlainObject(value)) {
    problems.push({
      path,
      problem: `expected "*" or an object keyed by AWS, Service, Federated or CanonicalUser, got ${describeValue(value)}`,
    });
    return undefined;
  }
  const before = problems.length;
  checkKeys(value, PRINCIPAL_TYPES, path, problems);
  const entries: PrincipalEntry[] = [];
  for (const type of PRINCIPAL_TYPES) {
    if (!(type in value)) continue;
    const values = readStringList(value[type], `${path}.${type}`, problems, { itemName: "principal" });
    if (values === undefined) continue;
    if (isUnknown(values)) entries.push({ type, value: values });
    else for (const v of values) entries.push({ type, value: v });
  }
  if (Object.keys(value).length === 0) {
    problems.push({ path, problem: "expected at least one principal, got an empty object" });
  }
  return problems.length === before ? { element, entries } : undefined;
}
