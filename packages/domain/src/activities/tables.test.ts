import { describe, expect, it } from 'vitest';
import { locales } from '../locale.ts';
import type { ActivityInput } from './activity.ts';
import {
  activityCategories,
  activityCategoryIds,
  findActivityCategory,
  isActivityCategoryId,
} from './categories.ts';
import { eligibilityCriteria, eligibilityCriterionIds, missingEligibilityCriteria } from './eligibility.ts';
import {
  activityFieldErrorCodes,
  activityFieldErrorMessage,
  localizeActivityFieldErrors,
} from './field-errors.ts';
import { activityFields, findActivityField, type ActivityFieldName } from './fields.ts';
import { insuranceArrangements, insuranceOptions } from './insurance.ts';
import { activityTextLimits } from './limits.ts';
import { hasForbiddenCharacters } from './plain-text.ts';
import { festivalInput } from './test-fixtures.ts';

const filled = (text: { ja: string; en: string }) => locales.every((locale) => text[locale].trim() !== '');

describe('activity categories', () => {
  it('has one entry per id, in the same order, each named in both languages', () => {
    expect(activityCategories.map((c) => c.id)).toEqual([...activityCategoryIds]);
    for (const category of activityCategories) {
      expect(filled(category.label) && filled(category.examples)).toBe(true);
    }
  });

  it('starts with the guide’s three examples of point-earning activities (section 10)', () => {
    expect(findActivityCategory('environment').label.ja).toContain('環境美化');
    expect(findActivityCategory('event').label.ja).toBe('イベントの運営');
    expect(findActivityCategory('disaster_prevention').label.ja).toBe('防災');
  });

  it('recognises only its own ids', () => {
    expect(isActivityCategoryId('welfare')).toBe(true);
    expect(isActivityCategoryId('shopping')).toBe(false);
    expect(isActivityCategoryId(3)).toBe(false);
  });
});

describe('the five eligibility criteria (R-ACT-1)', () => {
  it('quote the guide word for word', () => {
    expect(eligibilityCriteria.map((c) => c.text.ja)).toEqual([
      '営利を目的としない公益的な活動であること。',
      '活動者に報酬を与えない活動であること。',
      '政治宗教活動でないこと。',
      '公序良俗に反する活動でないこと。',
      '地域活動等の実施場所は原則として熊本市内であること。',
    ]);
    expect(eligibilityCriteria.every((c) => filled(c.text))).toBe(true);
  });

  it('names the ones not yet ticked, in order', () => {
    expect(missingEligibilityCriteria([])).toEqual([...eligibilityCriterionIds]);
    expect(
      missingEligibilityCriteria(['unpaid', 'held_in_kumamoto_city', 'not_political_or_religious']),
    ).toEqual(['non_profit_public_interest', 'not_against_public_order']);
    expect(missingEligibilityCriteria([...eligibilityCriterionIds])).toEqual([]);
  });
});

describe('insurance options (R-ACT-7)', () => {
  it('covers every arrangement, for organizers and for residents', () => {
    expect(insuranceOptions.map((o) => o.id)).toEqual([...insuranceArrangements]);
    expect(insuranceOptions.every((o) => filled(o.label) && filled(o.forParticipants))).toBe(true);
  });
});

describe('the organizer form’s fields', () => {
  const inputFields = Object.keys(festivalInput()) as (keyof ActivityInput)[];

  it('defines every input item once, plus the thumbnail', () => {
    const names = activityFields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...inputFields, 'thumbnail'].sort());
  });

  it('labels every field and gives the guide’s advice in both languages', () => {
    for (const field of activityFields) {
      expect(filled(field.label) && filled(field.help), field.name).toBe(true);
      if (field.example) expect(filled(field.example), field.name).toBe(true);
    }
    expect(findActivityField('parking').help.ja).toContain('駐輪場や駐車場の有無は必ず明記');
    expect(findActivityField('contact').help.ja).toContain('問い合わせ先は必ず明記');
  });

  it('states the same length limits as the validation', () => {
    for (const [name, limit] of Object.entries(activityTextLimits)) {
      expect(findActivityField(name as ActivityFieldName).maxLength, name).toBe(limit);
    }
  });

  it('gives examples that would themselves pass', () => {
    for (const field of activityFields) {
      const limit = field.maxLength;
      if (!field.example || limit === undefined) continue;
      for (const locale of locales) {
        expect([...field.example[locale]].length, field.name).toBeLessThanOrEqual(limit);
        expect(hasForbiddenCharacters(field.example[locale], field.control === 'textarea'), field.name).toBe(
          false,
        );
      }
    }
  });
});

describe('field error messages', () => {
  it('exist for every code in both languages', () => {
    for (const code of activityFieldErrorCodes) {
      for (const locale of locales) {
        expect(activityFieldErrorMessage({ field: 'title', code, limit: 7 }, locale).trim()).not.toBe('');
      }
    }
  });

  it('name the limit', () => {
    expect(activityFieldErrorMessage({ field: 'title', code: 'too_long', limit: 80 }, 'ja')).toBe(
      '80文字以内で入力してください。',
    );
    expect(
      localizeActivityFieldErrors(
        [{ field: 'capacity', code: 'capacity_below_applicants', limit: 12 }],
        'en',
      ),
    ).toEqual([
      { path: 'capacity', message: '12 people have already applied. Please set a capacity of at least 12.' },
    ]);
  });
});
