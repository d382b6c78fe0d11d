import { base64Bytes, sha256Hex } from '../report-file';

const binary = (bytes: Uint8Array) => String.fromCharCode(...bytes);

describe('the report file in the browser', () => {
  it('turns the gateway’s base64 back into the same bytes', () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0xe4, 0xb8, 0xaa, 0x0a]);
    expect(Array.from(base64Bytes(btoa(binary(bytes))))).toEqual(Array.from(bytes));
  });

  it('hashes a file as SHA-256 in hexadecimal, and differently once one byte changes', async () => {
    // FIPS 180-2's example: SHA-256("abc").
    const bytes = base64Bytes(btoa('abc'));
    await expect(sha256Hex(bytes)).resolves.toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    bytes[1] ^= 1;
    await expect(sha256Hex(bytes)).resolves.not.toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
