import { typeName } from "../../../core/config";
import { isUnknown, unknown, type Val } from "../../../core/value";
import { encryptedWith } from "../../../encryption/at-rest";
import { notYetInherited } from "../../../encryption/inheritance";
import type { DataStore, EncryptedPart, EncryptionAtRest, KeyManager } from "../../../models/data-store";
import { keyReference, switchedEncryption } from "../kms-ref";
import { Props } from "../props";
import type { InheritedEncryption } from "../store-adapter";

/** Helpers shared by several store adapters. None puts a property's value into a message. */

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
export function keyedOr<T = Val<EncryptionAtRest>>(p: Props, keyPath: string, otherwise: () => T): EncryptionAtRest | T {
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

/** Encrypted as another store; `detail` says which, for the message shown until the join. */
export const inheritsEncryption = (from: InheritedEncryption["inheritedFrom"], detail: string): InheritedEncryption => ({
  inheritedFrom: from,
  untilJoined: notYetInherited(detail),
});

/**
 * A store created from another (replica, restore from a snapshot) that sets none of its own
 * encryption settings takes the source's encryption; the stack view resolves it when the source
 * is a store of the stack and `copyOf` names it.
 * Undefined when no source is named or a setting is given.
 */
export function inheritedUnlessSet(p: Props, sources: readonly string[], settings: readonly string[]): InheritedEncryption | undefined {
  const source = sources.find((s) => p.get(s) !== undefined);
  if (source === undefined || settings.some((s) => p.get(s) !== undefined)) return undefined;
  return inheritsEncryption("source", `${p.resource.name} takes the encryption of the source named in '${source}'`);
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
