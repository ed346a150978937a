/**
 * A territory whose bodies may book: the kind (region, province, metropolitan city), then one of
 * that kind from the directory, in a native select (type-ahead and keyboard for free).
 */
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { call, http } from '../../api/client';
import type { OrganizationSummary, QueryOf } from '../../api/types';
import { SelectField } from '../../components/Field';
import { TERRITORY_KINDS, type FormMessage, type TerritoryKind } from './platform-form';

/** A kind of body the directory can be searched by. */
type OrganizationKind = NonNullable<QueryOf<'searchOrganizations'>['kind']>;

/** Every body of one kind (there are at most about a hundred provinces: two pages). */
export function useBodiesOfKind(kind: OrganizationKind, enabled = true) {
  return useQuery({
    queryKey: ['organizations', 'of-kind', kind],
    queryFn: async ({ signal }) => {
      const out: OrganizationSummary[] = [];
      for (let page = 1; page <= 10; page++) {
        const r = await call(http.GET('/api/v1/organizations', { params: { query: { kind, page, pageSize: 100 } }, signal }));
        out.push(...r.items);
        if (out.length >= r.total || r.items.length === 0) break;
      }
      return out.sort((a, b) => a.name.localeCompare(b.name, 'it'));
    },
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function TerritoryPicker({
  kind,
  territoryId,
  onChange,
  error,
  errorText,
  focusRef,
}: {
  kind: TerritoryKind;
  territoryId: string;
  onChange(next: { kind: TerritoryKind; territoryId: string }): void;
  error?: FormMessage;
  errorText?: string;
  focusRef?: (el: HTMLSelectElement | null) => void;
}) {
  const { t, kindLabel } = useI18n();
  const bodies = useBodiesOfKind(kind);
  const errorMessage = error ? t(error.key, error.vars) : errorText;
  return (
    <div className="conf-territory">
      <SelectField
        label={t('conf.pf.territory.kind')}
        value={kind}
        onChange={(e) => {
          const next = TERRITORY_KINDS.find((k) => k === e.target.value);
          if (next) onChange({ kind: next, territoryId: '' });
        }}
      >
        {TERRITORY_KINDS.map((k) => (
          <option key={k} value={k}>
            {kindLabel(k)}
          </option>
        ))}
      </SelectField>
      <SelectField
        ref={focusRef}
        label={t('conf.pf.territory.which', { kind: kindLabel(kind).toLowerCase() })}
        value={territoryId}
        onChange={(e) => onChange({ kind, territoryId: e.target.value })}
        error={errorMessage}
        help={bodies.isError ? t('conf.pf.territory.failed') : t('conf.pf.territory.help')}
        disabled={bodies.isPending}
      >
        <option value="">{bodies.isPending ? t('app.loading') : t('conf.pf.territory.choose')}</option>
        {(bodies.data ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
