import { locales, type Locale, type LocalizedText } from '../shared/kernel/i18n';
import { en } from './messages/en';
import { nb, type MessageKey } from './messages/nb';
import { nn } from './messages/nn';

/** The product's languages: bokmål (default), nynorsk and English; the same as the domain's locales. */
export const languages = locales;

/** A language code. */
export type Language = Locale;

/** The name of each language in that language, for the switcher. */
export const languageNames: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

const catalogues: Record<Language, Record<MessageKey, string>> = { nb, nn, en };

/** Narrows any string to a language, or undefined. */
export function asLanguage(value: string | undefined | null): Language | undefined {
  return languages.find((language) => language === value);
}

/**
 * Chooses the language: an explicit choice (query or cookie) wins over the browser's wish,
 * and bokmål is the default because the scheme's documents are in bokmål.
 */
export function chooseLanguage(choice: { query?: string; cookie?: string; acceptLanguage?: string }): Language {
  const explicit = asLanguage(choice.query) ?? asLanguage(choice.cookie);
  if (explicit) return explicit;
  for (const part of (choice.acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('nn')) return 'nn';
    if (tag.startsWith('nb') || tag === 'no' || tag.startsWith('no-')) return 'nb';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nb';
}

/** A translator bound to one language; `{name}` placeholders are filled from `values`. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; unknown names stay visible so a missing value is noticed. */
function fill(template: string, values?: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (values && name in values ? String(values[name]) : match));
}

/** Returns the translator for a language. */
export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, values) => fill(catalogue[key], values);
}

/** A translator over texts kept with all three languages side by side (see `messages/application-form.ts`). */
export function textTranslator<K extends string>(texts: Record<K, LocalizedText>, language: Language) {
  return (key: K, values?: Record<string, string | number>) => fill(texts[key][language], values);
}

export type { MessageKey };
