import type { ReportScope } from "./report";

/** What both reports judged, and how their scopes differ (empty when they are the same scope). */
export interface ScopeComparison {
  readonly old: ReportScope;
  readonly new: ReportScope;
  readonly changed: boolean;
  readonly differences: readonly string[];
}

/**
 * Two reports judge the same scope when they come from the same front and cover the same accounts and
 * regions (any region added or removed is a change: a region's findings would otherwise read as new or
 * resolved), or the same Pulumi project and stack. A preview and an update of one stack are one scope.
 */
export function compareScopes(oldScope: ReportScope, newScope: ReportScope): ScopeComparison {
  const differences: string[] = [];
  if (oldScope.front !== newScope.front) {
    differences.push(`OLD is ${describeScope(oldScope)}, NEW is ${describeScope(newScope)}`);
  } else if (oldScope.front === "aws" && newScope.front === "aws") {
    setDifference("accounts", oldScope.accounts, newScope.accounts, differences);
    setDifference("regions", oldScope.regions, newScope.regions, differences);
  } else if (oldScope.front === "pulumi" && newScope.front === "pulumi") {
    if (oldScope.project !== newScope.project) differences.push(`project: OLD '${oldScope.project}', NEW '${newScope.project}'`);
    if (oldScope.stack !== newScope.stack) differences.push(`stack: OLD '${oldScope.stack}', NEW '${newScope.stack}'`);
  }
  return { old: oldScope, new: newScope, changed: differences.length > 0, differences };
}

export function describeScope(scope: ReportScope): string {
  if (scope.front === "aws") return `a scan of account(s) ${scope.accounts.join(", ") || "(none)"} in region(s) ${scope.regions.join(", ") || "(none)"}`;
  return `a Pulumi ${scope.operation} of project '${scope.project}' stack '${scope.stack}'`;
}

function setDifference(what: string, before: readonly string[], after: readonly string[], out: string[]): void {
  const removed = before.filter((x) => !after.includes(x));
  const added = after.filter((x) => !before.includes(x));
  if (removed.length === 0 && added.length === 0) return;
  const parts = [...(removed.length > 0 ? [`only in OLD: ${removed.join(", ")}`] : []), ...(added.length > 0 ? [`only in NEW: ${added.join(", ")}`] : [])];
  out.push(`${what} ${parts.join("; ")}`);
}
