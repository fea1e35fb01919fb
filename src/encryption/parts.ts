import { isUnknown, type Unknown, type Val } from "../core/value";
import type { EncryptedPart, EncryptionAtRest, KeyManager } from "../models/data-store";
import { notEncrypted } from "./at-rest";

const STRENGTH: Record<KeyManager, number> = { "aws-owned": 0, "aws-managed": 1, "customer-managed": 2 };

/**
 * A store whose data lives in its parts (block devices, replicas) is encrypted when every part
 * is: a known unencrypted part decides, else an unknown part makes it unknown; the key manager is
 * the weakest one, the key only when all parts share it. `what` names the parts in `observed`;
 * `none` is the result for a store without parts.
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
