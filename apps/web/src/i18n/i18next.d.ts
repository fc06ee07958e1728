import type { errorMessages } from '@kumamoto/domain';
import 'i18next';
import type ja from './locales/ja.json';

// Typed keys: a t('…') call with a key missing from ja.json fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof ja;
      errors: (typeof errorMessages)['ja'];
    };
  }
}
