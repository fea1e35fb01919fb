import {
  OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  type Account,
} from "@aws-sdk/client-organizations";
import type { FetchContext } from "./context";
import { fetchedValue, type Fetched } from "./fetched";

/** What the principal running `cdguard scan --org` calls in the organization's management (or delegated administrator) account. */
export const ORGANIZATION_ACTIONS = [
  "organizations:ListAccounts",
  "organizations:ListAccountsForParent",
  "organizations:ListOrganizationalUnitsForParent",
] as const;

export interface OrgAccount {
  readonly id: string;
  readonly name: string;
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED...: only active accounts are scanned. */
  readonly state: string;
}

/**
 * The organization's accounts, or those under the given roots / OUs (and their child OUs, all the
 * way down), sorted by id and each listed once.
 */
export async function organizationAccounts(ctx: FetchContext, parents?: readonly string[]): Promise<Fetched<OrgAccount[]>> {
  const org = ctx.client(OrganizationsClient, "organizations");
  const listed = parents
    ? await underParents(ctx, org, parents)
    : await ctx.listAll("organizations:ListAccounts", () => paginateListAccounts({ client: org }, {}), (p) => p.Accounts);
  if (!listed.ok) return listed;
  const byId = new Map<string, OrgAccount>();
  for (const a of listed.value) if (a.Id) byId.set(a.Id, { id: a.Id, name: a.Name ?? a.Id, state: stateOf(a) });
  return fetchedValue([...byId.values()].sort((a, b) => a.id.localeCompare(b.id)));
}

async function underParents(ctx: FetchContext, org: OrganizationsClient, parents: readonly string[]): Promise<Fetched<Account[]>> {
  const accounts: Account[] = [];
  const queue = [...parents];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const parent = queue.shift()!;
    if (seen.has(parent)) continue;
    seen.add(parent);
    const here = await ctx.listAll("organizations:ListAccountsForParent", () => paginateListAccountsForParent({ client: org }, { ParentId: parent }), (p) => p.Accounts);
    if (!here.ok) return here;
    accounts.push(...here.value);
    const children = await ctx.listAll(
      "organizations:ListOrganizationalUnitsForParent",
      () => paginateListOrganizationalUnitsForParent({ client: org }, { ParentId: parent }),
      (p) => p.OrganizationalUnits,
    );
    if (!children.ok) return children;
    queue.push(...children.value.flatMap((ou) => (ou.Id ? [ou.Id] : [])));
  }
  return fetchedValue(accounts);
}

// `State` replaces `Status` (AWS retires `Status` in September 2026); emulators may still answer only `Status`.
const stateOf = (a: Account): string => String(a.State ?? a.Status ?? "UNKNOWN");
