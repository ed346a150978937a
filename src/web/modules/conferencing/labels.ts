/** Labels of booking kinds, statuses and refusal codes in the user's language. */
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/it';
import { ApiError } from '../../api/client';
import type { BookingKind, BookingStatus, CapacityOverflow, Suggestion } from './types';
import { BOOKING_CODES, PLATFORM_CODES } from './codes';

export { BOOKING_CODES, PLATFORM_CODES };


export function useConferencingLabels() {
  const { t } = useI18n();
  return {
    kindLabel: (k: BookingKind | string) => t(`conf.kind.${k}` as MessageKey),
    statusLabel: (s: BookingStatus | string) => t(`conf.status.${s}` as MessageKey),
    /** The title of a refusal: ours for the module's codes (so it follows the language), else the API's. */
    problemTitle: (err: unknown): string | null => {
      if (!(err instanceof ApiError)) return null;
      const code = err.problem?.code;
      if (code && ([...BOOKING_CODES, ...PLATFORM_CODES] as readonly string[]).includes(code)) return t(`conf.error.${code}` as MessageKey);
      return err.problem?.title ?? null;
    },
  };
}

/** The overflowing instants and the suggested ranges of a capacity refusal, if it is one. */
export function capacityRefusal(err: unknown): { overflows: CapacityOverflow[]; suggestions: Suggestion[] } | null {
  if (!(err instanceof ApiError) || err.problem?.code !== 'booking.capacity_exceeded') return null;
  const p = err.problem as unknown as { overflows?: CapacityOverflow[]; suggestions?: Suggestion[] };
  return { overflows: p.overflows ?? [], suggestions: p.suggestions ?? [] };
}
