import { describe, expect, it } from 'vitest';
import { selectMoniker } from '../../../src/config-service/moniker.js';

describe('selectMoniker', () => {
  it('takes the first primary moniker whose name contains "diag" (0.4.0 rule)', () => {
    const keys = [
      { AccountMonikerName: 'acctdiag0', AccountGroupName: 'g0', IsPrimaryMoniker: false },
      { AccountMonikerName: 'acctsecurity', AccountGroupName: 'g1', IsPrimaryMoniker: true },
      { AccountMonikerName: 'acctdiag1', AccountGroupName: 'g2', IsPrimaryMoniker: true },
      { AccountMonikerName: 'acctdiag2', AccountGroupName: 'g3', IsPrimaryMoniker: true },
    ];
    expect(selectMoniker(keys)).toEqual({ name: 'acctdiag1', accountGroup: 'g2' });
  });

  it('uses a single primary moniker when no primary name contains "diag" (beyond 0.4.0)', () => {
    const keys = [
      { AccountMonikerName: 'acctaudit', AccountGroupName: 'g', IsPrimaryMoniker: true },
      { AccountMonikerName: 'acctdiag', AccountGroupName: 'g', IsPrimaryMoniker: false },
    ];
    expect(selectMoniker(keys)).toEqual({ name: 'acctaudit', accountGroup: 'g' });
  });

  it('gives up when several primaries exist and none contains "diag", or none is primary', () => {
    const two = [
      { AccountMonikerName: 'a', IsPrimaryMoniker: true },
      { AccountMonikerName: 'b', IsPrimaryMoniker: true },
    ];
    expect(selectMoniker(two)).toBeUndefined();
    expect(selectMoniker([{ AccountMonikerName: 'xdiag', IsPrimaryMoniker: false }])).toBeUndefined();
    expect(selectMoniker([])).toBeUndefined();
  });
});
