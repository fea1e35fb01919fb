import type { Unknown, Val } from "../../core/value";
import type { DataStore, EncryptedPart, EncryptionAtRest, StoreKind, StoreVariant } from "../../models/data-store";
import type { ResourceRef } from "../../models/ref";
import { storeFacts, storeLabel } from "../../models/store-kind-facts";
import type { Props } from "./props";

/**
 * A store that sets none of its own encryption settings and is encrypted as another store
 * (`DataStore.encryptionFrom`); `untilJoined` is its encryption until the stack view joins it.
 */
export interface InheritedEncryption {
  readonly inheritedFrom: NonNullable<DataStore["encryptionFrom"]>;
  readonly untilJoined: Unknown;
}

/** Turns one engine resource of the listed types into a data-store model. */
export interface StoreAdapter {
  readonly types: readonly string[];
  /** The kind (and variant) give the store's label and AWS's encryption defaults (`storeFacts`). */
  readonly kind: StoreKind;
  readonly variant?: StoreVariant;
  /** The property holding the store's AWS name/identifier, used to join settings given by name. */
  readonly nameProperty?: string;
  /** The output holding the store's ARN, when it is not `arn`. */
  readonly arnProperty?: string;
  encryption(p: Props): Val<EncryptionAtRest> | InheritedEncryption;
  parts?(p: Props): EncryptedPart[];
  copyOf?(p: Props): DataStore["copyOf"];
}

export function refOf(p: Props, label: string): ResourceRef {
  const r = p.resource;
  return { id: r.urn, type: r.type, name: r.name, label };
}

export function adaptStore(adapter: StoreAdapter, p: Props): DataStore {
  const copyOf = adapter.copyOf?.(p);
  const physicalName = adapter.nameProperty ? p.str(adapter.nameProperty) : undefined;
  const e = adapter.encryption(p);
  const encryption = "inheritedFrom" in e ? e.untilJoined : e;
  const encryptionFrom = "inheritedFrom" in e ? e.inheritedFrom : undefined;
  const hasArn = storeFacts(adapter.kind, adapter.variant).arnService !== undefined;
  return {
    model: "data-store",
    ref: refOf(p, storeLabel(adapter.kind, adapter.variant)),
    kind: adapter.kind,
    ...(adapter.variant ? { variant: adapter.variant } : {}),
    tags: p.tags(),
    encryption,
    ...(encryptionFrom ? { encryptionFrom } : {}),
    parts: adapter.parts?.(p) ?? [],
    ...(copyOf ? { copyOf } : {}),
    ...(typeof physicalName === "string" ? { physicalName } : {}),
    ...(hasArn ? { arn: p.providerOutput(adapter.arnProperty ?? "arn") } : {}),
  };
}
