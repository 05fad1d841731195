import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { extensionId, generatePrivateKeyPem, packCrx3, publicKeyDer, readPrivateKey } from '../../scripts/crx3';
import { selfHostedZip } from '../../scripts/package';
import { CHROME_BUILD } from './chromium';

function addDirectory(zip: JSZip, dir: string, prefix = ''): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) addDirectory(zip, file, `${prefix}${entry.name}/`);
    else zip.file(`${prefix}${entry.name}`, readFileSync(file));
  }
}

/**
 * The built extension signed as a CRX3 with a fresh key, its manifest carrying `updateUrl`, as
 * `npm run package` makes it: what an organisation serves for force-install.
 */
export async function packBuiltExtension(updateUrl: string, dir = CHROME_BUILD): Promise<{ id: string; crx: Buffer; version: string }> {
  const key = readPrivateKey(generatePrivateKeyPem());
  const zip = new JSZip();
  addDirectory(zip, dir);
  const storeZip = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const { version } = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { version: string };
  return { id: extensionId(publicKeyDer(key)), crx: packCrx3(await selfHostedZip(storeZip, updateUrl), key), version };
}
