import type { OrgTargeting } from "../scanner/org/targets";
import { UsageError } from "./select-rules";

export interface OrgFlags {
  org?: boolean;
  orgRoleName: string;
  externalId?: string;
  sessionName: string;
  sessionDuration: number;
  accounts?: string[];
  excludeAccounts?: string[];
  ou?: string[];
  accountConcurrency: number;
}

export const ORG_DEFAULTS = { roleName: "cdguard-scanner", sessionName: "cdguard-scan", sessionSeconds: 3600, accountConcurrency: 4 } as const;

/** Flags that mean nothing without --org: given alone, they are a mistake worth saying. */
const ORG_ONLY = [
  ["orgRoleName", "--org-role-name"],
  ["sessionName", "--session-name"],
  ["sessionDuration", "--session-duration"],
  ["accounts", "--accounts"],
  ["excludeAccounts", "--exclude-accounts"],
  ["ou", "--ou"],
] as const;

const ACCOUNT_ID = /^\d{12}$/;
const PARENT_ID = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
// AWS's RoleSessionName and role-name character sets.
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** The `--org` targeting the flags ask for, checked; undefined without --org. `givenOnCli` tells a flag the user typed from a default. */
export function orgTargeting(flags: OrgFlags, givenOnCli: (option: string) => boolean): OrgTargeting | undefined {
  if (!flags.org) {
    const stray = ORG_ONLY.filter(([key]) => givenOnCli(key)).map(([, flag]) => flag);
    if (stray.length > 0) throw new UsageError(`${stray.join(", ")} ${stray.length === 1 ? "needs" : "need"} --org`);
    return undefined;
  }
  ids("--accounts", flags.accounts, ACCOUNT_ID, "a 12-digit account id");
  ids("--exclude-accounts", flags.excludeAccounts, ACCOUNT_ID, "a 12-digit account id");
  ids("--ou", flags.ou, PARENT_ID, "a root (r-...) or OU (ou-...-...) id");
  if (!ROLE_NAME.test(flags.orgRoleName)) throw new UsageError(`--org-role-name: '${flags.orgRoleName}' is not an IAM role name`);
  if (!SESSION_NAME.test(flags.sessionName)) throw new UsageError(`--session-name: '${flags.sessionName}' must be 2-64 characters of letters, digits and +=,.@_-`);
  if (flags.sessionDuration < 900 || flags.sessionDuration > 43_200) throw new UsageError(`--session-duration: ${flags.sessionDuration} is outside 900-43200 seconds`);
  return {
    roleName: flags.orgRoleName,
    sessionName: flags.sessionName,
    sessionSeconds: flags.sessionDuration,
    ...(flags.externalId ? { externalId: flags.externalId } : {}),
    ...(flags.accounts ? { accounts: flags.accounts } : {}),
    ...(flags.excludeAccounts ? { excludeAccounts: flags.excludeAccounts } : {}),
    ...(flags.ou ? { ous: flags.ou } : {}),
  };
}

function ids(flag: string, values: readonly string[] | undefined, pattern: RegExp, what: string): void {
  const bad = (values ?? []).find((v) => !pattern.test(v));
  if (bad !== undefined) throw new UsageError(`${flag}: '${bad}' is not ${what}`);
  if (values && values.length === 0) throw new UsageError(`${flag}: give at least one id`);
}
