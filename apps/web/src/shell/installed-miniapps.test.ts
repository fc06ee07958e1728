import { describe, expect, test } from 'vitest';
import {
  installsToUpload,
  localInstallsKey,
  parseStoredInstalls,
  readLocalInstalls,
  withInstalled,
  withoutInstalled,
  writeLocalInstalls,
} from './installed-miniapps.ts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('stored installs', () => {
  test('keeps only known install-code mini-apps, once each', () => {
    expect(parseStoredInstalls('["organizer","organizer","volunteer","nope",3]')).toEqual(['organizer']);
  });

  test('treats missing, broken or odd values as nothing installed', () => {
    expect(parseStoredInstalls(null)).toEqual([]);
    expect(parseStoredInstalls('{not json')).toEqual([]);
    expect(parseStoredInstalls('{"organizer":true}')).toEqual([]);
  });

  test('round-trips through storage and clears the key when empty', () => {
    const storage = memoryStorage();
    writeLocalInstalls(['organizer'], storage);
    expect(readLocalInstalls(storage)).toEqual(['organizer']);
    writeLocalInstalls([], storage);
    expect(storage.getItem(localInstallsKey)).toBeNull();
  });

  test('a storage that throws reads as empty and ignores writes', () => {
    const deny = () => {
      throw new Error('denied');
    };
    const broken = { ...memoryStorage(), getItem: deny, setItem: deny };
    expect(readLocalInstalls(broken)).toEqual([]);
    expect(() => writeLocalInstalls(['organizer'], broken)).not.toThrow();
  });
});

describe('changing the list', () => {
  test('adding is idempotent and removing drops the id', () => {
    expect(withInstalled(withInstalled([], 'organizer'), 'organizer')).toEqual(['organizer']);
    expect(withoutInstalled(['organizer'], 'organizer')).toEqual([]);
  });

  test('sign-in uploads only what the server does not have', () => {
    expect(installsToUpload(['organizer'], [])).toEqual(['organizer']);
    expect(installsToUpload(['organizer'], ['organizer'])).toEqual([]);
  });
});
