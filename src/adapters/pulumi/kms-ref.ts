import { isUnknown, type Val } from "../../core/value";
import { managerOfNamedKey, printableKey } from "../../encryption/key-names";
import type { EncryptionAtRest, KeyManager } from "../../models/data-store";
import type { Props } from "./props";
import { typeOfUrn } from "./urn";

export const KMS_KEY_TYPES: ReadonlySet<string> = new Set([
  "aws:kms/key:Key",
  "aws:kms/replicaKey:ReplicaKey",
  "aws:kms/externalKey:ExternalKey",
  "aws:kms/replicaExternalKey:ReplicaExternalKey",
  "aws-native:kms:Key",
  "aws-native:kms:ReplicaKey",
]);
const KMS_ALIAS_TYPES: ReadonlySet<string> = new Set(["aws:kms/alias:Alias", "aws-native:kms:Alias"]);

export interface KeyReference {
  readonly keyManager: Val<KeyManager>;
  readonly keyId?: string;
  readonly keyRef?: string;
}

/**
 * Who manages the key a property names. The value is often unknown in preview, so the key
 * resource it came from (propertyDependencies) decides first, then the literal's name
 * (`managerOfNamedKey`).
 * Returns undefined when the property is not set.
 */
export function keyReference(p: Props, path: string): KeyReference | undefined {
  const property = path.split(".")[0] as string;
  const deps = p.dependenciesOf(property);
  const keyUrn = deps.find((u) => KMS_KEY_TYPES.has(typeOfUrn(u)));
  const value = p.str(path);
  // Not set: a key among the dependencies of the enclosing property belongs to another element.
  if (value === undefined) return undefined;
  const keyId = typeof value === "string" ? printableKey(value) : undefined;
  if (keyUrn) return { keyManager: "customer-managed", keyRef: keyUrn, ...(keyId ? { keyId } : {}) };
  if (deps.some((u) => KMS_ALIAS_TYPES.has(typeOfUrn(u)))) {
    return { keyManager: "customer-managed", ...(keyId ? { keyId } : {}) };
  }
  if (isUnknown(value)) return { keyManager: value };
  if (value === undefined || value === "") return undefined;
  return { keyManager: managerOfNamedKey(value), ...(keyId ? { keyId } : {}) };
}

/**
 * Encryption of a store with an on/off switch and an optional key: off -> unencrypted;
 * on without a key -> the service's AWS-managed key; on with a key -> that key.
 */
export function switchedEncryption(
  p: Props,
  switchPath: string,
  keyPath: string,
  opts: { defaultOn?: boolean; keylessManager?: KeyManager } = {},
): Val<EncryptionAtRest> {
  const on = p.bool(switchPath);
  const key = keyReference(p, keyPath);
  if (isUnknown(on)) {
    // A key given means encryption is on whatever the switch says, for every service here.
    if (key) return { enabled: true, ...key, observed: `${keyPath} set` };
    return { enabled: on, keyManager: on, observed: `${switchPath} unknown` };
  }
  const enabled = on ?? opts.defaultOn ?? false;
  if (!enabled) {
    if (key && on === undefined) return { enabled: true, ...key, observed: `${keyPath} set` };
    return { enabled: false, keyManager: undefined, observed: `${switchPath}=${String(on ?? false)}` };
  }
  if (key) return { enabled: true, ...key, observed: `${switchPath}=true with ${keyPath}` };
  return {
    enabled: true,
    keyManager: opts.keylessManager ?? "aws-managed",
    observed: on === undefined ? `encrypted by default (${switchPath} not set)` : `${switchPath}=true without ${keyPath}`,
  };
}
