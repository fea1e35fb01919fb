// The customer-data inventory and access map, as documents: where customer data lives, what protects
// it, and who can reach it. Built from the same models the rules judge (either front), so the report's
// `dataInventory` section, `cdguard inventory` and its renderers all read this one shape. Plain JSON:
// no Val, no Map; an unknown is spelled out as a state "unknown" with the reason.

/** What a principal can do to a store, from the catalogue's access levels of the actions granted. */
export const ACCESS_LEVELS = ["read", "write", "manage"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** A yes/no fact that may not be known. */
export interface Fact {
  readonly state: "yes" | "no" | "unknown";
  /** What was observed, or why it is not known; never a secret. */
  readonly detail: string;
}

export interface StoreClassification {
  /** `restricted`, `confidential`, `internal`, `public`; undefined when not known. */
  readonly level?: string;
  /** "tag": the store's classification tag; "assumed": untagged, the configured default; "unrecognized-tag"; "unknown". */
  readonly basis: "tag" | "assumed" | "unrecognized-tag" | "unknown";
  readonly customerData: boolean | "unknown";
  readonly detail: string;
}

export interface StoreEncryption {
  readonly state: "encrypted" | "unencrypted" | "unknown";
  /** aws-owned, aws-managed, customer-managed. */
  readonly keyManager?: string;
  /** The key as configured (ARN, id or alias), only when printable. */
  readonly key?: string;
  /** Who holds the key: "aws", "own-account", an account id of another account, or "unknown". */
  readonly keyOwner?: string;
  readonly detail: string;
}

export interface StoreExposureFacts {
  /** Anyone on the internet can reach the data (public policy, ACL, public endpoint). */
  readonly public: Fact;
  /** A network path from the internet reaches the store (public subnet, open security group). */
  readonly internetPath: Fact;
  /** Other AWS accounts the store's resource policy, ACL or shares grant access to. */
  readonly crossAccount: readonly string[];
}

/** One customer-data store (every store with its classification; `customerData` says which hold customer data). */
export interface InventoryStore {
  /** The store's model id: its ARN (scan) or URN (Pulumi). */
  readonly id: string;
  readonly kind: string;
  /** Human label of the kind ("S3 bucket", "RDS instance"). */
  readonly label: string;
  /** Display name: physical name, else the resource name. */
  readonly name: string;
  readonly arn?: string;
  readonly account?: string;
  readonly region?: string;
  readonly classification: StoreClassification;
  /** The segment tag's value; "unknown" when tags are not known; undefined when untagged. */
  readonly segment?: string;
  readonly segmentState: "tagged" | "untagged" | "unknown";
  readonly encryption: StoreEncryption;
  readonly exposure: StoreExposureFacts;
  readonly backups: Fact;
  readonly retention: Fact;
  /** Ownership tags (owner, team, contact... by the configured keys) as found on the store. */
  readonly owner: Readonly<Record<string, string>>;
}

export type AccessPrincipalKind = "role" | "user" | "group" | "account" | "service" | "federated" | "public" | "unknown";

export interface AccessPrincipal {
  /** Stable id: the model id of an IAM principal (ARN or URN); `account:<id>`, `service:<name>`, `federated:<name>`, `public`. */
  readonly id: string;
  readonly kind: AccessPrincipalKind;
  readonly name: string;
  readonly arn?: string;
  readonly account?: string;
  /** True when the principal belongs to an account other than the inventory's own. */
  readonly foreign: boolean;
}

/** One statement (or ACL grant) that allows a level. */
export interface AccessGrant {
  /** "identity": a policy the principal holds (or its group); "resource": the store's policy; "acl": an S3 ACL; "share": a snapshot share. */
  readonly via: "identity" | "resource" | "acl" | "share";
  /** Names the document: "inline policy 'tables' of role seg-a-app", "managed policy ReadOnlyAccess (via group ops)", "bucket policy of shared-exports". */
  readonly policy: string;
  /** The statement's Sid, else its position (`Statement[2]`). */
  readonly statement: string;
  /** Up to 5 granting actions as the catalogue spells them, then `actionCount` says how many. */
  readonly actions: readonly string[];
  readonly actionCount: number;
  /** Condition keys that limit the grant; empty when unconditional. */
  readonly conditions: readonly string[];
}

/** A deny or boundary that removes (or, conditionally, may remove) a level. */
export interface AccessLimit {
  readonly kind: "deny" | "boundary" | "public-access-block";
  readonly policy: string;
  readonly statement?: string;
  /** True when it always applies; false when conditions decide. */
  readonly unconditional: boolean;
  readonly conditions: readonly string[];
}

/**
 * What one principal can do to one store at one level.
 * - allowed: granted without conditions, nothing denies it;
 * - conditional: granted only under conditions, or a conditional deny may remove it;
 * - denied: granted, but an unconditional deny or the boundary removes it (kept to show why);
 * - unknown: a document, statement or ARN that decides it is not known; `reason` says which.
 */
export interface AccessEdge {
  readonly principal: string;
  readonly store: string;
  readonly level: AccessLevel;
  readonly status: "allowed" | "conditional" | "denied" | "unknown";
  readonly grants: readonly AccessGrant[];
  readonly limits: readonly AccessLimit[];
  readonly reason?: string;
}

export interface LevelCounts {
  readonly read: number;
  readonly write: number;
  readonly manage: number;
  /** Principals whose access at some level is unknown. */
  readonly unknown: number;
}

export interface StoreAccessSummary {
  readonly store: string;
  /** Principals (allowed or conditional) per level; denied edges are not counted. */
  readonly principals: LevelCounts;
  readonly public: boolean;
}

export interface PrincipalReachSummary {
  readonly principal: string;
  /** Stores reached (allowed or conditional) per level. */
  readonly stores: LevelCounts;
  /** Of them, stores holding customer data. */
  readonly customerDataStores: number;
  /** Segments of the stores it reaches. */
  readonly segments: readonly string[];
}

/** A store or principal the inventory could not judge fully, and why. */
export interface InventoryGap {
  readonly subject: string;
  readonly reason: string;
}

/** A live store no given stack manages. */
export interface UnmanagedStore {
  readonly store: string;
}

/** A stack-managed store whose live settings differ from the stack's. */
export interface DriftedStore {
  readonly store: string;
  /** The stack resource (URN) and the state file it came from. */
  readonly urn: string;
  readonly stateFile: string;
  readonly differences: readonly { readonly setting: string; readonly stack: string; readonly live: string }[];
}

export interface ShadowStores {
  readonly stateFiles: readonly string[];
  readonly unmanaged: readonly UnmanagedStore[];
  readonly drifted: readonly DriftedStore[];
}

export interface DataInventory {
  /** What was inventoried: a scan of accounts, or a Pulumi stack's resources. */
  readonly source: { readonly front: "scan" | "pulumi"; readonly name: string; readonly accounts: readonly string[] };
  readonly stores: readonly InventoryStore[];
  readonly principals: readonly AccessPrincipal[];
  /** Sorted by store, principal, level. */
  readonly access: readonly AccessEdge[];
  readonly storeSummaries: readonly StoreAccessSummary[];
  /** Widest-reaching first: customer-data stores reached, then all stores reached, then id. */
  readonly principalSummaries: readonly PrincipalReachSummary[];
  readonly gaps: readonly InventoryGap[];
  readonly shadow?: ShadowStores;
}
