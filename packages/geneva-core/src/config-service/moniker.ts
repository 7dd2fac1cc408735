/** One entry of the config service's `StorageAccountKeys`. */
export interface StorageAccountKey {
  AccountMonikerName: string;
  AccountGroupName?: string;
  IsPrimaryMoniker?: boolean;
}

/** The moniker uploads go to. */
export interface MonikerInfo {
  name: string;
  accountGroup: string;
}

/**
 * Picks the upload moniker.
 * 1. The 0.4.0 rule: the first entry that is primary and whose name contains `diag`.
 * 2. Ours, beyond 0.4.0 (which fails here): when no primary name contains `diag` but exactly one
 *    primary moniker exists, that one is used.
 * Otherwise undefined (the caller reports the names it saw).
 */
export function selectMoniker(keys: readonly StorageAccountKey[]): MonikerInfo | undefined {
  const primaries = keys.filter(
    (k) => k.IsPrimaryMoniker === true && typeof k.AccountMonikerName === 'string',
  );
  const chosen =
    primaries.find((k) => k.AccountMonikerName.includes('diag')) ??
    (primaries.length === 1 ? primaries[0] : undefined);
  return chosen
    ? { name: chosen.AccountMonikerName, accountGroup: chosen.AccountGroupName ?? '' }
    : undefined;
}
