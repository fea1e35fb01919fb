import { isUnknown } from "../../core/value";
import type { PrincipalLink } from "../../models/iam";
import { listed } from "./iam-inventory-facts";

/** `role 'app'`, or `a role` when its name is not known yet. */
export function principalText(link: PrincipalLink): string {
  return isUnknown(link.name) || link.name === undefined ? `a ${link.kind}` : `${link.kind} '${link.name}'`;
}

export function principalsText(links: readonly PrincipalLink[]): string {
  return links.length === 0 ? "no principal" : listed(links.map(principalText), 3);
}
