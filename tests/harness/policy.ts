import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const POLICY_DIR = '/etc/chromium/policies/managed';

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
  return new Promise((resolve) => {
    const child = spawn(
      'unshare',
      ['--mount', '--propagation', 'private', '--', 'sh', '-c', 'mount --bind "$0" /etc/chromium && shift 0 && exec "$@"', copy, ...command],
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
