import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadScreenTexts } from '../i18n/index.ts';

/**
 * A screen loaded when first opened, together with the texts of the screens beyond Home
 * (kept out of the entry bundle), so it never shows before its words are there.
 */
export function lazyScreen(load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const [component] = await Promise.all([load(), loadScreenTexts()]);
    return { default: component };
  });
}
