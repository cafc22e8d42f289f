import type { SafeStorageLike } from '../sealedFile';

/**
 * A reversible stand-in for safeStorage: XOR with a key plus a marker, enough to prove that
 * what lands on disk is not the plaintext and that a different key cannot read it.
 */
export class FakeSafeStorage implements SafeStorageLike {
  constructor(
    private available = true,
    private readonly backend?: string,
    private readonly key = 0x5a,
  ) {}
  setAvailable(available: boolean): void {
    this.available = available;
  }
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend(): string {
    return this.backend ?? 'gnome_libsecret';
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    const bytes = Buffer.from(plainText, 'utf8').map((b) => b ^ this.key);
    return Buffer.concat([Buffer.from('v10'), Buffer.from([this.key]), bytes]);
  }
  decryptString(encrypted: Buffer): string {
    if (!this.available) throw new Error('Encryption is not available.');
    if (encrypted.subarray(0, 3).toString() !== 'v10' || encrypted[3] !== this.key)
      throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(encrypted.subarray(4).map((b) => b ^ this.key)).toString('utf8');
  }
}
