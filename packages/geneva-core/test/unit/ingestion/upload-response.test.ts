import { describe, expect, it } from 'vitest';
import { parseTicket } from '../../../src/ingestion/upload-response.js';

describe('parseTicket', () => {
  it('reads the ticket and tolerates anything else', () => {
    expect(parseTicket('{"ticket":"abc","extra":1}')).toBe('abc');
    for (const body of ['', '{}', '{"ticket":""}', '{"ticket":5}', 'null', 'not json'])
      expect(parseTicket(body)).toBeUndefined();
  });
});
