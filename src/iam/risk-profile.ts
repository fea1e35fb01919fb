import type { ActionInfo } from "./actions";
import type { GrantFindingKind } from "./findings";
import {
  DATA_EXPORT_ACTIONS,
  DATA_READ_ACTIONS,
  ESCALATION_PATHS,
  RESOURCE_POLICY_WRITE_ACTIONS,
} from "./risk-actions";

const DATA_READ = new Set(DATA_READ_ACTIONS);
const DATA_EXFILTRATION = new Set([...DATA_READ_ACTIONS, ...DATA_EXPORT_ACTIONS]);
const RESOURCE_POLICY_WRITE = new Set(RESOURCE_POLICY_WRITE_ACTIONS);
const ESCALATION_KEYS: ReadonlySet<string> = new Set(ESCALATION_PATHS.flatMap((p) => p.requires.flat()));

export interface PerActionKind {
  readonly kind: GrantFindingKind;
  readonly picks: (a: ActionInfo) => boolean;
  /** Counts only where the action reaches all its resources. */
  readonly needsUnscoped: boolean;
  readonly what: string;
}

/** The finding kinds decided one action at a time, and which actions each looks at. */
export const PER_ACTION_KINDS: readonly PerActionKind[] = [
  {
    kind: "permissions-management",
    picks: (a) => a.accessLevels.has("Permissions management"),
    needsUnscoped: false,
    what: "permissions-management actions",
  },
  {
    kind: "unscoped-permissions-management",
    picks: (a) => a.accessLevels.has("Permissions management"),
    needsUnscoped: true,
    what: "permissions-management actions on all resources",
  },
  {
    kind: "unscoped-write",
    picks: (a) => a.accessLevels.has("Write") && !a.accessLevels.has("Permissions management"),
    needsUnscoped: true,
    what: "write actions on all resources",
  },
  { kind: "unscoped-data-read", picks: (a) => DATA_READ.has(a.key), needsUnscoped: true, what: "data reads on all resources" },
  {
    kind: "data-exfiltration",
    picks: (a) => DATA_EXFILTRATION.has(a.key),
    needsUnscoped: true,
    what: "actions that read or copy out stored data, on all resources",
  },
  {
    kind: "resource-exposure",
    picks: (a) => RESOURCE_POLICY_WRITE.has(a.key),
    needsUnscoped: false,
    what: "actions that rewrite resource policies or ACLs",
  },
];

/** A list of actions sorted by what each finding kind looks at. */
export interface RiskProfile {
  /** Same order as PER_ACTION_KINDS. */
  readonly byKind: readonly (readonly ActionInfo[])[];
  /** Actions that take part in some escalation path. */
  readonly escalation: readonly ActionInfo[];
  /** Services with at least one action in the list. */
  readonly services: ReadonlySet<string>;
}

const profiles = new WeakMap<readonly ActionInfo[], RiskProfile>();

/** Sorts once per list: expansion results are cached, so a wildcard's profile is computed once. */
export function riskProfile(actions: readonly ActionInfo[]): RiskProfile {
  let profile = profiles.get(actions);
  if (profile === undefined) {
    profile = {
      byKind: PER_ACTION_KINDS.map((k) => actions.filter(k.picks)),
      escalation: actions.filter((a) => ESCALATION_KEYS.has(a.key)),
      services: new Set(actions.map((a) => a.service)),
    };
    profiles.set(actions, profile);
  }
  return profile;
}
