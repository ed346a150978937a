/**
 * Use cases: the video system of a platform and its settings (Jitsi: domain, app id, app secret;
 * BigBlueButton: API base URL, shared secret, checksum algorithm). Secrets are write-only: they
 * are stored for signing links and never returned, logged or audited.
 */
import { openSecret, sealSecret } from '../../../platform/secret-box.js';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { dbContext, isPlatformAdmin, type AuthContext } from '../../../platform/auth/context.js';
import { errors, type FieldError } from '../../../platform/http/errors.js';
import { auditBy } from '../../../platform/audit.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './video.repo.js';
import { platformRepo } from '../platforms/index.js';
import { normaliseBbbApiUrl, type BbbChecksum } from './video-bbb.js';
import { videoErrors as V } from './video.errors.js';

export interface VideoSettingsInput {
  jitsiDomain?: string;
  jitsiAppId?: string;
  jitsiAppSecret?: string;
  bbbApiUrl?: string;
  bbbSecret?: string;
  bbbChecksum?: BbbChecksum;
}

export interface PlatformVideoInput extends VideoSettingsInput {
  videoSystem: platformRepo.VideoSystem;
}

/** What anyone allowed to manage a platform may read back: everything but the secrets. */
export interface PlatformVideoView {
  platformId: string;
  videoSystem: platformRepo.VideoSystem;
  videoConfigured: boolean;
  jitsiDomain: string | null;
  jitsiAppId: string | null;
  bbbApiUrl: string | null;
  bbbChecksum: BbbChecksum | null;
  updatedAt: string | null;
}

const JITSI_FIELDS = ['jitsiDomain', 'jitsiAppId', 'jitsiAppSecret'] as const;
const BBB_FIELDS = ['bbbApiUrl', 'bbbSecret', 'bbbChecksum'] as const;
const LABEL = { jitsi: 'Jitsi', bbb: 'BigBlueButton', none: 'nessun sistema video' };

/**
 * The settings to store for a video system, checked across fields: each system needs its own
 * fields and accepts no other system's; `none` stores nothing. Throws video.settings_invalid.
 */
export function videoSettingsFor(system: platformRepo.VideoSystem, input: VideoSettingsInput, where = 'body'): Omit<repo.VideoSettingsRow, 'platformId' | 'updatedAt'> | null {
  const problems: FieldError[] = [];
  const given = (k: keyof VideoSettingsInput) => input[k] !== undefined && input[k] !== null;
  const own: readonly (keyof VideoSettingsInput)[] = system === 'jitsi' ? JITSI_FIELDS : system === 'bbb' ? BBB_FIELDS : [];
  for (const k of [...JITSI_FIELDS, ...BBB_FIELDS]) {
    if (given(k) && !own.includes(k)) problems.push({ field: `${where}.${k}`, message: `non si usa con ${LABEL[system]}` });
  }
  const required = system === 'jitsi' ? JITSI_FIELDS : system === 'bbb' ? (['bbbApiUrl', 'bbbSecret'] as const) : [];
  for (const k of required) if (!given(k)) problems.push({ field: `${where}.${k}`, message: `obbligatorio per ${LABEL[system]}` });
  if (problems.length) throw V.settingsInvalid(problems.map((p) => `${p.field}: ${p.message}`).join('; '), undefined, problems);
  if (system === 'jitsi') {
    return {
      system,
      jitsiDomain: input.jitsiDomain!.toLowerCase(),
      jitsiAppId: input.jitsiAppId!,
      jitsiAppSecret: sealSecret(input.jitsiAppSecret!),
      bbbApiUrl: null,
      bbbSecret: null,
      bbbChecksum: null,
    };
  }
  if (system === 'bbb') {
    return {
      system,
      jitsiDomain: null,
      jitsiAppId: null,
      jitsiAppSecret: null,
      bbbApiUrl: normaliseBbbApiUrl(input.bbbApiUrl!),
      bbbSecret: sealSecret(input.bbbSecret!),
      bbbChecksum: input.bbbChecksum ?? 'sha256',
    };
  }
  return null;
}

