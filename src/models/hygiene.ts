import type { Tags } from "../core/classification";
import type { Val } from "../core/value";
import type { ResourceRef } from "./ref";

/**
 * Privacy hygiene: how customer data travels, who is recorded reading it, how long it is kept and
 * how a breach or a loss would be survived. Per store, the settings a kind has; per account (or per
 * stack), the services that watch the whole account.
 */

/** One setting as a front found it: its value, and how it was found, for messages. */
export interface Setting<T> {
  readonly value: Val<T>;
  /** What was read, e.g. "transitEncryptionEnabled=false", "rds.force_ssl=1 in parameter group 'tls'". */
  readonly observed: string;
}

/**
 * The hygiene settings of one store. A field is set only for kinds that have the setting and when
 * the front read it; rules say which kinds they judge and report a missing field as not assessed.
 */
export interface StoreHygiene {
  /** Clients must connect over TLS: the store refuses plain connections. */
  readonly transitRequired?: Setting<boolean>;
  /** The oldest TLS version or the TLS policy the store accepts, where the kind names one. */
  readonly transitMinimumTls?: Setting<string | undefined>;
  /** Traffic between the store's own nodes or brokers is encrypted. */
  readonly transitBetweenNodes?: Setting<boolean>;
  /** The store's own data-access audit log is on (S3 server access logging, database audit logs exported). */
  readonly auditLog?: Setting<boolean>;
  /** How long the store keeps data: days, or "forever" when nothing expires it. */
  readonly retentionDays?: Setting<number | "forever">;
  /** Automated backups or point-in-time recovery of the store itself. */
  readonly backups?: Setting<boolean>;
  /** How many days automated backups are kept, when the kind says. */
  readonly backupRetentionDays?: Setting<number>;
  readonly deletionProtection?: Setting<boolean>;
  /** Object versioning (S3). */
  readonly versioning?: Setting<boolean>;
  /** Versioning changes and permanent deletes need MFA (S3). */
  readonly mfaDelete?: Setting<boolean>;
  /** Object Lock (S3): objects cannot be deleted or overwritten before their retention ends. */
  readonly objectLock?: Setting<boolean>;
  /** Items expire by a time-to-live attribute (DynamoDB). */
  readonly ttl?: Setting<boolean>;
  /** The backup vault's lock (AWS Backup Vault Lock): recovery points cannot be deleted early. */
  readonly vaultLock?: Setting<boolean>;
}

export type StoreHygieneField = keyof StoreHygiene;

/** Which CloudTrail data events a trail records for one resource type. */
export interface DataEventSelection {
  /** "s3-object", "dynamodb-table", or the CloudTrail resource type as written for others. */
  readonly resourceType: string;
  /** "all" when every resource of the type is recorded, else ARN prefixes (may be Unknown in preview). */
  readonly resources: "all" | Val<readonly string[]>;
  /** Store model ids the selection names by reference (a Pulumi `bucket.arn` in preview). */
  readonly resourceRefs?: readonly string[];
  /** Which accesses are recorded; "all" records reads and writes. */
  readonly readWrite: "all" | "read" | "write";
}

export interface Trail {
  readonly model: "trail";
  readonly ref: ResourceRef;
  readonly multiRegion: Setting<boolean>;
  readonly logFileValidation: Setting<boolean>;
  /** The KMS key encrypting its log files; undefined when SSE-S3 only. */
  readonly kmsKey: Setting<string | undefined>;
  /** The trail is recording (a created trail logs unless stopped). */
  readonly logging: Setting<boolean>;
  readonly organization?: Setting<boolean>;
  readonly dataEvents: Val<readonly DataEventSelection[]>;
}

/** GuardDuty or Macie in one account and region. */
export interface ThreatDetector {
  readonly model: "threat-detector";
  readonly ref: ResourceRef;
  readonly service: "guardduty" | "macie";
  readonly region?: string;
  readonly enabled: Setting<boolean>;
  /** GuardDuty protection plans by name ("s3-data-events", "rds-login-events", ...). */
  readonly protections?: Readonly<Record<string, Setting<boolean>>>;
}

/** A VPC flow log, joined to the VPCs (or subnets, interfaces) it records. */
export interface FlowLog {
  readonly model: "flow-log";
  readonly ref: ResourceRef;
  /** AWS ids of what it records (vpc-..., subnet-..., eni-...). */
  readonly resourceIds: Val<readonly string[]>;
  /** Network model ids of what it records, joined by reference (preview). */
  readonly resourceRefs: readonly string[];
  /** ACCEPT, REJECT or ALL. */
  readonly trafficType: Setting<string | undefined>;
}

