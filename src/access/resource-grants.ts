import { isUnknown, type Unknown } from "../core/value";
import type { ActionInfo } from "../iam";
import type { PublicAccessBlockSetting, ResourcePolicy, S3Exposure, StoreExposure } from "../models/exposure";
import { effectiveSetting } from "../rules/network/s3-facts";
import { notKnown, splitByLevel } from "./access-documents";
import { actionsOfService, actionsOnStore, formsNamed, type PlannedDocument, type PlannedStatement } from "./access-statements";
import type { AccessTarget, TargetIndex } from "./access-targets";
import type { AccessLevel, AccessLimit, AccessPrincipal } from "./model";
import { ACCESS_LEVELS } from "./model";
import type { PrincipalRegistry } from "./principal-registry";

// What a store grants by itself: its resource policies, S3 ACLs and snapshot shares, with S3 Block
// Public Access applied; and the Deny statements of its policies, applied later to every edge.

/** One grant of a store to a principal at one level. */
export interface StoreGrant {
  readonly principal: AccessPrincipal;
  readonly level: AccessLevel;
  readonly via: "resource" | "acl" | "share";
  readonly policy: string;
  readonly statement: string;
  /** Catalogue actions (resource policies) or ACL permissions / share names. */
  readonly actions: readonly (ActionInfo | string)[];
  readonly conditions: readonly string[];
  /** Block Public Access removes it, or may (its setting unknown). */
  readonly block?: { readonly limit: AccessLimit } | { readonly unknown: string };
}

export interface StoreDeny {
  readonly plan: PlannedStatement;
  readonly policy: string;
}

export interface StoreAccess {
  readonly grants: readonly StoreGrant[];
  readonly denies: readonly StoreDeny[];
  readonly unknowns: readonly { readonly principal: AccessPrincipal; readonly levels: ReadonlySet<AccessLevel>; readonly reason: string }[];
  readonly gaps: readonly string[];
}

type Plan = (document: unknown) => PlannedDocument;

const ACL_LEVELS: Readonly<Record<string, readonly AccessLevel[]>> = {
  READ: ["read"],
  WRITE: ["write"],
  READ_ACP: ["manage"],
  WRITE_ACP: ["manage"],
  FULL_CONTROL: ["read", "write", "manage"],
};

/** Canned ACLs granting everyone (or every AWS account holder) something. */
const PUBLIC_CANNED: Readonly<Record<string, readonly string[]>> = {
  "public-read": ["READ"],
  "public-read-write": ["READ", "WRITE"],
  "authenticated-read": ["READ"],
};

export function storeAccess(t: AccessTarget, index: TargetIndex, policies: readonly ResourcePolicy[], exposure: StoreExposure | undefined, registry: PrincipalRegistry, plan: Plan): StoreAccess {
  const grants: StoreGrant[] = [];
  const denies: StoreDeny[] = [];
  const unknowns: StoreAccess["unknowns"][number][] = [];
  const gaps: string[] = [];
  const s3 = exposure?.s3;
  const restrict = s3 ? blockOf(s3, "restrictPublicBuckets") : undefined;
  const resourceGrants: StoreGrant[] = [];
  for (const p of policies) {
    const planned = plan(p.document);
    if (planned.status === "unknown") {
      gaps.push(`${p.origin}: the document ${notKnown(planned.unknown)}; who it grants access to is not assessed`);
      continue;
    }
    if (planned.status === "malformed") {
      gaps.push(`${p.origin} is malformed (${planned.problem}): AWS would reject it, not assessed`);
      continue;
    }
    for (const u of planned.unread) gaps.push(`${u.label} of ${p.origin} ${notKnown(u.unknown)}: who it grants access to is not assessed`);
    for (const s of planned.statements) {
      if (s.effect === "Deny") {
        denies.push({ plan: s, policy: p.origin });
        continue;
      }
      const forms = formsNamed(s, t, index);
      const actions = actionsOnStore(s, t, forms);
      const partly = forms.unknown ?? s.actions.unknown ?? (s.resources === "any" ? undefined : s.resources.unknown);
      if (actions.length === 0 && !partly) continue;
      const byLevel = splitByLevel(partly && actions.length === 0 ? actionsOfService(s, t) : actions);
      const notPrincipal = s.principals?.element === "NotPrincipal";
      // NotPrincipal in an Allow grants everyone but those listed: read as public.
      if (notPrincipal) gaps.push(`${s.label} of ${p.origin} allows everyone but the principals it lists (NotPrincipal): read as public`);
      const resolved = notPrincipal ? [registry.resolve({ type: "AWS", value: "*" })] : (s.principals?.entries ?? []).map((e) => registry.resolve(e));
      for (const r of resolved) {
        if (r.kind === "own-account") continue;
        if (r.kind === "unknown") {
          gaps.push(`a principal of ${s.label} in ${p.origin} ${notKnown(r.unknown)}: who it grants access to is not fully assessed`);
          continue;
        }
        if (partly) unknowns.push({ principal: r.principal, levels: new Set(byLevel.keys()), reason: `${s.label} of ${p.origin} ${notKnown(partly)}` });
        if (actions.length === 0) continue;
        for (const [level, list] of byLevel)
          resourceGrants.push({ principal: r.principal, level, via: "resource", policy: p.origin, statement: s.label, actions: list, conditions: s.conditions });
      }
    }
  }
  // Restrict public buckets: once the policy is public, only the owner's account and AWS services reach the bucket.
  const policyPublic = resourceGrants.some((g) => g.principal.kind === "public" && g.conditions.length === 0);
  for (const g of resourceGrants) {
    const crossAccount = g.principal.kind === "public" || (g.principal.foreign && g.principal.kind !== "service");
    grants.push(restrict && policyPublic && crossAccount ? { ...g, block: restrict } : g);
  }
  if (s3) aclGrants(s3, registry, grants, unknowns);
  for (const share of exposure?.shares ?? []) {
    if (isUnknown(share.grantee)) {
      gaps.push(`${share.origin}: who it shares with ${notKnown(share.grantee)}`);
      continue;
    }
    const g = share.grantee;
    const principal =
      g.kind === "public" ? registry.ensure({ id: "public", kind: "public", name: "the public (anyone)", foreign: true })
      : g.kind === "account" ? registry.account(g.account)
      : registry.ensure({ id: g.arn, kind: "account", name: g.arn, arn: g.arn, foreign: true });
    grants.push({ principal, level: "read", via: "share", policy: share.origin, statement: g.kind, actions: ["restore/copy"], conditions: [] });
  }
  return { grants, denies, unknowns, gaps };
}

