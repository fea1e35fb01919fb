import { isUnknown, type Val } from "../core/value";
import { encryptionOfParts } from "../encryption/parts";
import { parseArn } from "../iam/arn";
import type { DataStore, EncryptionAtRest } from "../models/data-store";
import type { KmsKey } from "../models/kms-key";
import { storeFacts } from "../models/store-kind-facts";
import type { StoreEncryption } from "./model";

/**
 * A store's encryption at rest for the inventory: the weakest of the store and its separately
 * encrypted parts (a store that only summarises its parts is its parts), with who holds the key.
 */
export function storeEncryption(store: DataStore, keys: readonly KmsKey[], ownAccounts: readonly string[]): StoreEncryption {
  const e = effectiveEncryption(store);
  if (isUnknown(e)) return { state: "unknown", detail: `encryption not known: ${e.detail}` };
  if (isUnknown(e.enabled)) return { state: "unknown", detail: `whether it is encrypted is not known: ${e.enabled.detail} (${e.observed})` };
  if (!e.enabled) return { state: "unencrypted", detail: `not encrypted (${e.observed})` };
  const manager = e.keyManager;
  if (isUnknown(manager)) return { state: "encrypted", keyOwner: "unknown", ...keyPart(e), detail: `encrypted; the key's manager is not known: ${manager.detail} (${e.observed})` };
  if (manager === undefined) return { state: "encrypted", keyOwner: "unknown", ...keyPart(e), detail: `encrypted (${e.observed})` };
  const keyOwner = manager === "customer-managed" ? customerKeyOwner(store, e, keys, ownAccounts) : "aws";
  return { state: "encrypted", keyManager: manager, ...keyPart(e), keyOwner, detail: `encrypted with ${MANAGER_TEXT[manager]} (${e.observed})` };
}

const MANAGER_TEXT = { "aws-owned": "an AWS-owned key", "aws-managed": "an AWS-managed KMS key", "customer-managed": "a customer-managed KMS key" } as const;

const keyPart = (e: EncryptionAtRest): { key?: string } => (e.keyId ? { key: e.keyId } : {});

function effectiveEncryption(store: DataStore): Val<EncryptionAtRest> {
  if (store.parts.length === 0) return store.encryption;
  const parts = storeFacts(store.kind, store.variant).summarisesParts ? store.parts : [{ name: "itself", encryption: store.encryption }, ...store.parts];
  return encryptionOfParts(parts, "parts", { enabled: false, keyManager: undefined, observed: "no parts" });
}

/**
 * The account holding a customer-managed key: from the key's ARN as configured, else the joined key
 * model's ARN; a key the inventory itself manages (no ARN yet) or a bare key id/alias (resolved in
 * the store's own account) belongs to the store's account.
 */
function customerKeyOwner(store: DataStore, e: EncryptionAtRest, keys: readonly KmsKey[], ownAccounts: readonly string[]): string {
  const owner = (account: string): string => (ownAccounts.includes(account) ? "own-account" : account);
  const fromId = e.keyId ? parseArn(e.keyId)?.account : undefined;
  if (fromId) return owner(fromId);
  const joined = e.keyRef ? keys.find((k) => k.ref.id === e.keyRef) : undefined;
  const joinedArn = joined && !isUnknown(joined.arn) ? joined.arn : undefined;
  const fromJoined = (joinedArn ? parseArn(joinedArn)?.account : undefined) ?? (e.keyRef ? parseArn(e.keyRef)?.account : undefined);
  if (fromJoined) return owner(fromJoined);
  if (joined) return joined.ref.account ? owner(joined.ref.account) : "own-account";
  // AWS resolves a key id or alias without an ARN in the account that creates the store.
  if (e.keyId) return store.ref.account ? owner(store.ref.account) : "own-account";
  return "unknown";
}