/** An AWS Backup selection: which resources a backup plan covers. */
export interface BackupSelection {
  readonly model: "backup-selection";
  readonly ref: ResourceRef;
  readonly plan: string;
  /** Resource ARN patterns selected (may contain `*`). */
  readonly resources: Val<readonly string[]>;
  /** Store model ids selected by reference (preview). */
  readonly resourceRefs: readonly string[];
  /** Resources are selected when they carry one of these tags (key = value). */
  readonly tags: Val<readonly { readonly key: string; readonly value: string }[]>;
  /** The plan's shortest rule retention in days, "forever" when none expires. */
  readonly retentionDays?: Setting<number | "forever">;
}

/** Where clients reach data over the network: a load balancer listener or a CloudFront distribution. */
export interface DataEndpoint {
  readonly model: "data-endpoint";
  readonly ref: ResourceRef;
  readonly kind: "load-balancer-listener" | "cloudfront-distribution";
  /** The load balancer's or distribution's tags, which say whether it serves customer data. */
  readonly tags: Val<Tags | undefined>;
  /** Clients are served only over TLS (HTTPS/TLS listener, or a plain listener that only redirects to HTTPS). */
  readonly httpsOnly: Setting<boolean>;
  /** The TLS security policy or minimum protocol version offered, when TLS is served. */
  readonly tlsPolicy: Setting<string | undefined>;
  /** CloudFront to its origins: over TLS only. */
  readonly originHttpsOnly?: Setting<boolean>;
}

/** An API Gateway REST API stage: whether it writes whole request and response bodies to its logs. */
export interface ApiStage {
  readonly model: "api-stage";
  readonly ref: ResourceRef;
  readonly tags: Val<Tags | undefined>;
  /** `dataTraceEnabled` on any of the stage's method settings (full bodies in CloudWatch Logs). */
  readonly logsBodies: Setting<boolean>;
}

/**
 * What a front knows of the hygiene services. "account": the scanner read the account, so a missing
 * trail or detector is missing. "stack": only what the stack declares; the account may have more.
 */
export interface HygieneInventory {
  readonly scope: "account" | "stack";
  /** Store model id -> the store's hygiene settings. */
  readonly stores: ReadonlyMap<string, StoreHygiene>;
  readonly trails: readonly Trail[];
  readonly detectors: readonly ThreatDetector[];
  readonly flowLogs: readonly FlowLog[];
  readonly backupSelections: readonly BackupSelection[];
  readonly endpoints: readonly DataEndpoint[];
  readonly apiStages: readonly ApiStage[];
}

/** What one adapter adds to the hygiene inventory; several may describe one store. */
export interface HygieneContribution {
  readonly stores?: readonly (readonly [string, StoreHygiene])[];
  readonly trails?: readonly Trail[];
  readonly detectors?: readonly ThreatDetector[];
  readonly flowLogs?: readonly FlowLog[];
  readonly backupSelections?: readonly BackupSelection[];
  readonly endpoints?: readonly DataEndpoint[];
  readonly apiStages?: readonly ApiStage[];
}

/** Joins contributions: a store's settings from several adapters are combined, later ones win per field. */
export function mergeHygiene(scope: HygieneInventory["scope"], parts: readonly HygieneContribution[]): HygieneInventory {
  const stores = new Map<string, StoreHygiene>();
  const lists = { trails: [] as Trail[], detectors: [] as ThreatDetector[], flowLogs: [] as FlowLog[], backupSelections: [] as BackupSelection[], endpoints: [] as DataEndpoint[], apiStages: [] as ApiStage[] };
  for (const c of parts) {
    for (const [id, h] of c.stores ?? []) stores.set(id, { ...stores.get(id), ...h });
    lists.trails.push(...(c.trails ?? []));
    lists.detectors.push(...(c.detectors ?? []));
    lists.flowLogs.push(...(c.flowLogs ?? []));
    lists.backupSelections.push(...(c.backupSelections ?? []));
    lists.endpoints.push(...(c.endpoints ?? []));
    lists.apiStages.push(...(c.apiStages ?? []));
  }
  // A multi-region trail is listed by every region scanned (and CloudFront by none in particular): one per id.
  return {
    scope,
    stores,
    trails: onePerId(lists.trails),
    detectors: onePerId(lists.detectors),
    flowLogs: onePerId(lists.flowLogs),
    backupSelections: onePerId(lists.backupSelections),
    endpoints: onePerId(lists.endpoints),
    apiStages: onePerId(lists.apiStages),
  };
}

function onePerId<T extends { readonly ref: ResourceRef }>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.ref.id)) seen.set(item.ref.id, item);
  return [...seen.values()];
}

export const emptyHygiene = (scope: HygieneInventory["scope"]): HygieneInventory => mergeHygiene(scope, []);