function aclGrants(s3: S3Exposure, registry: PrincipalRegistry, grants: StoreGrant[], unknowns: StoreAccess["unknowns"][number][]): void {
  const ignore = blockOf(s3, "ignorePublicAcls");
  const publicP = () => registry.ensure({ id: "public", kind: "public", name: "the public (anyone)", foreign: true });
  for (const acl of s3.acls) {
    const perms: { statement: string; permission: string }[] = [];
    if (isUnknown(acl.canned)) unknowns.push({ principal: publicP(), levels: new Set(["read"]), reason: `the canned ACL of ${acl.origin} ${notKnown(acl.canned)}` });
    else if (acl.canned !== undefined) for (const permission of PUBLIC_CANNED[acl.canned] ?? []) perms.push({ statement: `canned ACL ${acl.canned}`, permission });
    if (isUnknown(acl.grants)) unknowns.push({ principal: publicP(), levels: new Set(ACCESS_LEVELS), reason: `the grants of ${acl.origin} ${notKnown(acl.grants)}` });
    else
      acl.grants.forEach((g, i) => {
        if (isUnknown(g.grantee) || isUnknown(g.permissions)) {
          unknowns.push({ principal: publicP(), levels: new Set(ACCESS_LEVELS), reason: `Grant[${i}] of ${acl.origin} ${notKnown(isUnknown(g.grantee) ? g.grantee : (g.permissions as Unknown))}` });
          return;
        }
        if (g.grantee === "other") return;
        for (const permission of g.permissions) perms.push({ statement: `Grant[${i}] (${g.grantee})`, permission });
      });
    for (const { statement, permission } of perms)
      for (const level of ACL_LEVELS[permission] ?? [])
        grants.push({
          principal: publicP(),
          level,
          via: "acl",
          policy: acl.origin,
          statement,
          actions: [permission],
          conditions: [],
          ...(acl.maybeOtherBucket ? { block: { unknown: `${acl.origin} names its bucket by a value that ${notKnown(acl.maybeOtherBucket)}: it may be another bucket's` } } : ignore ? { block: ignore } : {}),
        });
  }
}

/** A Block Public Access switch as a limit when on, unknown when not known, undefined when off. */
function blockOf(s3: S3Exposure, setting: PublicAccessBlockSetting): StoreGrant["block"] {
  const state = effectiveSetting(s3, setting);
  if (isUnknown(state)) return { unknown: `${setting} ${notKnown(state)}` };
  if (!state.on) return undefined;
  return { limit: { kind: "public-access-block", policy: state.observed, unconditional: true, conditions: [] } };
}
