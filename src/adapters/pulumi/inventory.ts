import { isUnknown } from "../../core/value";
import { inheritedFrom } from "../../encryption/inheritance";
import type { DataStore } from "../../models/data-store";
import type { Inventory } from "../../models/inventory";
import type { KmsKey } from "../../models/kms-key";
import type { EngineResource } from "./engine-resource";
import { buildExposures, EXPOSURE_TYPES } from "./exposure";
import { buildHygiene, HYGIENE_TYPES } from "./hygiene";
import { buildIamInventory, IAM_ADAPTER_TYPES } from "./iam";
import { KMS_KEY_TYPES } from "./kms-ref";
import { accountIdsOfResources } from "./own-account";
import { buildNetworkGraph, NETWORK_TYPES } from "./network";
import { buildPlacements, PLACEMENT_TYPES } from "./network/placement";
import { adaptKmsKey } from "./kms-key";
import { Props } from "./props";
import { adaptStore, type StoreAdapter } from "./store-adapter";
import { STORE_ADAPTERS } from "./stores";
import { joinLogicalDatabases } from "./stores/logical-database";
import { S3_ENCRYPTION_CONFIG_TYPES, sseOfRules } from "./stores/s3";

const COMPUTE_LABELS: ReadonlyMap<string, string> = new Map([
  ["aws:ec2/instance:Instance", "EC2 instance"],
  ["aws:lambda/function:Function", "Lambda function"],
]);

const ADAPTER_BY_TYPE: ReadonlyMap<string, StoreAdapter> = new Map(
  STORE_ADAPTERS.flatMap((a) => a.types.map((t) => [t, a] as const)),
);

/** Every resource type the Pulumi adapter reads. */
export const SUPPORTED_TYPES: readonly string[] = [
  ...new Set([...ADAPTER_BY_TYPE.keys(), ...KMS_KEY_TYPES, ...S3_ENCRYPTION_CONFIG_TYPES, ...NETWORK_TYPES, ...PLACEMENT_TYPES, ...IAM_ADAPTER_TYPES, ...EXPOSURE_TYPES, ...HYGIENE_TYPES]),
];

/**
 * The inventory of one resource (resource policies) or of the whole stack (stack policies, which also
 * apply split settings and join copies to their sources). Each part is built the first time a rule
 * reads it, then kept: a rule that reads only stores never pays for the network graph or IAM.
 */
export function buildInventory(resources: readonly EngineResource[]): Inventory {
  const storesAndKeys = once(() => adaptStoresAndKeys(resources));
  const exposures = once(() => buildExposures(resources));
  const network = once(() => buildNetworkGraph(resources));
  const placements = once(() => buildPlacements(resources));
  const iam = once(() => buildIamInventory(resources));
  const tags = once(() => new Map(resources.map((r) => [r.urn, new Props(r).tags()])));
  const ownAccountIds = once(() => accountIdsOfResources(resources));
  const hygiene = once(() => buildHygiene(resources, storesAndKeys().stores));
  const compute = once(() =>
    resources
      .filter((r) => COMPUTE_LABELS.has(r.type))
      .map((r) => ({ id: r.urn, type: r.type, name: r.name, label: COMPUTE_LABELS.get(r.type) ?? "compute" })),
  );
  return {
    get stores() {
      return storesAndKeys().stores;
    },
    get keys() {
      return storesAndKeys().keys;
    },
    get exposures() {
      return exposures().exposures;
    },
    get resourcePolicies() {
      return exposures().resourcePolicies;
    },
    get network() {
      return network();
    },
    get placements() {
      return placements();
    },
    get iam() {
      return iam();
    },
    get tags() {
      return tags();
    },
    get compute() {
      return compute();
    },
    get ownAccountIds() {
      return ownAccountIds();
    },
    get hygiene() {
      return hygiene();
    },
  };
}

function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

function adaptStoresAndKeys(resources: readonly EngineResource[]): { stores: DataStore[]; keys: KmsKey[] } {
  const stores = new Map<string, DataStore>();
  const props = new Map<string, Props>();
  const keys: KmsKey[] = [];
  const settings: Props[] = [];
  for (const r of resources) {
    const p = new Props(r);
    const adapter = ADAPTER_BY_TYPE.get(r.type);
    if (adapter) {
      stores.set(r.urn, adaptStore(adapter, p));
      props.set(r.urn, p);
    } else if (KMS_KEY_TYPES.has(r.type)) keys.push(adaptKmsKey(p));
    else if (S3_ENCRYPTION_CONFIG_TYPES.includes(r.type)) settings.push(p);
  }
  if (stores.size > 1 || settings.length > 0) {
    const byName = storesByPhysicalName(stores);
    for (const p of settings) applyS3EncryptionConfig(p, stores, byName);
    joinCopiesToSources(stores, props, byName);
    joinLogicalDatabases(stores, resources);
  }
  return { stores: [...stores.values()], keys };
}

function storesByPhysicalName(stores: Map<string, DataStore>): Map<string, DataStore> {
  const byName = new Map<string, DataStore>();
  for (const s of stores.values()) if (s.physicalName) byName.set(s.physicalName, s);
  return byName;
}

/** The store a property refers to: by dependency (works in preview), else by known name. */
function referencedStore(
  p: Props,
  property: string,
  stores: Map<string, DataStore>,
  byName: Map<string, DataStore>,
): DataStore | undefined {
  for (const urn of p.dependenciesOf(property)) {
    const s = stores.get(urn);
    if (s) return stores.get(s.ref.id);
  }
  const name = p.str(property);
  const s = typeof name === "string" ? byName.get(name) : undefined;
  return s ? stores.get(s.ref.id) : undefined;
}

function applyS3EncryptionConfig(p: Props, stores: Map<string, DataStore>, byName: Map<string, DataStore>): void {
  const bucket = referencedStore(p, "bucket", stores, byName);
  if (!bucket || bucket.kind !== "s3-bucket") return;
  const encryption = sseOfRules(p, "");
  if (encryption === undefined) return;
  stores.set(bucket.ref.id, {
    ...bucket,
    encryption: isUnknown(encryption)
      ? encryption
      : { ...encryption, observed: `${encryption.observed} (set by ${p.resource.name})` },
  });
}

/** A copy's source joined by reference; a copy encrypted as its source takes the source's encryption. */
function joinCopiesToSources(
  stores: Map<string, DataStore>,
  props: Map<string, Props>,
  byName: Map<string, DataStore>,
): void {
  for (const [urn, store] of stores) {
    const property = store.copyOf?.sourceProperty;
    const p = props.get(urn);
    if (!store.copyOf || !property || !p) continue;
    const source = referencedStore(p, property, stores, byName);
    if (!source) continue;
    stores.set(urn, {
      ...store,
      copyOf: { ...store.copyOf, sourceRef: source.ref.id },
      encryption: store.encryptionFrom === "source" ? inheritedFrom(source) : store.encryption,
    });
  }
}
