// --events-out: appends every stored row as one JSON line (bigint values as strings).
import { appendFileSync } from 'node:fs';
import { toJson } from '../http/http-io.js';
import type { ReceivedEvent } from '../types.js';

export function createEventsOutSink(path: string): (events: ReceivedEvent[]) => void {
  return (events) => {
    if (events.length === 0) return;
    appendFileSync(path, events.map((e) => `${toJson(e)}\n`).join(''));
  };
}
