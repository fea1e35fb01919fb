import { isUnknown, type Unknown } from "../core/value";
import { parseArn, type PrincipalEntry } from "../iam";
import type { IamPrincipal } from "../models/iam";
import type { AccessPrincipal, AccessPrincipalKind } from "./model";

// Every principal of the access map: the inventory's IAM principals, and those only a resource
// policy, ACL or share names (the public, other accounts, roles of other accounts, services).

const ACCOUNT_ID = /^\d{12}$/;

/** What a resource policy's principal entry stands for. */
export type ResolvedPrincipal =
  | { readonly kind: "principal"; readonly principal: AccessPrincipal }
  /** The own account's root: the grant delegates to IAM in that account, no edge of its own. */
  | { readonly kind: "own-account"; readonly account: string }
  | { readonly kind: "unknown"; readonly unknown: Unknown };

export const PUBLIC: AccessPrincipal = { id: "public", kind: "public", name: "the public (anyone)", foreign: true };

export class PrincipalRegistry {
  private readonly byId = new Map<string, AccessPrincipal>();
  private readonly byArn = new Map<string, AccessPrincipal>();

  constructor(readonly ownAccounts: ReadonlySet<string>) {}

  addIam(p: IamPrincipal): AccessPrincipal {
    const arn = typeof p.arn === "string" ? p.arn : undefined;
    const account = (arn ? parseArn(arn)?.account : undefined) || p.ref.account;
    const principal: AccessPrincipal = {
      id: p.ref.id,
      kind: p.kind,
      name: typeof p.name === "string" ? p.name : p.ref.name,
      ...(arn ? { arn } : {}),
      ...(account ? { account } : {}),
      foreign: this.isForeign(account),
    };
    this.byId.set(principal.id, principal);
    if (arn) this.byArn.set(arn, principal);
    return principal;
  }

  get(id: string): AccessPrincipal | undefined {
    return this.byId.get(id);
  }

  /** Registers a principal met in a policy, ACL or share (idempotent). */
  ensure(p: AccessPrincipal): AccessPrincipal {
    const existing = this.byId.get(p.id);
    if (existing) return existing;
    this.byId.set(p.id, p);
    return p;
  }

  all(): AccessPrincipal[] {
    return [...this.byId.values()];
  }

  isForeign(account: string | undefined): boolean {
    return account !== undefined && account !== "" && !this.ownAccounts.has(account);
  }

  account(id: string): AccessPrincipal {
    return this.ensure({ id: `account:${id}`, kind: "account", name: `account ${id}`, account: id, foreign: this.isForeign(id) });
  }

  /** What one Principal entry of a resource policy names. */
  resolve(entry: PrincipalEntry): ResolvedPrincipal {
    const value = entry.value;
    if (isUnknown(value)) return { kind: "unknown", unknown: value };
    switch (entry.type) {
      case "Service":
        return { kind: "principal", principal: this.ensure({ id: `service:${value}`, kind: "service", name: value, foreign: false }) };
      case "Federated":
        return { kind: "principal", principal: this.ensure({ id: `federated:${value}`, kind: "federated", name: value, foreign: false }) };
      case "CanonicalUser":
        return { kind: "principal", principal: this.ensure({ id: `canonical-user:${value}`, kind: "unknown", name: `S3 canonical user ${value}`, foreign: true }) };
      case "AWS":
        return this.resolveAws(value);
    }
  }

  private resolveAws(value: string): ResolvedPrincipal {
    if (value === "*") return { kind: "principal", principal: this.ensure(PUBLIC) };
    const known = this.byArn.get(value);
    if (known) return { kind: "principal", principal: known };
    if (ACCOUNT_ID.test(value)) return this.accountOrOwn(value);
    const parts = parseArn(value);
    if (parts === undefined) {
      // A unique id (AROA..., AIDA...) of a principal the inventory does not hold.
      return { kind: "principal", principal: this.ensure({ id: `aws:${value}`, kind: "unknown", name: value, foreign: false }) };
    }
    if (parts.resource === "root") return this.accountOrOwn(parts.account);
    const [type = "", ...rest] = parts.resource.split("/");
    const kind: AccessPrincipalKind = type === "role" || type === "assumed-role" ? "role" : type === "user" ? "user" : "unknown";
    const name = kind === "unknown" ? parts.resource : rest[rest.length - (type === "assumed-role" ? 2 : 1)] ?? parts.resource;
    return {
      kind: "principal",
      principal: this.ensure({ id: value, kind, name, arn: value, ...(parts.account ? { account: parts.account } : {}), foreign: this.isForeign(parts.account) }),
    };
  }

  private accountOrOwn(account: string): ResolvedPrincipal {
    return this.ownAccounts.has(account) ? { kind: "own-account", account } : { kind: "principal", principal: this.account(account) };
  }
}

/** Whether a Deny's Principal element covers a principal: `*`, its ARN, its account. */
export function principalCovered(entries: readonly PrincipalEntry[], p: AccessPrincipal): boolean {
  return entries.some((e) => {
    const v = e.value;
    if (isUnknown(v)) return false;
    if (e.type !== "AWS") return `${e.type === "Service" ? "service" : "federated"}:${v}` === p.id;
    if (v === "*") return true;
    if (v === p.id || (p.arn !== undefined && v === p.arn)) return true;
    const account = ACCOUNT_ID.test(v) ? v : parseArn(v)?.resource === "root" ? parseArn(v)?.account : undefined;
    return account !== undefined && p.account === account;
  });
}
