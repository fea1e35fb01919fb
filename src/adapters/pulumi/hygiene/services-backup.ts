import { isUnknown, unknown, type Unknown } from "../../../core/value";
import type { DataStore } from "../../../models/data-store";
import type { Setting, StoreHygiene } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";

export const VAULT = "aws:backup/vault:Vault";
export const AIR_GAPPED_VAULT = "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault";
export const VAULT_LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";

/** "minRetentionDays=7, maxRetentionDays=35" as configured ("not set", "unknown"). */
function retentionBounds(p: Props): string {
  const bound = (field: string) => {
    const v = p.num(field);
    return `${field}=${isUnknown(v) ? "unknown" : v === undefined ? "not set" : String(v)}`;
  };
  return `${bound("minRetentionDays")}, ${bound("maxRetentionDays")}`;
}

/**
 * Without `changeableForDays` the lock is in governance mode: users allowed to delete the lock can
 * still remove it. With it, compliance mode: immutable once the grace days pass.
 */
function lockMode(p: Props): string {
  const days = p.num("changeableForDays");
  if (isUnknown(days)) return "mode unknown (changeableForDays unknown)";
  return days === undefined ? "governance mode (changeableForDays not set)" : `compliance mode (changeableForDays=${days})`;
}

interface LockJoin {
  /** Store ids of the vaults it locks. */
  readonly vaults: readonly string[];
  /** Set when the vault it names is unknown (a name computed from a resource not among the stores). */
  readonly unresolved?: Unknown;
  readonly observed: string;
}

/** A lock configuration joined to its vault: by `backupVaultName`'s dependencies first, then by known name. */
function joinLock(r: EngineResource, vaults: readonly DataStore[]): LockJoin {
  const p = new Props(r);
  const observed = `VaultLockConfiguration '${r.name}': ${retentionBounds(p)}, ${lockMode(p)}`;
  const deps = new Set(p.dependenciesOf("backupVaultName"));
  const byDependency = vaults.filter((v) => deps.has(v.ref.id)).map((v) => v.ref.id);
  if (byDependency.length > 0) return { vaults: byDependency, observed };
  const name = p.str("backupVaultName");
  if (isUnknown(name)) return { vaults: [], unresolved: name, observed };
  return { vaults: vaults.filter((v) => name !== undefined && v.physicalName === name).map((v) => v.ref.id), observed };
}

/**
 * Vault Lock of standard vaults (`aws:backup/vault:Vault` joined to `VaultLockConfiguration`) and of
 * logically air-gapped vaults, which AWS always locks with their own retention bounds.
 */
export function vaultHygiene(resources: readonly EngineResource[], stores: readonly DataStore[]): (readonly [string, StoreHygiene])[] {
  const vaults = stores.filter((s) => s.kind === "backup-vault");
  const locks = resources.filter((r) => r.type === VAULT_LOCK).map((r) => joinLock(r, vaults));
  const unresolved = locks.find((l) => l.unresolved !== undefined);
  const lockOf = (id: string): Setting<boolean> => {
    const lock = locks.find((l) => l.vaults.includes(id));
    if (lock) return { value: true, observed: lock.observed };
    if (unresolved) {
      return { value: unknown("preview", `the vault a VaultLockConfiguration locks is computed during the update (${unresolved.unresolved?.detail ?? "backupVaultName unknown"})`), observed: unresolved.observed };
    }
    return { value: false, observed: "no VaultLockConfiguration names the vault" };
  };
  return resources.flatMap((r): (readonly [string, StoreHygiene])[] => {
    if (r.type === AIR_GAPPED_VAULT) {
      return [[r.urn, { vaultLock: { value: true, observed: `logically air-gapped vault, always locked: ${retentionBounds(new Props(r))}` } }]];
    }
    return r.type === VAULT ? [[r.urn, { vaultLock: lockOf(r.urn) }]] : [];
  });
}
