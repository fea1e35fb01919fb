import type { Val } from "../../core/value";
import type { DataStore, EncryptedPart, EncryptionAtRest, StoreKind } from "../../models/data-store";
import type { ResourceRef } from "../../models/ref";
import type { Props } from "./props";

/** Turns one engine resource of the listed types into a data-store model. */
export interface StoreAdapter {
  readonly types: readonly string[];
  readonly kind: StoreKind;
  /** Human label for messages, e.g. "RDS instance". */
  readonly label: string;
  /** The property holding the store's AWS name/identifier, used to join settings given by name. */
  readonly nameProperty?: string;
  /** AWS encrypts this kind whatever its settings (only the key type is worth judging). */
  readonly encryptedByDefault?: boolean;
  /** The encryption is a summary of the parts (judge the parts, not the summary). */
  readonly summarisesParts?: boolean;
  encryption(p: Props): Val<EncryptionAtRest>;
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
  return {
    model: "data-store",
    ref: refOf(p, adapter.label),
    kind: adapter.kind,
    tags: p.tags(),
    encryption: adapter.encryption(p),
    parts: adapter.parts?.(p) ?? [],
    encryptedByDefault: adapter.encryptedByDefault ?? false,
    ...(adapter.summarisesParts ? { summarisesParts: true } : {}),
    ...(copyOf ? { copyOf } : {}),
    ...(typeof physicalName === "string" ? { physicalName } : {}),
  };
}
