import { expect, it } from "vitest";
import type { EngineResource } from "../../../src/adapters/pulumi/engine-resource";
import { buildInventory } from "../../../src/adapters/pulumi/inventory";
import { isUnknown, type Unknown, type UnknownReason, type Val } from "../../../src/core/value";
import type { DataStore, EncryptionAtRest, KeyManager, StoreKind } from "../../../src/models/data-store";
import { engineResource, UNKNOWN, urnOf } from "../../helpers/engine";

/** Shared fixtures and a table runner for the store adapter tests (all through `buildInventory`). */

export const KEY_URN = urnOf("aws:kms/key:Key", "cmk");
export const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
/** A value that must never reach a message (put where a boolean or an enum belongs). */
export const MARKER = "do-not-print-7f3a";

/** The store of a one-resource inventory (the view of a resource policy). */
export function storeOf(type: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}): DataStore {
  const inv = buildInventory([engineResource(type, "res", props, deps)]);
  expect(inv.stores).toHaveLength(1);
  return inv.stores[0] as DataStore;
}

/** The stack view: stores by logical name. */
export function stackOf(...resources: EngineResource[]): Map<string, DataStore> {
  return new Map(buildInventory(resources).stores.map((s) => [s.ref.name, s]));
}

/** The Unknown an encryption holds: itself, else its switch, else its key manager. */
export function unknownOf(e: Val<EncryptionAtRest>): Unknown | undefined {
  if (isUnknown(e)) return e;
  if (isUnknown(e.enabled)) return e.enabled;
  return isUnknown(e.keyManager) ? e.keyManager : undefined;
}

type Reason = UnknownReason;
const REASONS: readonly string[] = ["preview", "access-denied", "not-fetched", "error"];

/**
 * What an encryption should be: `unknown` for an Unknown encryption as a whole; `enabled` and
 * `keyManager` take a value or an Unknown's reason; `detail` checks the Unknown's detail.
 */
export interface Expected {
  unknown?: Reason;
  enabled?: boolean | Reason;
  keyManager?: KeyManager | Reason | null;
  keyRef?: string;
  keyId?: string;
  observed?: RegExp;
  detail?: RegExp;
}

export function expectEncryption(e: Val<EncryptionAtRest>, x: Expected): void {
  if (x.unknown) {
    expect(isUnknown(e), "encryption should be unknown").toBe(true);
    expect((e as Unknown).reason).toBe(x.unknown);
  } else {
    expect(isUnknown(e) ? `unknown (${e.reason}: ${e.detail})` : "known").toBe("known");
    const k = e as EncryptionAtRest;
    const check = (v: unknown, want: unknown, what: string) => {
      if (typeof want === "string" && REASONS.includes(want)) {
        expect(isUnknown(v), `${what} should be unknown`).toBe(true);
        expect((v as Unknown).reason).toBe(want);
      } else expect(v, what).toBe(want === null ? undefined : want);
    };
    if (x.enabled !== undefined) check(k.enabled, x.enabled, "enabled");
    if (x.keyManager !== undefined) check(k.keyManager, x.keyManager, "keyManager");
    if (x.keyRef !== undefined) expect(k.keyRef).toBe(x.keyRef);
    if (x.keyId !== undefined) expect(k.keyId).toBe(x.keyId);
    if (x.observed) expect(k.observed).toMatch(x.observed);
  }
  if (x.detail) expect(unknownOf(e)?.detail).toMatch(x.detail);
}

export interface StoreCase {
  readonly name: string;
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly deps?: Record<string, string[]>;
  readonly expect: Expected;
}

/** Runs a table of one-resource cases; no case may echo MARKER into the model. */
export function storeCases(kind: StoreKind, cases: readonly StoreCase[]): void {
  it.each(cases)("$type: $name", (c) => {
    const s = storeOf(c.type, c.props, c.deps);
    expect(s.kind).toBe(kind);
    expectEncryption(s.encryption, c.expect);
    // Alone, a store encrypted as another store shows that as "not fetched", and only such a store.
    expect(s.encryptionFrom !== undefined, "encryptionFrom").toBe(isUnknown(s.encryption) && s.encryption.reason === "not-fetched");
    expect(JSON.stringify({ e: s.encryption, p: s.parts })).not.toContain(MARKER);
  });
}

