import { typeName } from "../../../core/config";
import { isUnknown, unknown, type Unknown, type Val } from "../../../core/value";
import type { DataStore, EncryptedPart, EncryptionAtRest, KeyManager } from "../../../models/data-store";
import { keyReference, switchedEncryption } from "../kms-ref";
import { Props } from "../props";

/** Helpers shared by several store adapters. None puts a property's value into a message. */

export const notEncrypted = (observed: string): EncryptionAtRest => ({ enabled: false, keyManager: undefined, observed });

export const encryptedWith = (keyManager: KeyManager, observed: string): EncryptionAtRest => ({
  enabled: true,
  keyManager,
  observed,
});

/** Encryption whose switch could not be read: neither on nor off. */
export const switchUnknown = (on: Unknown, observed: string): EncryptionAtRest => ({
  enabled: on,
  keyManager: on,
  observed,
});

/**
 * Path to read the fields of a nested block (an object, or a one-element list in some provider
 * versions); undefined when the block is absent; Unknown when it is computed or malformed.
 * Read a block through this before its fields: a computed block must not pass for a set key.
 */
export function blockAt(p: Props, path: string): Val<string | undefined> {
  const block = p.obj(path);
  if (isUnknown(block) || block === undefined) return block;
  return p.itemPath(path, 0);
}

/** The key at `keyPath` if one is set (encryption is then on with that key), else `otherwise()`. */
export function keyedOr(p: Props, keyPath: string, otherwise: () => Val<EncryptionAtRest>): Val<EncryptionAtRest> {
  const key = keyReference(p, keyPath);
  return key ? { enabled: true, ...key, observed: `${keyPath} set` } : otherwise();
}

/** A store AWS always encrypts: with the key at `keyPath`, else with the service's `keyless` key. */
export function alwaysEncrypted(p: Props, keyPath: string, keyless: KeyManager, keylessObserved: string): Val<EncryptionAtRest> {
  return keyedOr(p, keyPath, () => encryptedWith(keyless, keylessObserved));
}

/**
 * `switchedEncryption` whose default depends on another property (an engine, an engine mode):
 * when that property is unknown and neither switch nor key is set, the encryption is unknown too.
 */
export function switchedWithDefault(
  p: Props,
  switchPath: string,
  keyPath: string,
  defaultOn: Val<boolean>,
  keylessManager?: KeyManager,
): Val<EncryptionAtRest> {
  if (isUnknown(defaultOn) && p.get(switchPath) === undefined && p.get(keyPath) === undefined) return defaultOn;
  return switchedEncryption(p, switchPath, keyPath, {
    defaultOn: isUnknown(defaultOn) ? false : defaultOn,
    ...(keylessManager ? { keylessManager } : {}),
  });
}

/**
 * A store created from another (replica, restore from a snapshot) that sets none of its own
 * encryption settings takes the source's encryption: Unknown("not-fetched") here; the stack view
 * resolves it when the source is a store of the stack and `copyOf` names it.
 * Undefined when no source is named or a setting is given.
 */
export function inheritedUnlessSet(p: Props, sources: readonly string[], settings: readonly string[]): Unknown | undefined {
  const source = sources.find((s) => p.get(s) !== undefined);
  if (source === undefined || settings.some((s) => p.get(s) !== undefined)) return undefined;
  return unknown("not-fetched", `${p.resource.name} takes the encryption of the source named in '${source}'`);
}

/** `copyOf` for a store naming its source in `property`; undefined when the property is not set. */
export function copyOfProperty(
  p: Props,
  property: string,
  relation: NonNullable<DataStore["copyOf"]>["relation"],
): DataStore["copyOf"] {
  const source = p.str(property);
  return source === undefined ? undefined : { relation, source, sourceProperty: property };
}

/**
 * One part per element of the list at `listPath` (a single object counts as one element).
 * `encryptionOf` gets the element's path and returns undefined for elements that hold no data.
 * A computed or malformed list is one part whose encryption is that Unknown.
 */
export function listParts(
  p: Props,
  listPath: string,
  encryptionOf: (itemPath: string) => Val<EncryptionAtRest> | undefined,
): EncryptedPart[] {
  const n = p.count(listPath);
  if (isUnknown(n)) return [{ name: listPath, encryption: n }];
  const parts: EncryptedPart[] = [];
  for (let i = 0; i < n; i++) {
    const encryption = encryptionOf(p.itemPath(listPath, i));
    if (encryption !== undefined) parts.push({ name: `${listPath}[${i}]`, encryption });
  }
  return parts;
}

const STRENGTH: Record<KeyManager, number> = { "aws-owned": 0, "aws-managed": 1, "customer-managed": 2 };

/**
 * A store whose data lives in its parts is encrypted when every part is: a known unencrypted
 * part decides, else an unknown part makes it unknown; the key manager is the weakest one, the
 * key only when all parts share it. `none` is the result for a store without parts.
 */
export function encryptionOfParts(parts: readonly EncryptedPart[], what: string, none: EncryptionAtRest): Val<EncryptionAtRest> {
  if (parts.length === 0) return none;
  let firstUnknown: Unknown | undefined;
  const known: EncryptionAtRest[] = [];
  for (const part of parts) {
    const e = part.encryption;
    if (isUnknown(e)) firstUnknown ??= e;
    else if (e.enabled === false) return notEncrypted(`${part.name} not encrypted (${e.observed})`);
    else if (isUnknown(e.enabled)) firstUnknown ??= e.enabled;
    else known.push(e);
  }
  if (firstUnknown) return firstUnknown;
  const managers = known.map((e) => e.keyManager);
  const weakest = managers
    .filter((m): m is KeyManager => typeof m === "string")
    .sort((a, b) => STRENGTH[a] - STRENGTH[b])[0];
  // Nothing is weaker than an AWS-owned key, whatever an unknown part holds.
  const keyManager = weakest === "aws-owned" ? weakest : (managers.find(isUnknown) ?? weakest);
  const shared = (f: (e: EncryptionAtRest) => string | undefined): string | undefined => {
    const first = known[0] ? f(known[0]) : undefined;
    return first !== undefined && known.every((e) => f(e) === first) ? first : undefined;
  };
  const keyRef = shared((e) => e.keyRef);
  const keyId = shared((e) => e.keyId);
  return {
    enabled: true,
    keyManager,
    ...(keyRef ? { keyRef } : {}),
    ...(keyId ? { keyId } : {}),
    observed: `all ${parts.length} ${what} encrypted`,
  };
}

/**
 * A view of the properties that also reads the strings "true" and "false" as booleans ("" as not
 * set), for properties the provider types as strings (launch template EBS settings, v7 Redshift).
 */
export function withStringBooleans(p: Props): Props {
  return new StringBooleanProps(p.resource);
}

class StringBooleanProps extends Props {
  override bool(path: string): Val<boolean | undefined> {
    const v = this.get(path);
    if (typeof v !== "string") return super.bool(path);
    if (v === "true") return true;
    if (v === "false") return false;
    if (v === "") return undefined;
    return unknown("error", `property '${path}' of ${this.resource.name} should be true or false, got ${typeName(v)} other than "true" or "false"`);
  }
}