/** Writes (or removes) a platform's video settings inside the caller's transaction; used on create and on PUT …/video. */
export async function storeVideoSettings(tx: Queryable, platformId: string, settings: ReturnType<typeof videoSettingsFor>): Promise<void> {
  if (settings) await repo.upsertVideoSettings(tx, { platformId, ...settings });
  else await repo.deleteVideoSettings(tx, platformId);
}

async function viewOf(tx: Queryable, platform: { id: string; videoSystem: platformRepo.VideoSystem }): Promise<PlatformVideoView> {
  const s = await repo.selectVideoSettings(tx, platform.id);
  const current = s && s.system === platform.videoSystem ? s : null;
  return {
    platformId: platform.id,
    videoSystem: platform.videoSystem,
    videoConfigured: current !== null,
    jitsiDomain: current?.jitsiDomain ?? null,
    jitsiAppId: current?.jitsiAppId ?? null,
    bbbApiUrl: current?.bbbApiUrl ?? null,
    bbbChecksum: current?.bbbChecksum ?? null,
    updatedAt: current?.updatedAt ?? null,
  };
}

/** The platform, when the caller manages it (its operator body's provider staff, or a platform admin). */
async function managedPlatform(tx: Queryable, auth: AuthContext, platformId: string) {
  const platform = await platformRepo.selectPlatform(tx, platformId);
  if (!platform) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${platformId}.`);
  if (!isPlatformAdmin(auth) && (platform.operatorId !== auth.organizationId || !auth.roles.includes('provider_staff'))) {
    throw errors.forbidden('Solo il personale del gestore della piattaforma ne vede e cambia il sistema video.');
  }
  return platform;
}

export async function showPlatformVideo(db: Db, auth: AuthContext, platformId: string): Promise<PlatformVideoView> {
  return db.tx(dbContext(auth), async (tx) => viewOf(tx, await managedPlatform(tx, auth, platformId)));
}

/**
 * A change that leaves the secret out keeps the stored one, when the video system stays the same
 * (the operator changes a domain or a URL without typing the secret again).
 */
async function withStoredSecret(tx: Queryable, platformId: string, input: PlatformVideoInput): Promise<PlatformVideoInput> {
  const field = input.videoSystem === 'jitsi' ? 'jitsiAppSecret' : input.videoSystem === 'bbb' ? 'bbbSecret' : null;
  if (!field || input[field] !== undefined) return input;
  const stored = await repo.selectVideoSettings(tx, platformId);
  const secret = stored?.system === input.videoSystem ? stored[field] : null;
  return secret ? { ...input, [field]: openSecret(secret) } : input;
}

/** PUT /conference-platforms/{id}/video: the video system the platform drives and its settings, replaced as a whole. */
export async function updatePlatformVideo(db: Db, auth: AuthContext, platformId: string, input: PlatformVideoInput, meta: { ip?: string } = {}) {
  return db.tx(dbContext(auth), async (tx) => {
    const platform = await managedPlatform(tx, auth, platformId);
    const before = await viewOf(tx, platform);
    const settings = videoSettingsFor(input.videoSystem, await withStoredSecret(tx, platformId, input));
    await repo.updatePlatformVideoSystem(tx, platformId, input.videoSystem);
    await storeVideoSettings(tx, platformId, settings);
    const after = await viewOf(tx, { id: platformId, videoSystem: input.videoSystem });
    await auditBy(tx, auth, {
      organizationId: platform.operatorId,
      action: 'conference_platform.video_update',
      entityType: 'conference_platform',
      entityId: platformId,
      // the view has no secrets; say only that one was set
      before,
      after: { ...after, secretSet: settings !== null },
      ip: meta.ip ?? null,
    });
    return after;
  });
}
