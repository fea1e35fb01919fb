import { isUnknown } from "../../../core/value";
import type { Props } from "../props";
import type { IamJoinContext } from "./context";
import type { PrincipalDraft } from "./principals";
import { listReference, singleReference, type Reference } from "./references";

/** An `aws:iam/groupMembership:GroupMembership`: one group, a list of users. */
export function applyGroupMembership(p: Props, ctx: IamJoinContext): void {
  const group = singleReference(p, "group", ctx.principals.group);
  for (const user of listReference(p, "users", ctx.principals.user).items) {
    const draft = user.joined === undefined ? undefined : ctx.principals.user.drafts.get(user.joined);
    if (draft !== undefined) addGroup(draft, group);
  }
}

/** An `aws:iam/userGroupMembership:UserGroupMembership`: one user, a list of groups. */
export function applyUserGroupMembership(p: Props, ctx: IamJoinContext): void {
  const user = singleReference(p, "user", ctx.principals.user);
  const draft = user.joined === undefined ? undefined : ctx.principals.user.drafts.get(user.joined);
  if (draft === undefined) return;
  const groups = listReference(p, "groups", ctx.principals.group);
  if (groups.unknownList !== undefined) draft.groupsUnknown ??= groups.unknownList;
  for (const group of groups.items) addGroup(draft, group);
}

/** A group as the user model lists it: the group model's id when joined, else its known name. */
function addGroup(user: PrincipalDraft, group: Reference): void {
  if (group.joined !== undefined) user.groups.push(group.joined);
  else if (typeof group.value === "string") user.groups.push(group.value);
  else if (isUnknown(group.value)) user.groupsUnknown ??= group.value;
}
