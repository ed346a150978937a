/** The platform pages' own titles of the API's refusals: equal to the server's Italian titles, present in English. */
import { describe, expect, it } from 'vitest';
import { conferencingErrors } from '../../../modules/conferencing/conferencing.errors.js';
import { videoErrors } from '../../../modules/conferencing/video/video.errors.js';
import { BBB_CHECKSUMS as SERVER_CHECKSUMS } from '../../../modules/conferencing/video/video-bbb.js';
import { PLATFORM_ACCESS } from '../../../modules/conferencing/platforms/platforms.repo.js';
import { TERRITORY_KINDS as SERVER_TERRITORY_KINDS } from '../../../modules/conferencing/platforms/platform-access.js';
import { conferencingIt } from './messages.it.js';
import { conferencingEn } from './messages.en.js';
import { PLATFORM_CODES } from './codes.js';
import { ACCESS, TERRITORY_KINDS } from './platform-form.js';
import { BBB_CHECKSUMS } from './types.js';

describe('platform pages and API', () => {
  it('title the platform refusals they name with the server’s Italian titles', () => {
    const byCode = new Map([...Object.values(conferencingErrors), ...Object.values(videoErrors)].map((e) => [e.code, e]));
    for (const code of PLATFORM_CODES) {
      const server = byCode.get(code);
      expect(server, `server error ${code}`).toBeDefined();
      expect((conferencingIt as Record<string, string>)[`conf.error.${code}`]).toBe(server!.title);
      expect((conferencingEn as Record<string, string>)[`conf.error.${code}`]).toBeTruthy();
    }
  });

  it('share the access values, territory kinds and checksum algorithms', () => {
    expect([...ACCESS].sort()).toEqual([...PLATFORM_ACCESS].sort());
    expect([...TERRITORY_KINDS]).toEqual([...SERVER_TERRITORY_KINDS]);
    expect([...BBB_CHECKSUMS]).toEqual([...SERVER_CHECKSUMS]);
  });
});
