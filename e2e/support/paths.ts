import { fileURLToPath } from 'node:url';

/** The repository root, whatever folder the tests are started from. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Node >= 24 runs the server's `.ts` files directly; vitest under npm scripts already is one. */
export function nodeBinary(): string {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 24
    ? process.execPath
    : fileURLToPath(new URL('node_modules/node/bin/node', `file://${repoRoot}`));
}
