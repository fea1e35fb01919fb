import { isUnknown, unknown, type Val } from "../../../core/value";
import type { DataStore, StoreKind } from "../../../models/data-store";
import type { DataEventSelection, Trail } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";
import { refOf } from "../store-adapter";
import { boolSetting, dependenciesAmong, knownStrings, presenceSetting, storesNamedBy } from "./watch-values";

export const TRAIL_TYPE = "aws:cloudtrail/trail:Trail";

const RESOURCE_TYPES: Readonly<Record<string, { readonly name: string; readonly kind: StoreKind }>> = {
  "AWS::S3::Object": { name: "s3-object", kind: "s3-bucket" },
  "AWS::DynamoDB::Table": { name: "dynamodb-table", kind: "dynamodb-table" },
};

/** `arn:aws:s3`, `arn:aws:s3:::`, `arn:aws:dynamodb`: every resource of the type (no resource part). */
export const isWholeService = (arnPrefix: string): boolean => /^arn:[a-z-]+:[a-z0-9-]+:*$/.test(arnPrefix);

/** `aws:cloudtrail/trail:Trail` (v6, v7): a created trail logs unless `enableLogging` is false. */
export function adaptTrail(r: EngineResource, stores: readonly DataStore[]): Trail {
  const p = new Props(r);
  return {
    model: "trail",
    ref: refOf(p, "CloudTrail trail"),
    multiRegion: boolSetting(p, "isMultiRegionTrail", false),
    logFileValidation: boolSetting(p, "enableLogFileValidation", false),
    kmsKey: presenceSetting(p, "kmsKeyId"),
    logging: boolSetting(p, "enableLogging", true),
    organization: boolSetting(p, "isOrganizationTrail", false),
    dataEvents: dataEvents(p, stores),
  };
}

function dataEvents(p: Props, stores: readonly DataStore[]): Val<readonly DataEventSelection[]> {
  const basic = basicSelections(p, stores);
  const advanced = advancedSelections(p, stores);
  if (isUnknown(basic)) return basic;
  if (isUnknown(advanced)) return advanced;
  return [...basic, ...advanced];
}

/** Builds one selection; the stores joined are those the values name, else (values not known) the property's dependencies of the type's kind. */
function selection(
  p: Props,
  property: string,
  rawType: string,
  resources: "all" | Val<readonly string[]>,
  readWrite: DataEventSelection["readWrite"],
  stores: readonly DataStore[],
): DataEventSelection {
  const type = RESOURCE_TYPES[rawType];
  const ofKind = stores.filter((s) => type === undefined || s.kind === type.kind);
  const refs =
    resources === "all"
      ? []
      : isUnknown(resources)
        ? dependenciesAmong(p, property, new Set(ofKind.map((s) => s.ref.id)))
        : [...new Set(resources.flatMap((v) => storesNamedBy(v, ofKind)))];
  return { resourceType: type?.name ?? rawType, resources, ...(refs.length > 0 ? { resourceRefs: refs } : {}), readWrite };
}

const READ_WRITE: Readonly<Record<string, DataEventSelection["readWrite"]>> = { All: "all", ReadOnly: "read", WriteOnly: "write" };

/** `eventSelectors[].dataResources[]`: {type, values (ARN prefixes)}; `readWriteType` defaults to All. */
function basicSelections(p: Props, stores: readonly DataStore[]): Val<DataEventSelection[]> {
  const n = p.count("eventSelectors");
  if (isUnknown(n)) return n;
  const out: DataEventSelection[] = [];
  for (let i = 0; i < n; i++) {
    const base = p.itemPath("eventSelectors", i);
    const rw = p.str(`${base}.readWriteType`);
    if (isUnknown(rw)) return rw;
    const readWrite = READ_WRITE[rw ?? "All"];
    if (readWrite === undefined) return unknown("error", `${base}.readWriteType of ${p.resource.name} is not All, ReadOnly or WriteOnly`);
    const m = p.count(`${base}.dataResources`);
    if (isUnknown(m)) return m;
    for (let j = 0; j < m; j++) {
      const dr = p.itemPath(`${base}.dataResources`, j);
      const type = p.str(`${dr}.type`);
      if (isUnknown(type)) return type;
      if (type === undefined) continue;
      const values = knownStrings(p, `${dr}.values`);
      const resources = isUnknown(values) ? values : values.some(isWholeService) ? "all" : values;
      out.push(selection(p, "eventSelectors", type, resources, readWrite, stores));
    }
  }
  return out;
}

/**
 * `advancedEventSelectors[].fieldSelectors[]`: a selector of eventCategory Data names its resource type
 * (`resources.type`), optionally ARNs (`resources.ARN` equals / startsWith) and `readOnly`. Negative or
 * suffix ARN operators select a subset the model cannot say: that selection is not known.
 */
function advancedSelections(p: Props, stores: readonly DataStore[]): Val<DataEventSelection[]> {
  const n = p.count("advancedEventSelectors");
  if (isUnknown(n)) return n;
  const out: DataEventSelection[] = [];
  for (let i = 0; i < n; i++) {
    const base = `${p.itemPath("advancedEventSelectors", i)}.fieldSelectors`;
    const fields = fieldSelectors(p, base);
    if (isUnknown(fields)) return fields;
    const category = fields.get("eventCategory")?.equals;
    if (!category || isUnknown(category) || !category.includes("Data")) {
      if (category && isUnknown(category)) return category;
      continue;
    }
    const types = fields.get("resources.type")?.equals;
    if (types === undefined) continue;
    if (isUnknown(types)) return types;
    const arn = fields.get("resources.ARN");
    const resources = arnResources(p, base, arn);
    const readOnly = fields.get("readOnly")?.equals;
    if (readOnly && isUnknown(readOnly)) return readOnly;
    const readWrite = readOnly === undefined || readOnly.length !== 1 ? "all" : readOnly[0] === "true" ? "read" : "write";
    for (const t of types) out.push(selection(p, "advancedEventSelectors", t, resources, readWrite, stores));
  }
  return out;
}

interface FieldSelector {
  readonly equals?: Val<readonly string[]>;
  readonly startsWiths?: Val<readonly string[]>;
  readonly other: boolean;
}

function fieldSelectors(p: Props, path: string): Val<Map<string, FieldSelector>> {
  const n = p.count(path);
  if (isUnknown(n)) return n;
  const out = new Map<string, FieldSelector>();
  for (let i = 0; i < n; i++) {
    const f = p.itemPath(path, i);
    const field = p.str(`${f}.field`);
    if (isUnknown(field)) return field;
    if (field === undefined) continue;
    const listed = (op: string) => (p.get(`${f}.${op}`) === undefined ? undefined : knownStrings(p, `${f}.${op}`));
    const other = ["endsWiths", "notEquals", "notStartsWiths", "notEndsWiths"].some((op) => listed(op) !== undefined);
    const equals = listed("equals");
    const startsWiths = listed("startsWiths");
    out.set(field, { ...(equals ? { equals } : {}), ...(startsWiths ? { startsWiths } : {}), other });
  }
  return out;
}

function arnResources(p: Props, path: string, arn: FieldSelector | undefined): "all" | Val<readonly string[]> {
  if (arn === undefined) return "all";
  if (arn.other) return unknown("error", `${path} of ${p.resource.name} selects ARNs with endsWith or not* operators, which are not assessed`);
  const lists = [arn.equals, arn.startsWiths].filter((l) => l !== undefined);
  const pending = lists.find(isUnknown);
  if (pending) return pending;
  const values = (lists as (readonly string[])[]).flat();
  return values.length === 0 || values.some(isWholeService) ? "all" : values;
}
