/** The platform form's rules without a browser: checks, request bodies, the API's fields mapped back. */
import { describe, expect, it } from 'vitest';
import { createPlatformBody as createPlatformBodySchema, openingHours as openingHoursSchema, updatePlatformBody as updatePlatformBodySchema } from '../../../modules/conferencing/platforms/platforms.schemas.js';
import { platformVideoBody as platformVideoBodySchema } from '../../../modules/conferencing/video/video.schemas.js';
import {
  createPlatformBody,
  durationMinutes,
  emptyPlatformForm,
  emptyVideoForm,
  fieldOfCode,
  firstErrorField,
  formFieldOf,
  hoursErrors,
  newWindow,
  openingHoursBody,
  platformFormErrors,
  platformFormOf,
  platformSettingsBody,
  videoFormErrors,
  videoSettingsBody,
  type PlatformForm,
} from './platform-form.js';
import type { Platform } from './types.js';

const ORG = '11111111-1111-4111-8111-111111111111';
const MEMBER = '22222222-2222-4222-8222-222222222222';

function valid(over: Partial<PlatformForm> = {}): PlatformForm {
  return { ...emptyPlatformForm(ORG), name: 'Videoconferenze dei Comuni', capacity: '250', memberIds: [MEMBER], ...over };
}

describe('platform form checks', () => {
  it('accepts a complete form, and the body passes the API’s own schemas', () => {
    const f = valid();
    expect(platformFormErrors(f)).toEqual({});
    const body = platformSettingsBody(f);
    expect(body).toMatchObject({ name: 'Videoconferenze dei Comuni', capacity: 250, access: 'members', memberIds: [MEMBER], territoryId: null, minNoticeDays: 1, maxHorizonDays: 90, maxDurationMinutes: 480 });
    expect(updatePlatformBodySchema.safeParse(body).success).toBe(true);
    const created = createPlatformBody(f, { ...emptyVideoForm('jitsi'), jitsiDomain: 'meet.esempio.it', jitsiAppId: 'agilepa', jitsiAppSecret: 's'.repeat(16) }, { sendOperator: true });
    expect(created).toMatchObject({ operatorId: ORG, videoSystem: 'jitsi', video: { jitsiDomain: 'meet.esempio.it', jitsiAppId: 'agilepa', jitsiAppSecret: 's'.repeat(16) } });
    expect(createPlatformBodySchema.safeParse(created).success).toBe(true);
    // without a video system nothing of it is sent
    const plain = createPlatformBody(f, emptyVideoForm(), { sendOperator: false });
    expect(plain).not.toHaveProperty('video');
    expect(plain).not.toHaveProperty('operatorId');
    expect(createPlatformBodySchema.safeParse(plain).success).toBe(true);
  });

  it('refuses capacity, notice, horizon and duration out of range, at their boundaries', () => {
    expect(platformFormErrors(valid({ capacity: '0' })).capacity?.key).toBe('conf.pf.err.capacity');
    expect(platformFormErrors(valid({ capacity: '1' })).capacity).toBeUndefined();
    expect(platformFormErrors(valid({ capacity: '100000' })).capacity).toBeUndefined();
    expect(platformFormErrors(valid({ capacity: '100001' })).capacity).toBeDefined();
    expect(platformFormErrors(valid({ capacity: '2.5' })).capacity).toBeDefined();
    expect(platformFormErrors(valid({ capacity: '' })).capacity).toBeDefined();
    expect(platformFormErrors(valid({ minNoticeDays: '0' })).minNoticeDays).toBeUndefined();
    expect(platformFormErrors(valid({ minNoticeDays: '-1' })).minNoticeDays).toBeDefined();
    expect(platformFormErrors(valid({ minNoticeDays: '366', maxHorizonDays: '1000' })).minNoticeDays).toBeDefined();
    expect(platformFormErrors(valid({ maxHorizonDays: '0' })).maxHorizonDays).toBeDefined();
    expect(platformFormErrors(valid({ maxHorizonDays: '1001' })).maxHorizonDays).toBeDefined();
    expect(platformFormErrors(valid({ minNoticeDays: '5', maxHorizonDays: '5' })).maxHorizonDays?.key).toBe('conf.pf.err.horizonBelowNotice');
    expect(platformFormErrors(valid({ maxDurationHours: '0' })).maxDuration).toBeDefined();
    expect(platformFormErrors(valid({ maxDurationHours: '168' })).maxDuration).toBeUndefined();
    expect(platformFormErrors(valid({ maxDurationHours: '168,1' })).maxDuration).toBeDefined();
    expect(platformFormErrors(valid({ name: '  ' })).name).toBeDefined();
    expect(platformFormErrors(valid({ link: 'meet.esempio.it' })).link).toBeDefined();
    expect(platformFormErrors(valid({ link: 'https://meet.esempio.it/sala' })).link).toBeUndefined();
    expect(platformFormErrors(valid({ access: 'territory', territoryId: '' })).territory).toBeDefined();
    expect(platformFormErrors(valid({ operatorId: '' }), { needOperator: true }).operator).toBeDefined();
  });

  it('reads hours with a comma or a dot', () => {
    expect(durationMinutes('1,5')).toBe(90);
    expect(durationMinutes('1.5')).toBe(90);
    expect(durationMinutes('8')).toBe(480);
    expect(durationMinutes('otto')).toBeNull();
    expect(durationMinutes('-1')).toBeNull();
  });

  it('checks opening windows: format, order, overlaps, midnight as the end of the day', () => {
    const hours = { ...emptyPlatformForm().hours };
    hours['1'] = [newWindow('08:00', '13:00'), newWindow('12:00', '18:00')];
    hours['2'] = [newWindow('14:00', '09:00')];
    hours['3'] = [newWindow('8', '12:00')];
    hours['4'] = [newWindow('20:00', '00:00')];
    hours['5'] = [newWindow('08:00', '13:00'), newWindow('13:00', '18:00')];
    const e = hoursErrors(hours);
    expect(e['hours.1']?.key).toBe('conf.pf.err.overlap');
    expect(e['hours.2.0.to']?.key).toBe('conf.pf.err.windowOrder');
    expect(e['hours.3.0.from']?.key).toBe('conf.pf.err.time');
    expect(e['hours.4']).toBeUndefined();
    expect(e['hours.4.0.to']).toBeUndefined();
    // touching windows do not overlap
    expect(e['hours.5']).toBeUndefined();
    const seven = { ...emptyPlatformForm().hours, '6': Array.from({ length: 7 }, (_, i) => newWindow(`0${i}:00`, `0${i}:30`)) };
    expect(hoursErrors(seven)['hours.6']?.key).toBe('conf.pf.err.tooManyWindows');
  });

  it('sends opening hours sorted, 00:00 as 24:00, closed days left out, as the API’s schema takes them', () => {
    const hours = { ...emptyPlatformForm().hours, '1': [newWindow('14:00', '00:00'), newWindow('08:00', '12:00')], '6': [], '7': [] };
    const body = openingHoursBody(hours);
    expect(body['1']).toEqual([
      ['08:00', '12:00'],
      ['14:00', '24:00'],
    ]);
    expect(body).not.toHaveProperty('6');
    expect(openingHoursSchema.safeParse(body).success).toBe(true);
  });

  it('fills the form from a platform and back without changing it', () => {
    const p: Platform = {
      id: 'p',
      operatorId: ORG,
      name: 'Sala',
      capacity: 100,
      access: 'territory',
      memberIds: [],
      territoryId: MEMBER,
      minNoticeDays: 2,
      maxHorizonDays: 60,
      maxDurationMinutes: 90,
      openingHours: { '1': [['09:00', '24:00']], '3': [['08:00', '12:00']] },
      openOnHolidays: true,
      requiresApproval: true,
      videoSystem: 'none',
      link: 'https://meet.esempio.it/sala',
      videoConfigured: false,
      archivedAt: null,
      createdAt: '2027-01-04T08:00:00.000Z',
      updatedAt: '2027-01-04T08:00:00.000Z',
    };
    const f = platformFormOf(p, 'province');
    expect(f.hours['1'][0].to).toBe('00:00');
    expect(f.maxDurationHours).toBe('1.5');
    expect(f.territoryKind).toBe('province');
    expect(platformFormErrors(f)).toEqual({});
    expect(platformSettingsBody(f)).toEqual({
      name: 'Sala',
      capacity: 100,
      access: 'territory',
      memberIds: [],
      territoryId: MEMBER,
      minNoticeDays: 2,
      maxHorizonDays: 60,
      maxDurationMinutes: 90,
      openingHours: p.openingHours,
      openOnHolidays: true,
      requiresApproval: true,
      link: 'https://meet.esempio.it/sala',
    });
    // leaving the territory access drops the territory
    expect(platformSettingsBody({ ...f, access: 'everyone' }).territoryId).toBeNull();
  });
});

