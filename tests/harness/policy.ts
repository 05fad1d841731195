import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const POLICY_DIR = '/etc/chromium/policies/managed';
/** Where Debian's Firefox ESR reads `policies.json` (its installation's distribution folder). */
export const FIREFOX_DISTRIBUTION = '/usr/lib/firefox-esr/distribution';

/** The id Chromium gives an unpacked extension: SHA-256 of its absolute path, hex mapped to a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export interface ChildResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run a command in a private mount namespace where /etc/chromium is a temporary copy holding
 * `policy` as a managed policy file, so Chromium reads it and the real /etc is never touched.
 * Needs root (as CI and the development machines run).
 */
export function runWithChromiumPolicy(policy: object, command: string[], timeoutMs = 120_000): Promise<ChildResult> {
  if (!existsSync('/etc/chromium')) throw new Error('/etc/chromium is missing: install Debian\'s chromium package first.');
  const copy = mkdtempSync(path.join(tmpdir(), 'daylight-etc-chromium-'));
  cpSync('/etc/chromium', copy, { recursive: true });
  mkdirSync(path.join(copy, 'policies/managed'), { recursive: true });
  writeFileSync(path.join(copy, 'policies/managed/daylight-test.json'), JSON.stringify(policy, null, 2));
  return runInMountNamespace(copy, '/etc/chromium', command, timeoutMs);
}

/**
 * Run a command in a private mount namespace where Firefox ESR's distribution folder is a temporary
 * copy holding `policies` as its policies.json, so Firefox reads it at start-up and the real folder
 * is never touched. Needs root (as CI and the development machines run).
 */
export function runWithFirefoxPolicy(policies: object, command: string[], timeoutMs = 120_000): Promise<ChildResult> {
  if (!existsSync(FIREFOX_DISTRIBUTION)) throw new Error(`${FIREFOX_DISTRIBUTION} is missing: install Debian's firefox-esr package first.`);
  // Debian links it to /usr/share/firefox-esr/distribution: the copy is of, and mounted over, the folder itself.
  const folder = realpathSync(FIREFOX_DISTRIBUTION);
  const copy = mkdtempSync(path.join(tmpdir(), 'daylight-firefox-distribution-'));
  cpSync(folder, copy, { recursive: true });
  writeFileSync(path.join(copy, 'policies.json'), JSON.stringify({ policies }, null, 2));
  return runInMountNamespace(copy, folder, command, timeoutMs);
}

/** Run `command` where `over` shows `copy` (a bind mount in a private mount namespace); `copy` is removed after. */
function runInMountNamespace(copy: string, over: string, command: string[], timeoutMs: number): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(
      'unshare',
      ['--mount', '--propagation', 'private', '--', 'sh', '-c', 'mount --bind "$0" "$1" && shift && exec "$@"', copy, over, ...command],
      { stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(copy, { recursive: true, force: true });
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}
