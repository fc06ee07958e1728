import type { errorMessagesJa } from '@kumamoto/domain/error-messages/ja';
import 'i18next';
import type ja from './locales/ja.json';
import type jaScreens from './locales/ja.screens.json';

// Typed keys: a t('…') call with a key missing from ja.json and ja.screens.json fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof ja & typeof jaScreens;
      errors: typeof errorMessagesJa;
    };
  }
}