describe('video settings', () => {
  it('needs the fields of the chosen system, the secret of at least 16 characters', () => {
    const jitsi = { ...emptyVideoForm('jitsi'), jitsiDomain: 'meet.esempio.it', jitsiAppId: 'agilepa', jitsiAppSecret: 'x'.repeat(15) };
    expect(Object.keys(videoFormErrors(jitsi, { secretRequired: true }))).toEqual(['jitsiAppSecret']);
    expect(videoFormErrors({ ...jitsi, jitsiAppSecret: 'x'.repeat(16) }, { secretRequired: true })).toEqual({});
    expect(videoFormErrors({ ...jitsi, jitsiDomain: 'https://meet.esempio.it' }, { secretRequired: true }).jitsiDomain).toBeDefined();
    expect(videoFormErrors({ ...jitsi, jitsiAppId: 'con spazi' }, { secretRequired: true }).jitsiAppId).toBeDefined();
    const bbb = { ...emptyVideoForm('bbb'), bbbApiUrl: 'bbb.esempio.it', bbbSecret: 'y'.repeat(16) };
    expect(Object.keys(videoFormErrors(bbb, { secretRequired: true }))).toEqual(['bbbApiUrl']);
    expect(videoFormErrors(emptyVideoForm('none'), { secretRequired: true })).toEqual({});
  });

  it('sends only the chosen system’s fields, which the API’s schema takes', () => {
    const v = { ...emptyVideoForm('bbb'), jitsiDomain: 'left.over', bbbApiUrl: 'https://bbb.esempio.it/bigbluebutton/api', bbbSecret: 'y'.repeat(16), bbbChecksum: 'sha1' as const };
    const body = { videoSystem: v.system, ...videoSettingsBody(v) };
    expect(body).toEqual({ videoSystem: 'bbb', bbbApiUrl: 'https://bbb.esempio.it/bigbluebutton/api', bbbSecret: 'y'.repeat(16), bbbChecksum: 'sha1' });
    expect(platformVideoBodySchema.safeParse(body).success).toBe(true);
  });
});

