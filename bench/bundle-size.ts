import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  kind: 'entry' | 'modulepreload' | 'stylesheet';
  bytes: number;
  gzipBytes: number;
}

/**
 * What the home screen loads before it can run: the module script in dist/index.html, its
 * modulepreload links (the JS), and its stylesheets (listed apart). Each gzipped with zlib.
 */
export function initialAssets(distDir: string): AssetSize[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const assets: AssetSize[] = [];
  for (const tag of tags) {
    const kind = assetKind(tag);
    const url = attribute(tag, kind === 'entry' ? 'src' : 'href');
    if (!kind || !url || /^(https?:)?\/\//.test(url)) continue;
    const path = join(distDir, url.replace(/^\//, '').split(/[?#]/)[0] ?? '');
    if (!existsSync(path)) continue;
    const content = readFileSync(path);
    assets.push({ file: url, kind, bytes: content.length, gzipBytes: gzipSync(content).length });
  }
  return assets;
}

function assetKind(tag: string): AssetSize['kind'] | null {
  if (tag.startsWith('<script'))
    return attribute(tag, 'type') === 'module' && attribute(tag, 'src') ? 'entry' : null;
  const rel = attribute(tag, 'rel');
  if (rel === 'modulepreload') return 'modulepreload';
  if (rel === 'stylesheet') return 'stylesheet';
  return null;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
}
