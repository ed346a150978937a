/** ISO weekdays 1 (Monday) … 7 (Sunday) and their labels' keys. */
import type { MessageKey } from '../../../i18n/it';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const weekdayKey = (d: number) => `rwo.weekday.${d}` as MessageKey;
export const weekdayShortKey = (d: number) => `rwo.weekdayShort.${d}` as MessageKey;
