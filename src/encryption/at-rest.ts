import type { Unknown } from "../core/value";
import type { EncryptionAtRest, KeyManager } from "../models/data-store";

/** Builders of a store's encryption at rest; `observed` says how it was found and holds no secret. */

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
