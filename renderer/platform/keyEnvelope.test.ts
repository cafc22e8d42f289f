import { describe, expect, it } from 'vitest';
import { keyEnvelopeSchema, unwrapKeys } from './keyEnvelope';

/** Wrapped with node:crypto (pbkdf2Sync SHA-256 over the NFC password, aes-256-gcm): envelopes already in localStorage look like this. */
const ENVELOPE = keyEnvelopeSchema.parse({
  v: 1,
  salt: 'RERERERERERERERERERERA==',
  iterations: 100000,
  iv: 'VVVVVVVVVVVVVVVV',
  wrapped:
    'OzeSaGWVvQGx5LnPhpu3fPORR8jxiwBEoOgEGCnkA9wNhfVhzVDskgti2KcMXNN5bVGw1ophMxP1OFmHdjzdVCzGovIw8ukpXlmcwTua9OjEt1mnsNG5Z0/OVhDH8s4vMKZBr/OjZuUPhaLr1ko97I3bmlQ8qJ7l2xk1ljNfmXMCkVbx/rjxABQ=',
});

describe('the key envelope format, version 1 (byte for byte)', () => {
  it('unwraps an envelope written with the password and database name', async () => {
    const material = await unwrapKeys(ENVELOPE, '密码 Passw0rd!', 'station-srv-u1');
    expect(material).toEqual({ dataKey: new Uint8Array(32).fill(0x11), blindIndexKey: new Uint8Array(32).fill(0x33) });
  });

  it('gives nothing for another password or another database', async () => {
    expect(await unwrapKeys(ENVELOPE, '密码 Passw0rd?', 'station-srv-u1')).toBeNull();
    expect(await unwrapKeys(ENVELOPE, '密码 Passw0rd!', 'station-srv-u2')).toBeNull();
  });
});
