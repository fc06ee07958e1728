import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const failing = new Set(['serious', 'critical']);

/** Runs axe on the page as it is now; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((violation) => failing.has(violation.impact ?? ''));
  if (bad.length === 0) return;
  const lines = bad.flatMap((violation) => [
    `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
    ...violation.nodes
      .slice(0, 5)
      .map(
        (node) =>
          `    at ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\n/g, '\n        ')}`,
      ),
  ]);
  throw new Error(`accessibility violations on ${screen} (${page.url()}):\n  ${lines.join('\n  ')}`);
}
