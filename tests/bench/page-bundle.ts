import { build } from 'esbuild';
import { ROOT } from '../harness/chromium';

/**
 * Bundle `entry` (TypeScript importing the project's modules, resolved from the project root) into
 * one script a benchmark page can run: the same modules the extension ships, measured in Chromium.
 */
export async function pageBundle(entry: string): Promise<string> {
  const result = await build({
    stdin: { resolveDir: ROOT, loader: 'ts', contents: entry },
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    alias: { '@': ROOT },
    define: { 'import.meta.env': '{}' },
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}