/** Cases every store with a top-level switch and key shares; `on` is the switch's "true". */
export function switchedCases(
  type: string,
  switchName: string,
  keyName: string,
  opts: { on?: unknown; off?: unknown; unset: Expected; keyless: KeyManager; awsAlias?: string },
): StoreCase[] {
  const on = opts.on ?? true;
  const off = opts.off ?? false;
  return [
    {
      type,
      name: "CMK from a key resource (preview: value unknown)",
      props: { [switchName]: on, [keyName]: UNKNOWN },
      deps: { [keyName]: [KEY_URN] },
      expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN },
    },
    {
      type,
      name: "CMK by literal ARN",
      props: { [switchName]: on, [keyName]: KEY_ARN },
      expect: { enabled: true, keyManager: "customer-managed", keyId: KEY_ARN },
    },
    ...(opts.awsAlias
      ? [{ type, name: "AWS-managed alias", props: { [switchName]: on, [keyName]: opts.awsAlias }, expect: { enabled: true, keyManager: "aws-managed", keyId: opts.awsAlias } } as StoreCase]
      : []),
    { type, name: "on without a key", props: { [switchName]: on }, expect: { enabled: true, keyManager: opts.keyless } },
    { type, name: "off", props: { [switchName]: off }, expect: { enabled: false, keyManager: null } },
    { type, name: "not set", props: {}, expect: opts.unset },
    {
      type,
      name: "switch unknown (preview)",
      props: { [switchName]: UNKNOWN },
      expect: { enabled: "preview", keyManager: "preview" },
    },
    {
      type,
      name: "switch unknown with a key from a key resource",
      props: { [switchName]: UNKNOWN, [keyName]: UNKNOWN },
      deps: { [keyName]: [KEY_URN] },
      expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN },
    },
    {
      type,
      name: "key unknown without a key resource",
      props: { [switchName]: on, [keyName]: UNKNOWN },
      expect: { enabled: true, keyManager: "preview" },
    },
    {
      type,
      name: "switch of the wrong type (a number)",
      props: { [switchName]: 1 },
      expect: { enabled: "error", detail: new RegExp(`'${switchName}'.*should be true or false, got number`) },
    },
    {
      type,
      name: "key of the wrong type (an object)",
      props: { [switchName]: on, [keyName]: { arn: MARKER } },
      expect: { enabled: true, keyManager: "error", detail: new RegExp(`'${keyName}'.*should be a string, got an object`) },
    },
  ];
}

/** Cases for stores AWS always encrypts with the key at `keyName` or a service key. */
export function alwaysEncryptedCases(type: string, keyName: string, keyless: KeyManager): StoreCase[] {
  return [
    {
      type,
      name: "CMK from a key resource (preview: value unknown)",
      props: { [keyName]: UNKNOWN },
      deps: { [keyName]: [KEY_URN] },
      expect: { enabled: true, keyManager: "customer-managed", keyRef: KEY_URN },
    },
    { type, name: "CMK by literal ARN", props: { [keyName]: KEY_ARN }, expect: { enabled: true, keyManager: "customer-managed", keyId: KEY_ARN } },
    { type, name: "no key", props: {}, expect: { enabled: true, keyManager: keyless } },
    { type, name: "key unknown without a key resource", props: { [keyName]: UNKNOWN }, expect: { enabled: true, keyManager: "preview" } },
    {
      type,
      name: "key of the wrong type (a number)",
      props: { [keyName]: 7 },
      expect: { enabled: true, keyManager: "error", detail: new RegExp(`'${keyName}'.*should be a string, got number`) },
    },
  ];
}
