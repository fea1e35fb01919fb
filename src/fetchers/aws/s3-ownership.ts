import type { OwnershipControls } from "@aws-sdk/client-s3";

/** `BucketOwnerEnforced` turns a bucket's ACLs off: they no longer grant any access. */
export function aclsDisabled(controls: OwnershipControls | undefined): boolean {
  return (controls?.Rules ?? []).some((r) => r.ObjectOwnership === "BucketOwnerEnforced");
}
