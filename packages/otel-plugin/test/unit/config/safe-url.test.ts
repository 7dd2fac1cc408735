import { describe, expect, it } from 'vitest';
import { displayUrl } from '../../../src/config/safe-url.js';

describe('displayUrl', () => {
  it('keeps scheme, host, port and path; drops userinfo, query and fragment', () => {
    expect(displayUrl('https://gcs.example.net')).toBe('https://gcs.example.net');
    expect(displayUrl('http://u:pw@127.0.0.1:8443/api/?sig=TOKEN#x')).toBe('http://127.0.0.1:8443/api/');
    expect(displayUrl('https://gcs.example.net/?sig=TOKEN')).toBe('https://gcs.example.net');
  });

  it('strips the same parts from text that is not a URL', () => {
    expect(displayUrl('gcs.example.net/x?sig=TOKEN')).toBe('gcs.example.net/x');
    expect(displayUrl('u:pw@gcs.example.net')).toBe('gcs.example.net');
    expect(displayUrl('ftp://u:pw@[bad')).toBe('ftp://[bad');
  });
});
