import type { UnixTime } from '../model/time.js';

let cachedSecond = -1;
let cachedPrefix = '';

/** `YYYY-MM-DDTHH:MM:SS` (UTC) for whole seconds since the epoch; the last second is cached. */
function secondPrefix(s: number): string {
  if (s === cachedSecond) return cachedPrefix;
  const days = Math.floor(s / 86400);
  const sod = s - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const hh = Math.floor(sod / 3600);
  const mm = Math.floor((sod % 3600) / 60);
  const ss = sod % 60;
  cachedSecond = s;
  cachedPrefix = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}`;
  return cachedPrefix;
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/**
 * A row timestamp as chrono's `to_rfc3339()` writes it (0.4.0 rows): `+00:00` offset and 0, 3, 6
 * or 9 fractional digits, the fewest that are exact.
 */
export function formatRowTimestamp(t: UnixTime): string {
  const prefix = secondPrefix(t.s);
  const ns = t.ns;
  if (ns === 0) return `${prefix}+00:00`;
  if (ns % 1_000_000 === 0) return `${prefix}.${pad(ns / 1_000_000, 3)}+00:00`;
  if (ns % 1000 === 0) return `${prefix}.${pad(ns / 1000, 6)}+00:00`;
  return `${prefix}.${pad(ns, 9)}+00:00`;
}

/** A batch start/end time for the upload query: `YYYY-MM-DDTHH:MM:SS.fffffffZ` (100 ns units, truncated). */
export function formatBatchTime(t: UnixTime): string {
  return `${secondPrefix(t.s)}.${pad(Math.floor(t.ns / 100), 7)}Z`;
}
