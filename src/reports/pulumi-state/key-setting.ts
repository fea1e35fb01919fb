import type { Val } from "../../core/value";
import type { DataStore, EncryptionAtRest, KeyManager } from "../../models/data-store";
import { storeFacts } from "../../models/store-kind-facts";
import { known, Unwritable } from "./context";

/** How a store's encryption names its key in v7 properties. */
export interface KeySetting {
  /** Encryption on (for stores with a switch). */
  readonly enabled: boolean;
  /** What the key property holds: a customer-managed key's ARN (or id), an AWS-managed key's alias; undefined: no key named. */
  readonly key?: string;
  /** The key model the value names, to depend on its resource. */
  readonly keyModel?: string;
  readonly manager?: KeyManager;
}

/**
 * The key a store's encryption uses, as the Pulumi adapter reads it back from one resource: a
 * customer-managed key by its ARN (any key not named `alias/aws/...` is read as customer-managed),
 * an AWS-managed key by its `alias/aws/<service>` alias (`awsAlias`; undefined where naming no key
 * already means the AWS-managed key), an AWS-owned key by naming none.
 */
export function keySetting(encryption: Val<EncryptionAtRest>, what: string, awsAlias?: string): KeySetting {
  const e = known(encryption, `the encryption of ${what}`);
  const enabled = known(e.enabled, `whether ${what} is encrypted`);
  if (!enabled) return { enabled };
  const manager = known(e.keyManager, `the manager of the key of ${what}`);
  if (manager === "customer-managed") {
    const key = e.keyId ?? e.keyRef;
    if (key === undefined) throw new Unwritable(`the customer-managed key of ${what} has no printable id`);
    return { enabled, key, manager, ...(e.keyRef ? { keyModel: e.keyRef } : {}) };
  }
  if (manager === "aws-managed") return { enabled, manager, ...(awsAlias ? { key: awsAlias } : {}) };
  return { enabled, manager };
}

/** Stores whose key setting cannot express an AWS-owned key (it would read as the AWS-managed one). */
export function notAwsOwned(k: KeySetting, what: string): KeySetting {
  if (k.manager === "aws-owned") throw new Unwritable(`${what} uses an AWS-owned key, which its v7 properties cannot express`);
  return k;
}

const MANAGER_TEXT = { "aws-owned": "an AWS-owned key", "aws-managed": "an AWS-managed key", "customer-managed": "a customer-managed key" } as const;

/**
 * What a store's key property holds so the Pulumi adapter reads its key's manager back: a
 * customer-managed key's ARN; the service's `alias/aws/...` alias for an AWS-managed key where
 * `awsAlias` names one; nothing when the key is the one the store's kind uses when it names none
 * (`storeFacts(...).encryption.keyless`). Any other key cannot be said in v7 properties.
 */
export function keyValue(k: KeySetting, store: DataStore, what: string, awsAlias?: string): string | undefined {
  if (!k.enabled || k.manager === "customer-managed") return k.key;
  if (k.manager === "aws-managed" && awsAlias !== undefined) return awsAlias;
  if (k.manager === storeFacts(store.kind, store.variant).encryption.keyless) return undefined;
  throw new Unwritable(`${what} uses ${k.manager ? MANAGER_TEXT[k.manager] : "a key of no known manager"}, which its v7 properties cannot express`);
}

/** The key of a store AWS always encrypts, whose v7 resource has a key property and no switch. */
export function alwaysEncryptedKey(store: DataStore, what: string, awsAlias?: string): { setting: KeySetting; value?: string } {
  const setting = keySetting(store.encryption, what);
  if (!setting.enabled) throw new Unwritable(`${what} is not encrypted, which its v7 resource (always encrypted) cannot say`);
  const value = keyValue(setting, store, what, awsAlias);
  return { setting, ...(value === undefined ? {} : { value }) };
}