describe('the API’s answers mapped to the form', () => {
  it('maps field names of create, change and video to the form’s fields', () => {
    expect(formFieldOf('capacity')).toBe('capacity');
    expect(formFieldOf('maxDurationMinutes')).toBe('maxDuration');
    expect(formFieldOf('memberIds.3')).toBe('members');
    expect(formFieldOf('territoryId')).toBe('territory');
    expect(formFieldOf('openingHours.2.0')).toBe('hours.2');
    expect(formFieldOf('openingHours')).toBe('hours');
    expect(formFieldOf('video.jitsiAppSecret')).toBe('jitsiAppSecret');
    expect(formFieldOf('jitsiAppSecret')).toBe('jitsiAppSecret');
    expect(formFieldOf('unknown')).toBeNull();
    expect(fieldOfCode('platform.capacity_below_bookings')).toBe('capacity');
    expect(fieldOfCode('platform.invalid_members')).toBe('members');
    expect(fieldOfCode('auth.forbidden')).toBeNull();
  });

  it('focuses the first problem in the form’s order', () => {
    expect(firstErrorField({ link: 1, capacity: 1, 'hours.3.0.from': 1 })).toBe('capacity');
    expect(firstErrorField({ link: 1, 'hours.3.0.from': 1, 'hours.2': 1 })).toBe('hours.2');
    expect(firstErrorField({ jitsiAppSecret: 1 })).toBe('jitsiAppSecret');
    expect(firstErrorField({})).toBeNull();
  });
});
