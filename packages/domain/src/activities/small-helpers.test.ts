import { describe, expect, it } from 'vitest';
import { activityInputSchema } from './input-schema.ts';
import { fromJstLocalInput, toJstLocalInput } from './jst-local-time.ts';
import { characterCount, hasForbiddenCharacters } from './plain-text.ts';
import { isShareToken, shareTokenBytes, shareTokenFromBytes } from './share-token.ts';

describe('share tokens for unlisted links', () => {
  it('encode 16 random bytes as 22 base64url characters', () => {
    const zeros = shareTokenFromBytes(new Uint8Array(shareTokenBytes));
    expect(zeros).toBe('AAAAAAAAAAAAAAAAAAAAAA');
    const ones = shareTokenFromBytes(new Uint8Array(shareTokenBytes).fill(255));
    expect(ones).toBe('_____________________w');
    const mixed = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    expect(shareTokenFromBytes(mixed)).toBe(Buffer.from(mixed).toString('base64url'));
    expect(isShareToken(shareTokenFromBytes(mixed))).toBe(true);
  });

  it('refuses too few bytes and malformed tokens', () => {
    expect(() => shareTokenFromBytes(new Uint8Array(8))).toThrow(RangeError);
    expect(isShareToken('short')).toBe(false);
    expect(isShareToken('AAAAAAAAAAAAAAAAAAAAA/')).toBe(false);
    expect(isShareToken("AAAAAAAAAAAAAAAAAAAAA'")).toBe(false);
  });
});

describe('JST wall-clock input', () => {
  it('reads the form’s time as Japan time, whatever the phone’s zone', () => {
    expect(fromJstLocalInput('2026-02-18T10:00')).toEqual(new Date('2026-02-18T01:00:00Z'));
    expect(toJstLocalInput(new Date('2026-02-18T01:00:00Z'))).toBe('2026-02-18T10:00');
    expect(toJstLocalInput(new Date('2026-02-17T15:30:00Z'))).toBe('2026-02-18T00:30');
  });

  it.each(['2026-02-30T10:00', '2026-02-18T24:00', '2026-02-18T10:60', '2026-02-18 10:00', ''])(
    'refuses %j',
    (value) => {
      expect(fromJstLocalInput(value)).toBeNull();
    },
  );
});

describe('plain text rules', () => {
  it('counts an emoji or a rare kanji as one character', () => {
    expect(characterCount('𠮷野家👍')).toBe(4);
  });

  it('refuses controls, allows line breaks only in multi-line text', () => {
    expect(hasForbiddenCharacters('普通の文', false)).toBe(false);
    expect(hasForbiddenCharacters('改行\nあり', false)).toBe(true);
    expect(hasForbiddenCharacters('改行\nあり', true)).toBe(false);
    expect(hasForbiddenCharacters('C1\u0085', true)).toBe(true);
    expect(hasForbiddenCharacters('\uDC00lone', true)).toBe(true);
    expect(hasForbiddenCharacters('pair 😀', false)).toBe(false);
  });
});

describe('activityInputSchema', () => {
  it('turns JSON into the domain input, empty items defaulted', () => {
    const parsed = activityInputSchema.parse({ title: '清掃', startsAt: '2026-02-18T10:00:00+09:00' });
    expect(parsed.startsAt).toEqual(new Date('2026-02-18T01:00:00Z'));
    expect(parsed).toMatchObject({
      title: '清掃',
      content: '',
      endsAt: null,
      visibility: 'draft',
      eligibility: [],
    });
  });

  it('refuses the wrong shape, leaving the rules to validateActivityInput', () => {
    expect(activityInputSchema.safeParse({ startsAt: '2026-02-18 10:00' }).success).toBe(false);
    expect(activityInputSchema.safeParse({ category: 'shopping' }).success).toBe(false);
    expect(activityInputSchema.safeParse({ eligibility: ['everything'] }).success).toBe(false);
    expect(activityInputSchema.safeParse({ capacity: 2.5 }).success).toBe(true);
  });
});
