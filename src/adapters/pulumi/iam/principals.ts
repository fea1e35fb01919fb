import { isUnknown, type Unknown, type Val } from "../../../core/value";
import type { IamAttachedPolicy, IamInlinePolicy, IamPrincipal, PrincipalKind } from "../../../models/iam";
import type { Tags } from "../../../core/classification";
import type { ResourceRef } from "../../../models/ref";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { readDocument, requiredDocument } from "../policy-document";
import type { ModelLookup } from "./references";
import { PRINCIPAL_LABEL } from "./types";

/** A principal while the inventory is being joined: policies and groups are added as they are found. */
export interface PrincipalDraft {
  readonly kind: PrincipalKind;
  readonly ref: ResourceRef;
  readonly name: Val<string | undefined>;
  readonly arn: Val<string | undefined>;
  readonly tags: Val<Tags | undefined>;
  readonly trustPolicy?: Val<unknown>;
  readonly inlinePolicies: IamInlinePolicy[];
  readonly attachedPolicies: IamAttachedPolicy[];
  readonly groups: string[];
  groupsUnknown?: Unknown;
  /** Roles and users: set while joining (./boundaries). */
  permissionsBoundary?: Val<string | undefined>;
  permissionsBoundaryRef?: string;
}

/** A Role, User or Group resource; a role's `inlinePolicies` become its inline policies. */
export function readPrincipal(p: Props, kind: PrincipalKind): PrincipalDraft {
  const ref = refOf(p, PRINCIPAL_LABEL[kind]);
  const name = p.str("name");
  const draft: PrincipalDraft = {
    kind,
    ref,
    name,
    arn: p.str("arn"),
    tags: kind === "group" ? undefined : tagsWithDefaults(p),
    inlinePolicies: [],
    attachedPolicies: [],
    groups: [],
    ...(kind === "role" ? { trustPolicy: requiredDocument(p, "assumeRolePolicy") } : {}),
  };
  if (kind === "role") draft.inlinePolicies.push(...roleInlinePolicies(p, { kind, name, principalRef: ref.id }, ref));
  return draft;
}

function roleInlinePolicies(p: Props, principal: IamInlinePolicy["principal"], ref: ResourceRef): IamInlinePolicy[] {
  const count = p.count("inlinePolicies");
  const out: IamInlinePolicy[] = [];
  if (typeof count !== "number") {
    return [{ name: "inlinePolicies", document: count, documentSources: p.dependenciesOf("inlinePolicies"), ref, principal }];
  }
  for (let i = 0; i < count; i++) {
    const at = p.itemPath("inlinePolicies", i);
    const document = readDocument(p, `${at}.policy`);
    // `inlinePolicies: [{}]` is the provider's way to say "no inline policies" (read back as "").
    if (document === undefined || document === "") continue;
    const name = p.str(`${at}.name`);
    out.push({
      name: typeof name === "string" && name !== "" ? name : `inlinePolicies[${i}]`,
      document,
      documentSources: p.dependenciesOf("inlinePolicies"),
      ref,
      principal,
    });
  }
  return out;
}

/** `tags`, with the provider's default tags from `tagsAll` when that is known. */
function tagsWithDefaults(p: Props): Val<Tags | undefined> {
  const own = p.tags();
  const all = p.tags("tagsAll");
  if (isUnknown(own) || isUnknown(all) || all === undefined) return own;
  return { ...all, ...own };
}

export function toPrincipal(d: PrincipalDraft): IamPrincipal {
  return {
    model: "iam-principal",
    ref: d.ref,
    kind: d.kind,
    name: d.name,
    arn: d.arn,
    tags: d.tags,
    ...(d.trustPolicy !== undefined ? { trustPolicy: d.trustPolicy } : {}),
    inlinePolicies: d.inlinePolicies,
    attachedPolicies: d.attachedPolicies,
    groups: d.groupsUnknown ?? d.groups,
    ...(d.kind === "group" ? {} : { permissionsBoundary: d.permissionsBoundary }),
    ...(d.permissionsBoundaryRef === undefined ? {} : { permissionsBoundaryRef: d.permissionsBoundaryRef }),
  };
}

/** Finds principals of one kind by URN, ARN or name. */
export class PrincipalLookup implements ModelLookup {
  private readonly byName = new Map<string, string>();
  private readonly byArn = new Map<string, string>();

  constructor(readonly drafts: ReadonlyMap<string, PrincipalDraft>) {
    for (const [urn, d] of drafts) {
      if (typeof d.name === "string") this.byName.set(d.name, urn);
      if (typeof d.arn === "string") this.byArn.set(d.arn, urn);
    }
  }

  has = (urn: string): boolean => this.drafts.has(urn);

  byValue(value: string): string | undefined {
    if (this.drafts.has(value)) return value;
    const found = this.byArn.get(value) ?? this.byName.get(value);
    if (found !== undefined || !value.startsWith("arn:")) return found;
    return this.byName.get(value.slice(value.lastIndexOf("/") + 1));
  }

  /** The principal's name for a link: the model's when joined, else the value as configured. */
  nameOf(joined: string | undefined, value: Val<string | undefined>): Val<string | undefined> {
    const d = joined === undefined ? undefined : this.drafts.get(joined);
    return d !== undefined && d.name !== undefined ? d.name : value;
  }
}
