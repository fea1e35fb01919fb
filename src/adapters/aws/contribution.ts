import type { Tags } from "../../core/classification";
import type { UnknownReason, Val } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import type { ResourcePolicy, StoreExposure } from "../../models/exposure";
import type { HygieneContribution } from "../../models/hygiene";
import type { IamInventory } from "../../models/iam";
import type { KmsKey } from "../../models/kms-key";
import type { NetworkGraph } from "../../models/network";
import type { Placement } from "../../models/placement";
import type { ResourceRef } from "../../models/ref";

/**
 * Resources of one service that could not be listed at all (a denied or failed list call): the
 * scan cannot know they exist, so every rule that judges them reports the gap as "not assessed".
 */
export interface CoverageGap {
  /** The service as its IAM actions name it (`s3`, `rds`...). */
  readonly service: string;
  readonly region: string;
  /** What could not be listed, for people: "S3 buckets", "RDS DB instances". */
  readonly what: string;
  readonly action: string;
  readonly reason: Exclude<UnknownReason, "preview" | "not-fetched">;
  readonly detail: string;
  /** The fetcher whose answers had the gap: set by the scanner. */
  readonly fetcher?: string;
  /** The account it is in: set by the scanner. */
  readonly account?: string;
}

/** What one adapter adds to an account's inventory; the scanner merges contributions. */
export interface InventoryContribution {
  readonly stores?: readonly DataStore[];
  readonly keys?: readonly KmsKey[];
  readonly network?: Partial<NetworkGraph>;
  /** Store model id -> placement. */
  readonly placements?: readonly (readonly [string, Placement])[];
  /** Store (or exposed resource) model id -> exposure. */
  readonly exposures?: readonly (readonly [string, StoreExposure])[];
  readonly resourcePolicies?: readonly ResourcePolicy[];
  readonly iam?: Partial<IamInventory>;
  readonly compute?: readonly ResourceRef[];
  /** Model id -> tags, for resources that are not stores or keys (VPCs, instances...). */
  readonly tags?: readonly (readonly [string, Val<Tags | undefined>])[];
  readonly hygiene?: HygieneContribution;
  readonly gaps?: readonly CoverageGap[];
}
