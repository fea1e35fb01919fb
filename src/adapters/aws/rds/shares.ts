import type { Fetched } from "../../../fetchers/aws/fetched";
import type { Share, ShareGrantee } from "../../../models/exposure";
import { unknownOf } from "../fetched";

interface SnapshotAttribute {
  readonly AttributeName?: string | undefined;
  readonly AttributeValues?: string[] | undefined;
}

const ACCOUNT_ID = /^\d{12}$/;

/** `all` is everyone; only 12-digit account ids are printed, anything else may be a misplaced value. */
const granteeOf = (v: string): ShareGrantee =>
  v === "all" ? { kind: "public" } : { kind: "account", account: ACCOUNT_ID.test(v) ? v : "an unrecognized value" };

/**
 * Who may restore a manual snapshot: the values of its `restore` attribute. An empty list when it
 * is not shared; one share whose grantee is Unknown when the attributes could not be read.
 */
export function restoreShares(attributes: Fetched<readonly SnapshotAttribute[]>, origin: string): Share[] {
  if (!attributes.ok) return [{ origin, grantee: unknownOf(attributes.failure) }];
  const restore = attributes.value.find((a) => a.AttributeName === "restore");
  return (restore?.AttributeValues ?? []).map((v) => ({ origin, grantee: granteeOf(v) }));
}
