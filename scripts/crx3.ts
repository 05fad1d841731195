/**
 * CRX3 packing with node:crypto and a few lines of protobuf, so packaging needs neither Chromium
 * nor a dependency (npm `crx3` requires Node 22; this project runs on 20). Format: "Cr24", version 3,
 * header length, a `CrxFileHeader` protobuf, then the ZIP (chromium components/crx_file/crx3.proto):
 *
 *   CrxFileHeader { repeated AsymmetricKeyProof sha256_with_rsa = 2; bytes signed_header_data = 10000; }
 *   AsymmetricKeyProof { bytes public_key = 1; bytes signature = 2; }
 *   SignedData { bytes crx_id = 1; }
 *
 * The signature is RSA PKCS#1 v1.5 with SHA-256 over "CRX3 SignedData\0", the signed header's
 * length (uint32 little-endian), the signed header, and the ZIP.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** A protobuf varint. */
function varint(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

/** A length-delimited protobuf field (wire type 2): every field CRX3 uses is bytes or a message. */
export function bytesField(field: number, value: Buffer): Buffer {
  return Buffer.concat([varint((field << 3) | 2), varint(value.length), value]);
}

const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'binary');

export function publicKeyDer(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
}

/** The 16-byte CRX id: the first 128 bits of SHA-256 of the public key (SubjectPublicKeyInfo, DER). */
export function crxIdBytes(publicKey: Buffer): Buffer {
  return createHash('sha256').update(publicKey).digest().subarray(0, 16);
}

/** The extension id Chrome and Edge show: the CRX id in hex, with 0–f mapped to a–p. */
export function extensionId(publicKey: Buffer): string {
  return [...crxIdBytes(publicKey).toString('hex')].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export function readPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`The CRX key must be an RSA key, not ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}

/** A new 2048-bit RSA key as PKCS#8 PEM (what `chromium --pack-extension` also writes). */
export function generatePrivateKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Sign `zip` into a CRX3 file. */
export function packCrx3(zip: Buffer, privateKey: KeyObject): Buffer {
  const publicKey = publicKeyDer(privateKey);
  const signedHeaderData = bytesField(1, crxIdBytes(publicKey));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(signedHeaderData.length);
  const signature = sign('sha256', Buffer.concat([SIGNATURE_CONTEXT, length, signedHeaderData, zip]), privateKey);
  const header = Buffer.concat([
    bytesField(2, Buffer.concat([bytesField(1, publicKey), bytesField(2, signature)])),
    bytesField(10000, signedHeaderData),
  ]);
  const prefix = Buffer.alloc(12);
  prefix.write('Cr24', 0, 'latin1');
  prefix.writeUInt32LE(3, 4);
  prefix.writeUInt32LE(header.length, 8);
  return Buffer.concat([prefix, header, zip]);
}

const xmlAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');

/** The update manifest Chrome and Edge poll (https://developer.chrome.com/docs/apps/autoupdate). */
export function updateManifest(id: string, version: string, codebase: string): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${xmlAttribute(id)}'>`,
    `    <updatecheck codebase='${xmlAttribute(codebase)}' version='${xmlAttribute(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}
