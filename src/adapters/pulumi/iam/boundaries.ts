import type { Props } from "../props";
import type { IamJoinContext } from "./context";
import type { PrincipalDraft } from "./principals";
import { singleReference } from "./references";

/**
 * A role's or user's `permissionsBoundary` (a managed policy ARN): joined to the stack's Policy
 * through its dependency (preview, ARN unknown) or its known ARN, or to the AWS managed policy's
 * model, which the lookup adds with the catalogue's document on first reference.
 */
export function applyPermissionsBoundary(p: Props, draft: PrincipalDraft, ctx: IamJoinContext): void {
  const boundary = singleReference(p, "permissionsBoundary", ctx.policies);
  // The provider reads an unset boundary back as "".
  draft.permissionsBoundary = boundary.value === "" ? undefined : boundary.value;
  if (boundary.joined !== undefined && boundary.value !== "") draft.permissionsBoundaryRef = boundary.joined;
}
