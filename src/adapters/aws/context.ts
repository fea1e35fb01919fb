import type { Val } from "../../core/value";
import type { KeyManager } from "../../models/data-store";

/** What an adapter may ask of the rest of the scan of the same account. */
export interface AdaptContext {
  readonly account: string;
  readonly partition: string;
  /**
   * Who manages the KMS key a resource names (ARN, key id or alias ARN) in `region`, from the scan's
   * KMS answers: Unknown when KMS could not be read; customer-managed for another account's key.
   */
  keyManager(key: string, region: string): Val<KeyManager>;
  /** The model id (ARN) of that key when the inventory holds it. */
  keyRef(key: string, region: string): string | undefined;
}
