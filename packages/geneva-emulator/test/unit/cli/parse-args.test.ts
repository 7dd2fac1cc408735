import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../../src/cli/parse-args.js';

describe('parseCliArgs', () => {
  it('maps every flag', () => {
    expect(
      parseCliArgs([
        '--port',
        '0',
        '--host',
        '::1',
        '--tls',
        '--require-client-cert',
        '--state-dir',
        'd',
        '--events-out',
        'e.jsonl',
        '--print',
        '--token-lifetime',
        '30',
        '--max-body-bytes',
        '1024',
      ]),
    ).toEqual({
      port: 0,
      host: '::1',
      tls: true,
      requireClientCert: true,
      stateDir: 'd',
      eventsOut: 'e.jsonl',
      print: true,
      tokenLifetimeSeconds: 30,
      maxBodyBytes: 1024,
    });
    expect(parseCliArgs([])).toEqual({});
    expect(parseCliArgs(['-h'])).toBe('help');
  });

  it.each([
    [['--port', '70000'], /at most 65535/],
    [['--port', '-1'], /non-negative integer|argument/],
    [['--token-lifetime', '1.5'], /--token-lifetime/],
    [['--require-client-cert'], /needs --tls/],
    [['--bogus'], /bogus/],
    [['positional'], /positional/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
