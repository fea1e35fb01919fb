import type { AdvancedEventSelector, EventSelector } from "@aws-sdk/client-cloudtrail";
import type { CloudTrailAnswers, TrailAnswer } from "../../../fetchers/aws/cloudtrail";
import type { DataEventSelection, Trail } from "../../../models/hygiene";
import type { AdaptContext } from "../context";
import type { InventoryContribution } from "../contribution";
import { gapOf, readFetched } from "../fetched";
import { awsRef } from "../refs";
import { accountOfArn, fetchedSetting, flag, notModelled } from "./settings";

const RESOURCE_TYPES: Readonly<Record<string, string>> = { "AWS::S3::Object": "s3-object", "AWS::DynamoDB::Table": "dynamodb-table" };
const READ_WRITE: Readonly<Record<string, DataEventSelection["readWrite"]>> = { All: "all", ReadOnly: "read", WriteOnly: "write" };

/** `arn:aws:s3`, `arn:aws:s3:::`, `arn:aws:dynamodb`: every resource of the type. */
const isWholeService = (arnPrefix: string): boolean => /^arn:[a-z-]+:[a-z0-9-]+:*$/.test(arnPrefix);

function basic(selectors: readonly EventSelector[]): DataEventSelection[] {
  return selectors.flatMap((s) =>
    (s.DataResources ?? []).flatMap((d): DataEventSelection[] => {
      if (!d.Type) return [];
      const values = d.Values ?? [];
      return [
        {
          resourceType: RESOURCE_TYPES[d.Type] ?? d.Type,
          resources: values.length === 0 || values.some(isWholeService) ? "all" : values,
          readWrite: READ_WRITE[s.ReadWriteType ?? "All"] ?? "all",
        },
      ];
    }),
  );
}

/** Advanced selectors of eventCategory Data; negative or suffix ARN operators select a subset the model cannot hold. */
function advanced(selectors: readonly AdvancedEventSelector[], trail: string): DataEventSelection[] {
  const out: DataEventSelection[] = [];
  for (const s of selectors) {
    const field = (name: string) => s.FieldSelectors?.find((f) => f.Field === name);
    if (!field("eventCategory")?.Equals?.includes("Data")) continue;
    const arn = field("resources.ARN");
    const readOnly = field("readOnly")?.Equals;
    const readWrite = readOnly?.length === 1 ? (readOnly[0] === "true" ? "read" : "write") : "all";
    const positive = [...(arn?.Equals ?? []), ...(arn?.StartsWith ?? [])];
    const narrowed = arn && [arn.EndsWith, arn.NotEquals, arn.NotStartsWith, arn.NotEndsWith].some((l) => (l?.length ?? 0) > 0);
    const resources: DataEventSelection["resources"] = narrowed
      ? notModelled(`a data event selector of trail ${trail} selects ARNs with endsWith or not* operators`)
      : positive.length === 0 || positive.some(isWholeService)
        ? "all"
        : positive;
    for (const t of field("resources.type")?.Equals ?? []) out.push({ resourceType: RESOURCE_TYPES[t] ?? t, resources, readWrite });
  }
  return out;
}

function adaptTrail(a: TrailAnswer, ctx: AdaptContext, region: string): Trail | undefined {
  const t = a.trail;
  if (!t.TrailARN) return undefined;
  const name = t.Name ?? t.TrailARN;
  return {
    model: "trail",
    ref: awsRef(t.TrailARN, "AWS::CloudTrail::Trail", name, "CloudTrail trail", accountOfArn(t.TrailARN) ?? ctx.account, t.HomeRegion ?? region),
    multiRegion: flag("IsMultiRegionTrail", t.IsMultiRegionTrail),
    logFileValidation: flag("LogFileValidationEnabled", t.LogFileValidationEnabled),
    kmsKey: t.KmsKeyId ? { value: t.KmsKeyId, observed: "KmsKeyId set" } : { value: undefined, observed: "KmsKeyId not set (SSE-S3)" },
    logging: fetchedSetting(a.isLogging, (on) => flag("IsLogging", on)),
    organization: flag("IsOrganizationTrail", t.IsOrganizationTrail),
    dataEvents: readFetched(a.selectors, (s) => [...basic(s.EventSelectors ?? []), ...advanced(s.AdvancedEventSelectors ?? [], name)]),
  };
}

/**
 * One region's trails (the fetcher keeps those homed in the region: a multi-region trail is judged
 * once, from its home region), keyed by ARN; a trail answered twice is one model.
 */
export function adaptCloudTrail(raw: CloudTrailAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.trails.ok) return { gaps: [gapOf(raw.trails.failure, "CloudTrail trails")] };
  const byArn = new Map<string, Trail>();
  for (const a of raw.trails.value) {
    const trail = adaptTrail(a, ctx, raw.region);
    if (trail && !byArn.has(trail.ref.id)) byArn.set(trail.ref.id, trail);
  }
  return { hygiene: { trails: [...byArn.values()] } };
}
