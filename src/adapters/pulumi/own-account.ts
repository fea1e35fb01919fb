// The stack's own accounts, learned without configuration, so foreign-account checks work once any
// account is known: the `cdguard:account-ids` stack tag, the AWS provider's allowedAccountIds, the
// known ARN (or queue URL) of any resource the stack manages, and the customer-managed policies a
// role attaches (IAM attaches only its own account's).
import { INVENTORY_PARTS, OWN_ACCOUNT_IDS_STACK_TAG, type Inventory } from "../../models/inventory";
import type { EngineResource } from "./engine-resource";

const ACCOUNT_ID = /^\d{12}$/;
const ARN_ACCOUNT = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/;
const QUEUE_URL_ACCOUNT = /^https:\/\/sqs\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/(\d{12})\//;

/** What the engine tells the pack besides the resources. */
export interface OwnAccountContext {
  readonly stackTags?: ReadonlyMap<string, string>;
  /** The properties of the resource's provider (Analyze), e.g. `{ region, allowedAccountIds }`; read only when needed. */
  readonly providerProps?: () => unknown;
}

/** The 12-digit account ids in a text (`"111122223333, 444455556666"`); anything else is ignored. */
export function accountIdsIn(text: string): string[] {
  return text.split(/[\s,;]+/).filter((t) => ACCOUNT_ID.test(t));
}

/** Accounts named by the stack tag and the provider's allowedAccountIds (a list, or its JSON text as providers get config). */
export function accountIdsOfContext(context: OwnAccountContext): string[] {
  const tag = context.stackTags?.get(OWN_ACCOUNT_IDS_STACK_TAG);
  const allowed = (context.providerProps?.() as { allowedAccountIds?: unknown } | undefined)?.allowedAccountIds;
  return unique([...(tag === undefined ? [] : accountIdsIn(tag)), ...allowedIds(allowed)]);
}

function allowedIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string" && ACCOUNT_ID.test(v));
  if (typeof value !== "string") return [];
  try {
    return allowedIds(JSON.parse(value));
  } catch {
    return accountIdsIn(value);
  }
}

/**
 * Managed policies a role attaches and its permissions boundary: IAM accepts only the role's own
 * account's policies (or AWS's, which name no account), so their ARNs tell the role's account.
 */
const SAME_ACCOUNT_POLICY_PROPS: ReadonlyMap<string, readonly string[]> = new Map([
  ["aws:iam/role:Role", ["managedPolicyArns", "permissionsBoundary"]],
  ["aws:iam/user:User", ["permissionsBoundary"]],
]);

function sameAccountPolicyArns(r: EngineResource): unknown[] {
  return (SAME_ACCOUNT_POLICY_PROPS.get(r.type) ?? []).flatMap((k) => (Array.isArray(r.props[k]) ? (r.props[k] as unknown[]) : [r.props[k]]));
}

/**
 * Accounts of the known ARNs (and queue URLs) of the resources themselves, and of the policies IAM
 * lets a role or user attach only from its own account; never of other ARNs they refer to.
 */
export function accountIdsOfResources(resources: readonly EngineResource[]): string[] {
  const out: string[] = [];
  for (const r of resources) {
    for (const arn of sameAccountPolicyArns(r)) {
      const account = typeof arn === "string" ? ARN_ACCOUNT.exec(arn)?.[1] : undefined;
      if (account !== undefined) out.push(account);
    }
    const arn = r.props.arn;
    const fromArn = typeof arn === "string" ? ARN_ACCOUNT.exec(arn)?.[1] : undefined;
    if (fromArn !== undefined) out.push(fromArn);
    const url = r.type === "aws:sqs/queue:Queue" ? r.props.url : undefined;
    const fromUrl = typeof url === "string" ? QUEUE_URL_ACCOUNT.exec(url)?.[1] : undefined;
    if (fromUrl !== undefined) out.push(fromUrl);
  }
  return unique(out);
}

/**
 * The inventory with the accounts the context names added to those it learned itself. The inventory
 * builds its parts lazily through getters: the result delegates each part to it rather than copying.
 */
export function withOwnAccounts(inventory: Inventory, context: OwnAccountContext): Inventory {
  const out = {};
  for (const part of INVENTORY_PARTS) Object.defineProperty(out, part, { get: () => inventory[part], enumerable: true });
  let ids: string[] | undefined;
  const ownAccountIds = (): string[] => (ids ??= unique([...accountIdsOfContext(context), ...(inventory.ownAccountIds ?? [])]));
  Object.defineProperty(out, "ownAccountIds", { get: ownAccountIds, enumerable: true });
  return out as Inventory;
}

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];
