import { describe } from "../../core/outcome";
import type { Val } from "../../core/value";
import { emptyIamInventory, type IamInventory, type PrincipalKind } from "../../models/iam";
import type { Inventory } from "../../models/inventory";
import type { ResourceRef } from "../../models/ref";
import type { PolicySizeKind } from "../../iam";

/** The inline policies of one principal share one size limit, by principal kind. */
const INLINE_SIZE_LIMITS: { readonly [K in PrincipalKind]: PolicySizeKind } = {
  role: "role-inline-policy",
  user: "user-inline-policy",
  group: "group-inline-policy",
};

export const iamOf = (inventory: Inventory): IamInventory => inventory.iam ?? emptyIamInventory();

/** An identity-based policy document to judge, with how messages name it. */
export interface IdentityDocument {
  readonly ref: ResourceRef;
  /** e.g. "IAM role 'app', inline policy 'read'", "IAM role policy 'read'", "IAM policy 'admin'". */
  readonly subject: string;
  /** How a "not assessed" message names the document, e.g. "its inline policy 'read'". */
  readonly what: string;
  readonly document: Val<unknown>;
  /** AWS's size limit for the document where it goes: a managed policy, or the inline policies of a role, user or group. */
  readonly sizeLimit?: PolicySizeKind;
}

/**
 * Every identity-based document written by the stack or account: inline policies (embedded or
 * separate resources) and customer managed policies. AWS managed policies are not judged here:
 * their owner cannot change them; attaching them is judged instead.
 */
export function identityDocuments(iam: IamInventory): IdentityDocument[] {
  const inline = iam.inlinePolicies.map((p) => {
    const embedded = p.principal.principalRef === p.ref.id;
    return {
      ref: p.ref,
      subject: embedded ? `${describe(p.ref)}, inline policy '${p.name}'` : describe(p.ref),
      what: embedded ? `its inline policy '${p.name}'` : "its policy document",
      document: p.document,
      sizeLimit: INLINE_SIZE_LIMITS[p.principal.kind],
    };
  });
  const managed = iam.policies
    .filter((p) => !p.awsManaged)
    .map((p) => ({ ref: p.ref, subject: describe(p.ref), what: "its policy document", document: p.document, sizeLimit: "managed-policy" as const }));
  return [...inline, ...managed];
}


/** `a, b, c and 4 more`. */
export function listed(items: readonly string[], limit = 5): string {
  if (items.length <= limit) return items.join(", ");
  return `${items.slice(0, limit).join(", ")} and ${items.length - limit} more`;
}
