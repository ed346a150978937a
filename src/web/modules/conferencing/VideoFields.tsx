/**
 * The video system of a platform: none (the platform's own link), Jitsi Meet (domain, app id,
 * app secret) or BigBlueButton (API URL, shared secret, checksum algorithm). Secrets are
 * write-only: the fields start empty, are never filled from the API, and say so.
 */
import { useId } from 'react';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/it';
import { SelectField, TextField } from '../../components/Field';
import type { FormMessage, VideoForm } from './platform-form';
import { BBB_CHECKSUMS, type VideoSystem } from './types';

export const VIDEO_SYSTEMS: VideoSystem[] = ['none', 'jitsi', 'bbb'];

export function VideoFields({
  value,
  onChange,
  errors,
  serverErrors,
  secretWasSet,
  refs,
}: {
  value: VideoForm;
  onChange(next: VideoForm): void;
  errors: Record<string, FormMessage | undefined>;
  /** Field messages of the API as they came (Italian), for fields with no message of ours. */
  serverErrors: Record<string, string | undefined>;
  /** The system already has a secret stored (edit): the field says it must be typed again to save. */
  secretWasSet: boolean;
  refs: (name: string) => (el: HTMLElement | null) => void;
}) {
  const { t } = useI18n();
  const id = `vf${useId().replace(/:/g, '')}`;
  const set = (k: Exclude<keyof VideoForm, 'system' | 'bbbChecksum'>) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  const checksum = (e: { target: { value: string } }) => {
    const c = BBB_CHECKSUMS.find((x) => x === e.target.value);
    if (c) onChange({ ...value, bbbChecksum: c });
  };
  const err = (k: string) => (errors[k] ? t(errors[k]!.key, errors[k]!.vars) : serverErrors[k]);
  const secretHelp = secretWasSet ? t('conf.pf.video.secretAgain') : t('conf.pf.video.secretHelp');
  return (
    <>
      <fieldset className="mb-3">
        <legend className="field-label fs-6">{t('conf.pf.video.system')}</legend>
        {VIDEO_SYSTEMS.map((s) => (
          <div key={s} className="form-check my-1">
            <input
              ref={s === value.system ? refs('videoSystem') : undefined}
              type="radio"
              id={`${id}-${s}`}
              name={`${id}-system`}
              value={s}
              checked={value.system === s}
              onChange={() => onChange({ ...value, system: s })}
              aria-describedby={`${id}-${s}-help`}
            />
            <label htmlFor={`${id}-${s}`}>{t(`conf.pf.video.${s}` as MessageKey)}</label>
            <div id={`${id}-${s}-help`} className="form-text ms-4">
              {t(`conf.pf.video.${s}Help` as MessageKey)}
            </div>
          </div>
        ))}
        {err('videoSystem') && <div className="field-error">{err('videoSystem')}</div>}
      </fieldset>
      {value.system === 'jitsi' && (
        <>
          <TextField ref={refs('jitsiDomain')} label={t('conf.pf.video.jitsiDomain')} help={t('conf.pf.video.jitsiDomainHelp')} value={value.jitsiDomain} onChange={set('jitsiDomain')} error={err('jitsiDomain')} required maxLength={260} autoComplete="off" spellCheck={false} />
          <TextField ref={refs('jitsiAppId')} label={t('conf.pf.video.jitsiAppId')} help={t('conf.pf.video.jitsiAppIdHelp')} value={value.jitsiAppId} onChange={set('jitsiAppId')} error={err('jitsiAppId')} required maxLength={100} autoComplete="off" spellCheck={false} />
          <TextField
            ref={refs('jitsiAppSecret')}
            label={t('conf.pf.video.jitsiAppSecret')}
            help={secretHelp}
            type="password"
            value={value.jitsiAppSecret}
            onChange={set('jitsiAppSecret')}
            error={err('jitsiAppSecret')}
            required
            minLength={16}
            maxLength={512}
            autoComplete="new-password"
          />
        </>
      )}
      {value.system === 'bbb' && (
        <>
          <TextField ref={refs('bbbApiUrl')} label={t('conf.pf.video.bbbApiUrl')} help={t('conf.pf.video.bbbApiUrlHelp')} type="url" value={value.bbbApiUrl} onChange={set('bbbApiUrl')} error={err('bbbApiUrl')} required maxLength={500} autoComplete="off" spellCheck={false} />
          <TextField
            ref={refs('bbbSecret')}
            label={t('conf.pf.video.bbbSecret')}
            help={secretWasSet ? t('conf.pf.video.secretAgain') : t('conf.pf.video.bbbSecretHelp')}
            type="password"
            value={value.bbbSecret}
            onChange={set('bbbSecret')}
            error={err('bbbSecret')}
            required
            minLength={16}
            maxLength={512}
            autoComplete="new-password"
          />
          <SelectField ref={refs('bbbChecksum')} label={t('conf.pf.video.bbbChecksum')} help={t('conf.pf.video.bbbChecksumHelp')} value={value.bbbChecksum} onChange={checksum} error={err('bbbChecksum')}>
            {BBB_CHECKSUMS.map((c) => (
              <option key={c} value={c}>
                {c === 'sha256' ? t('conf.pf.video.checksumDefault', { name: 'SHA-256' }) : c.toUpperCase().replace('SHA', 'SHA-')}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </>
  );
}
