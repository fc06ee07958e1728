import { describe, expect, it } from 'vitest';
import {
  auditActionLabel,
  auditActionLabels,
  auditSubjectTypeLabel,
  auditSubjectTypeLabels,
  isAuditAction,
} from './audit-actions.ts';
import { locales } from './locale.ts';
import type { Localized } from './locale.ts';

const tables: [string, Record<string, Localized>][] = [
  ['actions', auditActionLabels],
  ['subject types', auditSubjectTypeLabels],
];

/** Hiragana, katakana or kanji: a Japanese label is Japanese, not an English copy. */
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe.each(tables)('audit log %s in words a clerk reads (R-PRIV-1)', (_name, table) => {
  const entries = Object.entries(table);

  it('has a non-empty Japanese and English label for every code, neither being the code', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const [code, label] of entries) {
      for (const locale of locales) {
        expect(label[locale].trim(), `${code} ${locale}`).not.toBe('');
        expect(label[locale], `${code} ${locale}`).not.toBe(code);
        expect(label[locale], `${code} ${locale}`).toBe(label[locale].trim());
      }
      expect(label.ja, code).toMatch(japanese);
      expect(label.en, code).not.toMatch(japanese);
    }
  });

  it('gives no two codes the same label in a language, so a clerk can tell them apart', () => {
    for (const locale of locales) {
      const seen = new Map<string, string>();
      for (const [code, label] of entries) {
        expect(
          seen.get(label[locale]),
          `${code} and ${seen.get(label[locale])} share "${label[locale]}"`,
        ).toBe(undefined);
        seen.set(label[locale], code);
      }
    }
  });
});

describe('audit labels lookup', () => {
  it('shows a recorded action in the viewer’s language', () => {
    expect(auditActionLabel('organizer.application.viewed', 'ja')).toBe('団体申請を閲覧');
    expect(auditActionLabel('organizer.application.viewed', 'en')).toBe('Viewed a group application');
    expect(auditSubjectTypeLabel('organizer_group', 'ja')).toBe('団体');
    expect(auditSubjectTypeLabel('organizer_group', 'en')).toBe('Group');
  });

  it('keeps an old or unknown code readable as itself', () => {
    expect(auditActionLabel('organizer.retired_action', 'ja')).toBe('organizer.retired_action');
    expect(auditSubjectTypeLabel('retired_subject', 'en')).toBe('retired_subject');
    // Not fooled by the object prototype.
    expect(isAuditAction('toString')).toBe(false);
    expect(auditActionLabel('constructor', 'en')).toBe('constructor');
  });
});
