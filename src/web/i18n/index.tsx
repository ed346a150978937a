/** The language of the app: Italian first, English on request (kept in localStorage), and Italian dates. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { it, type MessageKey } from './it.js';
import { en } from './en.js';

export type Lang = 'it' | 'en';
export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'agilepa.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { it, en };

export const ROLES = [
  'platform_admin',
  'provider_staff',
  'body_admin',
  'hr_manager',
  'office_manager',
  'employee',
  'region_officer',
  'desk_operator',
  'council_secretary',
  'council_member',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = [
  'region',
  'province',
  'metropolitan_city',
  'municipality',
  'union_of_municipalities',
  'mountain_community',
  'ministry',
  'other_public_body',
  'provider',
  'association',
] as const;
/** Kinds an operator may create (the others come from the official ISTAT list). */
export const CREATABLE_KINDS = ['union_of_municipalities', 'mountain_community', 'ministry', 'other_public_body', 'provider', 'association'] as const;

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const s = dictionaries[lang][key] ?? it[key] ?? key;
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: T;
  /** A label for a role or an organization kind, falling back to the raw code. */
  roleLabel(role: string): string;
  kindLabel(kind: string): string;
  formatDateTime(iso: string | null | undefined): string;
  formatDate(iso: string | null | undefined): string;
  formatNumber(n: number): string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'it' ? 'it-IT' : 'en-GB';
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Rome' });
    const number = new Intl.NumberFormat(locale);
    const t: T = (key, vars) => translate(lang, key, vars);
    const has = (k: string): k is MessageKey => k in it;
    return {
      lang,
      setLang,
      t,
      roleLabel: (r) => (has(`role.${r}`) ? t(`role.${r}` as MessageKey) : r),
      kindLabel: (k) => (has(`kind.${k}`) ? t(`kind.${k}` as MessageKey) : k),
      formatDateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : ''),
      formatDate: (iso) => (iso ? date.format(new Date(iso)) : ''),
      formatNumber: (n) => number.format(n),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
