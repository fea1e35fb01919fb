import { describe } from "../../core/outcome";
import { isUnknown, unknown, type Val } from "../../core/value";
import { awsManagedPolicyName, emptyIamInventory, type IamInventory, type PrincipalKind } from "../../models/iam";
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
 * Every identity-based document the stack or account uses: inline policies (embedded or separate
 * resources), customer managed policies, and each attachment of an AWS managed policy, judged by its
 * document (the account's, or the bundled catalogue's) and reported on the attachment, which is what
 * the owner can change.
 */
export function identityDocuments(iam: IamInventory): IdentityDocument[] {
  return [...ownDocuments(iam), ...attachedAwsManagedDocuments(iam)];
}

function attachedAwsManagedDocuments(iam: IamInventory): IdentityDocument[] {
  const byId = new Map(iam.policies.map((p) => [p.ref.id, p]));
  return iam.attachments.flatMap((a): IdentityDocument[] => {
    const policy = a.policyRef === undefined ? undefined : byId.get(a.policyRef);
    // An ARN not known in preview may name an AWS managed policy: what it grants is not known.
    if (policy === undefined && isUnknown(a.policyArn)) {
      return [{ ref: a.ref, subject: `${describe(a.ref)}, the policy it attaches`, what: "the policy it attaches (its ARN)", document: a.policyArn }];
    }
    const arn = policy?.arn ?? a.policyArn;
    const name = policy !== undefined ? (policy.awsManaged ? policy.name : undefined) : typeof arn === "string" ? awsManagedPolicyName(arn) : undefined;
    if (name === undefined || isUnknown(name)) return [];
    const document = policy?.document ?? unknown("not-fetched", `the document of AWS managed policy ${name} is not part of the inventory`);
    const source = policy?.catalogueRef === undefined ? "" : ` (document from ${policy.catalogueRef})`;
    return [{ ref: a.ref, subject: `${describe(a.ref)}, AWS managed policy '${name}'${source}`, what: `the document of AWS managed policy '${name}'`, document }];
  });
}

function ownDocuments(iam: IamInventory): IdentityDocument[] {
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
