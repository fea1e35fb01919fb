import { isUnknown, type Val } from "../core/value";
import type { NetworkRef } from "../models/network";
import type { Placement } from "../models/placement";

/** The public-access answer once the AWS default is applied: true, false, Unknown, or undefined (no switch). */
export function effectivePublicAccess(p: Placement): Val<boolean | undefined> {
  const v = p.publiclyAccessible;
  return v === undefined ? p.publicWhenUnset : v;
}

/**
 * A store's placement from several parts (EFS mount targets, an Aurora cluster and its
 * instances): public if any part is, subnets and security groups united. `partsAddAccessOnly`
 * merges only the parts' public access (cluster instances share their cluster's network).
 */
export function mergePlacements(base: Placement, part: Placement, partsAddAccessOnly = false): Placement {
  const publiclyAccessible = eitherPublic(effectivePublicAccess(base), effectivePublicAccess(part));
  const observed = `${base.observed}; ${part.observed}`;
  if (partsAddAccessOnly) return { ...withoutDefault(base), publiclyAccessible, observed };
  return {
    ...withoutDefault(base),
    publiclyAccessible,
    subnets: union(base.subnets, part.subnets),
    securityGroups: union(base.securityGroups, part.securityGroups),
    inVpc: either(base.inVpc, part.inVpc),
    observed,
  };
}

function withoutDefault(p: Placement): Placement {
  const { publicWhenUnset: _ignored, ...rest } = p;
  return rest;
}

function eitherPublic(a: Val<boolean | undefined>, b: Val<boolean | undefined>): Val<boolean | undefined> {
  if (a === true || b === true) return true;
  if (isUnknown(a)) return a;
  if (isUnknown(b)) return b;
  return a === undefined && b === undefined ? undefined : false;
}

function either(a: Val<boolean>, b: Val<boolean>): Val<boolean> {
  if (a === true || b === true) return true;
  return isUnknown(a) ? a : b;
}

function union(a: Val<readonly NetworkRef[]>, b: Val<readonly NetworkRef[]>): Val<readonly NetworkRef[]> {
  if (isUnknown(a)) return a;
  if (isUnknown(b)) return b;
  return [...new Set([...a, ...b])];
}
