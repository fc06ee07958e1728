import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Reads a QR code from an image with an independent decoder (ZBar's `zbarimg`, Debian package
 * zbar-tools), so a test proves what a phone camera would read, not what our own code drew.
 */
export async function decodeQr(png: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kumamoto-qr-'));
  try {
    const file = join(dir, 'code.png');
    await writeFile(file, png);
    const { stdout } = await promisify(execFile)('zbarimg', ['--raw', '--quiet', file]);
    return stdout.trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
