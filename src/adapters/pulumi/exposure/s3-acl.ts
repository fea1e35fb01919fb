import { isUnknown, type Val } from "../../../core/value";
import type { AclGrant, AclGrantee, BucketAcl } from "../../../models/exposure";
import { inlineItems, strList } from "../network/values";
import type { Props } from "../props";

/** S3's canned ACLs; aws-native spells them in PascalCase (`PublicRead`). */
const CANNED: ReadonlySet<string> = new Set([
  "private",
  "public-read",
  "public-read-write",
  "aws-exec-read",
  "authenticated-read",
  "bucket-owner-read",
  "bucket-owner-full-control",
  "log-delivery-write",
]);

const kebab = (s: string): string => s.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();

/** The canned ACL at `path`: S3's own name, `unrecognized` for anything else, undefined when unset. */
export function cannedAt(p: Props, path: string): Val<string | undefined> {
  const v = p.str(path);
  if (v === undefined || v === "") return undefined;
  if (isUnknown(v)) return v;
  const name = CANNED.has(v) ? v : kebab(v);
  return CANNED.has(name) ? name : "unrecognized";
}

function granteeAt(p: Props, uriPath: string): Val<AclGrantee> {
  const uri = p.str(uriPath);
  if (isUnknown(uri)) return uri;
  if (uri === undefined || uri === "") return "other";
  if (/\/global\/AllUsers$/.test(uri)) return "all-users";
  if (/\/global\/AuthenticatedUsers$/.test(uri)) return "authenticated-users";
  return "other";
}

function permissionsAt(p: Props, path: string, list: boolean): Val<readonly string[]> {
  if (!list) {
    const one = p.str(path);
    return isUnknown(one) ? one : one === undefined ? [] : [one];
  }
  const all = strList(p, path);
  if (isUnknown(all)) return all;
  const pending = all.find(isUnknown);
  return pending ?? (all as readonly string[]);
}

/** `grants` of a v6/v7 bucket: `[{type, uri, id, permissions: [...]}]`. */
function bucketGrants(p: Props): Val<readonly AclGrant[]> {
  const items = inlineItems(p, "grants");
  if (isUnknown(items)) return items;
  return items.map((i) => ({ grantee: granteeAt(p, `${i}.uri`), permissions: permissionsAt(p, `${i}.permissions`, true) }));
}

/** `accessControlPolicy.grants` of a BucketAcl(V2): `[{grantee: {type, uri, id}, permission}]`. */
function policyGrants(p: Props): Val<readonly AclGrant[]> {
  const policy = p.obj("accessControlPolicy");
  if (isUnknown(policy)) return policy;
  if (policy === undefined) return [];
  const items = inlineItems(p, `${p.itemPath("accessControlPolicy", 0)}.grants`);
  if (isUnknown(items)) return items;
  return items.map((i) => ({
    grantee: granteeAt(p, `${p.itemPath(`${i}.grantee`, 0)}.uri`),
    permissions: permissionsAt(p, `${i}.permission`, false),
  }));
}

/** The ACL set on a bucket itself (v6/v7 `acl` and `grants`, aws-native `accessControl`); undefined when none. */
export function inlineAcl(p: Props, native: boolean, label: string): BucketAcl | undefined {
  const canned = cannedAt(p, native ? "accessControl" : "acl");
  const grants = native ? [] : bucketGrants(p);
  if (canned === undefined && !isUnknown(grants) && grants.length === 0) return undefined;
  return { origin: `the ACL of ${label} '${p.resource.name}'`, canned, grants };
}

/** A `BucketAcl` (v7) or `BucketAclV2` (v6, v7) resource. */
export function aclResource(p: Props): BucketAcl {
  return { origin: `S3 bucket ACL '${p.resource.name}'`, canned: cannedAt(p, "acl"), grants: policyGrants(p) };
}
