import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesField, extensionId, generatePrivateKeyPem, packCrx3, publicKeyDer, readPrivateKey, updateManifest } from '../../scripts/crx3';

/** A protobuf reader for the length-delimited fields CRX3 uses: field number → values. */
function readFields(buffer: Buffer): Map<number, Buffer[]> {
  const fields = new Map<number, Buffer[]>();
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = buffer[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return value;
    }
  };
  while (at < buffer.length) {
    const key = varint();
    expect(key & 7).toBe(2);
    const length = varint();
    fields.set(key >>> 3, [...(fields.get(key >>> 3) ?? []), buffer.subarray(at, at + length)]);
    at += length;
  }
  return fields;
}

describe('CRX3', () => {
  const key = readPrivateKey(generatePrivateKeyPem());
  const zip = Buffer.from('PK\x03\x04 pretend zip bytes', 'binary');

  it('writes protobuf fields with varint keys and lengths, including field 10000', () => {
    expect(bytesField(1, Buffer.from('ab'))).toEqual(Buffer.from([0x0a, 2, 0x61, 0x62]));
    expect(bytesField(10000, Buffer.alloc(0))).toEqual(Buffer.from([0x82, 0xf1, 0x04, 0]));
    expect(bytesField(2, Buffer.alloc(300)).subarray(0, 3)).toEqual(Buffer.from([0x12, 0xac, 0x02]));
  });

  it('is "Cr24", version 3, a header Chromium can verify, then the zip unchanged', () => {
    const crx = packCrx3(zip, key);
    expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
    const headerLength = crx.readUInt32LE(8);
    const header = readFields(crx.subarray(12, 12 + headerLength));
    expect(crx.subarray(12 + headerLength)).toEqual(zip);

    const [proof] = header.get(2)!;
    const proofFields = readFields(proof!);
    const publicKey = proofFields.get(1)?.[0];
    const signature = proofFields.get(2)?.[0];
    expect(publicKey).toEqual(publicKeyDer(key));
    const [signedHeaderData] = header.get(10000)!;
    const crxId = readFields(signedHeaderData!).get(1)![0]!;
    expect(crxId.toString('hex')).toBe([...extensionId(publicKey!)].map((c) => (c.charCodeAt(0) - 97).toString(16)).join(''));

    const length = Buffer.alloc(4);
    length.writeUInt32LE(signedHeaderData!.length);
    const signed = Buffer.concat([Buffer.from('CRX3 SignedData\x00', 'binary'), length, signedHeaderData!, zip]);
    expect(verify('sha256', signed, createPublicKey({ key: publicKey!, format: 'der', type: 'spki' }), signature!)).toBe(true);
    expect(verify('sha256', Buffer.concat([signed, Buffer.from('x')]), createPublicKey({ key: publicKey!, format: 'der', type: 'spki' }), signature!)).toBe(false);
  });

  it('names the extension by its key: 32 letters a–p, the same for the same key', () => {
    const id = extensionId(publicKeyDer(key));
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(extensionId(publicKeyDer(readPrivateKey(key.export({ type: 'pkcs8', format: 'pem' }).toString())))).toBe(id);
    expect(extensionId(publicKeyDer(readPrivateKey(generatePrivateKeyPem())))).not.toBe(id);
  });

  it('refuses a key that is not RSA', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => readPrivateKey(ec)).toThrow(/RSA/);
  });

  it('writes the update manifest Chromium expects, escaping attributes', () => {
    expect(updateManifest('abcdefghijklmnopabcdefghijklmnop', '1.2.3', "https://x.example/d.crx?a=1&b='2'")).toBe(
      "<?xml version='1.0' encoding='UTF-8'?>\n" +
        "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n" +
        "  <app appid='abcdefghijklmnopabcdefghijklmnop'>\n" +
        "    <updatecheck codebase='https://x.example/d.crx?a=1&amp;b=&apos;2&apos;' version='1.2.3' />\n" +
        '  </app>\n' +
        '</gupdate>\n',
    );
  });
});

describe('npm run package', () => {
  it('reads the signing key from a path or from the environment, and names a missing file', async () => {
    const { signingKey } = await import('../../scripts/package');
    const pem = generatePrivateKeyPem();
    const id = extensionId(publicKeyDer(readPrivateKey(pem)));
    expect(extensionId(publicKeyDer(signingKey({ DAYLIGHT_CRX_KEY_PEM: pem }).key))).toBe(id);
    expect(() => signingKey({ DAYLIGHT_CRX_KEY: '/nonexistent/daylight.pem' })).toThrow(/\/nonexistent\/daylight\.pem/);
  });

  it('puts update_url into the self-hosted CRX’s manifest and leaves the other files as they are', async () => {
    const { default: JSZip } = await import('jszip');
    const { selfHostedZip } = await import('../../scripts/package');
    const store = new JSZip();
    store.file('manifest.json', JSON.stringify({ manifest_version: 3, name: 'Daylight', version: '1.0.0' }));
    store.file('background.js', 'console.log(1)');
    const zip = await JSZip.loadAsync(await selfHostedZip(await store.generateAsync({ type: 'nodebuffer' }), 'https://x.example/update.xml'));
    expect(JSON.parse(await zip.file('manifest.json')!.async('string'))).toEqual({
      manifest_version: 3,
      name: 'Daylight',
      version: '1.0.0',
      update_url: 'https://x.example/update.xml',
    });
    expect(await zip.file('background.js')!.async('string')).toBe('console.log(1)');
  });
});
