import type { Val } from "../../core/value";
import type { EncryptionAtRest } from "../../models/data-store";
import { known, Unwritable } from "./context";

/** How a store's encryption names its key in v7 properties. */
export interface KeySetting {
  /** Encryption on (for stores with a switch). */
  readonly enabled: boolean;
  /** What the key property holds: a customer-managed key's ARN (or id), an AWS-managed key's alias; undefined: no key named. */
  readonly key?: string;
  /** The key model the value names, to depend on its resource. */
  readonly keyModel?: string;
  readonly manager?: EncryptionAtRest["keyManager"];
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
