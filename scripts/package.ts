/**
 * `npm run package`: everything an organisation needs to install Daylight, in .output/package/:
 * the Chrome/Edge zip (stores, Load unpacked), the Firefox zip and its sources zip, a signed CRX3
 * and update.xml for self-hosting, the extension id, and the policy templates filled in for it.
 *
 * Environment:
 *   DAYLIGHT_CRX_KEY       path to the RSA private key (PKCS#8 or PKCS#1 PEM) the CRX is signed with
 *   DAYLIGHT_CRX_KEY_PEM   the key itself (for CI secrets), when no path is given
 *   DAYLIGHT_PUBLIC_URL    where the CRX and update.xml will be served (default: a placeholder)
 *   DAYLIGHT_UPDATE_URL    the update manifest's URL (default: DAYLIGHT_PUBLIC_URL/update.xml)
 * Without a key a development key is generated once in .daylight-keys/ (ignored by git) and reused,
 * so the development id stays stable; a release must always be signed with the organisation's key.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { KeyObject } from 'node:crypto';
import { extensionId, generatePrivateKeyPem, packCrx3, publicKeyDer, readPrivateKey, updateManifest } from './crx3';
import { PLACEHOLDERS, ROOT, writeTemplates } from './policy-templates';

const OUTPUT = path.join(ROOT, '.output');
const PACKAGE_DIR = path.join(OUTPUT, 'package');
export const DEV_KEY = path.join(ROOT, '.daylight-keys/daylight-dev.pem');

/** The signing key from the environment, or the development key (generated on first use). */
export function signingKey(env: NodeJS.ProcessEnv = process.env): { key: KeyObject; source: string } {
  if (env.DAYLIGHT_CRX_KEY) {
    const file = path.resolve(env.DAYLIGHT_CRX_KEY);
    if (!existsSync(file)) throw new Error(`DAYLIGHT_CRX_KEY names ${file}, which does not exist`);
    return { key: readPrivateKey(readFileSync(file, 'utf8')), source: file };
  }
  if (env.DAYLIGHT_CRX_KEY_PEM) return { key: readPrivateKey(env.DAYLIGHT_CRX_KEY_PEM), source: 'DAYLIGHT_CRX_KEY_PEM' };
  if (!existsSync(DEV_KEY)) {
    mkdirSync(path.dirname(DEV_KEY), { recursive: true });
    writeFileSync(DEV_KEY, generatePrivateKeyPem(), { mode: 0o600 });
    chmodSync(DEV_KEY, 0o600);
  }
  return { key: readPrivateKey(readFileSync(DEV_KEY, 'utf8')), source: `${DEV_KEY} (development key)` };
}

/** The Chrome build's zip with `update_url` in its manifest, as the self-hosted CRX carries it. */
export async function selfHostedZip(storeZip: Buffer, updateUrl: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(storeZip);
  const manifestFile = zip.file('manifest.json');
  if (!manifestFile) throw new Error('The Chrome zip has no manifest.json');
  const manifest = JSON.parse(await manifestFile.async('string')) as Record<string, unknown>;
  zip.file('manifest.json', JSON.stringify({ ...manifest, update_url: updateUrl }, null, 2));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

function wxt(args: string[]): void {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/wxt'), args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`wxt ${args.join(' ')} failed`);
}

async function main(): Promise<void> {
  const { version, name } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; name: string };
  const { key, source } = signingKey();
  const id = extensionId(publicKeyDer(key));
  const publicUrl = (process.env.DAYLIGHT_PUBLIC_URL ?? path.dirname(PLACEHOLDERS.updateUrl)).replace(/\/$/, '');
  const updateUrl = process.env.DAYLIGHT_UPDATE_URL ?? `${publicUrl}/update.xml`;

  wxt(['zip']);
  wxt(['zip', '-b', 'firefox', '--mv3']);

  rmSync(PACKAGE_DIR, { recursive: true, force: true });
  mkdirSync(PACKAGE_DIR, { recursive: true });
  const zips = ['chrome', 'firefox', 'sources'].map((suffix) => `${name}-${version}-${suffix}.zip`);
  for (const zip of zips) copyFileSync(path.join(OUTPUT, zip), path.join(PACKAGE_DIR, zip));

  const crxName = `${name}-${version}.crx`;
  const crxZip = await selfHostedZip(readFileSync(path.join(OUTPUT, zips[0]!)), updateUrl);
  writeFileSync(path.join(PACKAGE_DIR, crxName), packCrx3(crxZip, key));
  writeFileSync(path.join(PACKAGE_DIR, 'update.xml'), updateManifest(id, version, `${publicUrl}/${crxName}`));
  writeFileSync(path.join(PACKAGE_DIR, 'extension-id.txt'), `${id}\n`);
  writeTemplates(path.join(PACKAGE_DIR, 'policy-templates'), {
    chromeId: id,
    updateUrl,
    xpiUrl: `${publicUrl}/${name}-${version}-firefox.xpi`,
  });

  console.log(`\nDaylight ${version} packaged in ${path.relative(ROOT, PACKAGE_DIR)}/`);
  console.log(`  extension id ${id}, signed with ${source}`);
  console.log(`  update URL ${updateUrl}; CRX served from ${publicUrl}/${crxName}`);
  if (!process.env.DAYLIGHT_CRX_KEY && !process.env.DAYLIGHT_CRX_KEY_PEM) {
    console.warn('  Development key: set DAYLIGHT_CRX_KEY to your organisation\'s key for a release (docs/admin.md, section 1).');
  }
  if (!process.env.DAYLIGHT_PUBLIC_URL) console.warn(`  DAYLIGHT_PUBLIC_URL not set: update.xml points at the placeholder ${publicUrl}.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
