import { describe, expect, it } from 'vitest';
import { checkEligibility, coHostingGuidance } from './eligibility.ts';

describe('checkEligibility (R-ORG-1, R-ORG-2)', () => {
  it.each([
    [{ category: 'local_government', mainOfficeInCity: false }, { eligible: true }],
    [{ category: 'pta', mainOfficeInCity: true }, { eligible: true }],
    [{ category: 'certified_npo', mainOfficeInCity: true }, { eligible: true }],
    [
      { category: 'pta', mainOfficeInCity: false },
      { eligible: false, reason: 'main_office_outside_city' },
    ],
    [
      { category: 'certified_npo', mainOfficeInCity: false },
      { eligible: false, reason: 'main_office_outside_city' },
    ],
    [
      { category: 'none', mainOfficeInCity: true },
      { eligible: false, reason: 'not_an_eligible_category' },
    ],
  ] as const)('%j → %j', (answer, expected) => {
    expect(checkEligibility(answer)).toEqual(expected);
  });

  it('explains every reason and co-hosting in both languages', () => {
    for (const text of [
      coHostingGuidance.title,
      ...Object.values(coHostingGuidance.reasons),
      ...coHostingGuidance.paragraphs,
    ]) {
      expect(text.ja).toMatch(/\S/);
      expect(text.en).toMatch(/\S/);
    }
    expect(coHostingGuidance.paragraphs[0]?.ja).toContain('共催');
  });
});
