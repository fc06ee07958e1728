import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRanks } from '@kumamoto/domain';
import { describe, expect, it } from 'vitest';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { loadRankTable } from './rank-table.ts';

/** R-PT-9: thresholds and names are configurable (RANKS_FILE), checked before use. */
const dir = mkdtempSync(join(tmpdir(), 'ranks-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const custom = [
  { id: 'seed', minParticipations: 0, name: { ja: 'たね', en: 'Seed' } },
  { id: 'sprout', minParticipations: 2, name: { ja: 'ふたば', en: 'Sprout' } },
];

describe('loadRankTable', () => {
  it('uses the default ranks when none is configured', () => {
    expect(loadRankTable(null)).toBe(defaultRanks);
  });

  it('reads a configured table', () => {
    expect(loadRankTable(file('ok.json', JSON.stringify(custom)))).toEqual(custom);
  });

  it.each([
    ['not JSON', '{', /cannot read it as JSON/],
    ['no rank from 0', JSON.stringify([{ ...custom[1] }]), /first rank must start at 0/],
    [
      'falling thresholds',
      JSON.stringify([custom[0], custom[1], { ...custom[1], id: 'x', minParticipations: 1 }]),
      /rise strictly/,
    ],
    [
      'a name missing',
      JSON.stringify([{ id: 'seed', minParticipations: 0, name: { ja: 'たね' } }]),
      /name\.en/,
    ],
  ])('refuses %s, naming the problem', (name, content, message) => {
    expect(() => loadRankTable(file(`${name}.json`, content))).toThrow(message);
  });

  it('refuses a file that is not there', () => {
    expect(() => loadRankTable(join(dir, 'missing.json'))).toThrow(/RANKS_FILE/);
  });

  it('the points screen ranks by the configured table', async () => {
    const test = await createTestApp({ env: { RANKS_FILE: file('app.json', JSON.stringify(custom)) } });
    try {
      const userId = (await createUser(test.database.db, { identity: 'verified' })).id;
      const response = await test.app.inject({
        method: 'GET',
        url: '/api/me/points',
        headers: (await callerFor(test, userId)).headers,
      });
      expect(response.json<{ rank: unknown }>().rank).toEqual({
        id: 'seed',
        name: { ja: 'たね', en: 'Seed' },
        participations: 0,
        next: { id: 'sprout', name: { ja: 'ふたば', en: 'Sprout' }, minParticipations: 2 },
      });
    } finally {
      await test.close();
    }
  });
});
