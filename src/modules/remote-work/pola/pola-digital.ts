/**
 * The POLA's digital health (salute digitale): devices, VPN, intranet, collaboration tools, remote
 * access to applications, digital signature, digitised processes.
 *
 * `declaredDigitalHealth` is the one place the document and the programme take these from. Today
 * it reads what the body DECLARES on the POLA page (rw_pola_declarations), and every item says so
 * (source 'declared', "dichiarato dall’ente"). When the service catalogue exists (the services a
 * body activated from its provider: VPN, remote workstations, videoconference, collaboration,
 * digital signature…), this function is where they come in, item by item, with source 'catalogue';
 * nothing else has to change.
 */
import type { Queryable } from '../../../platform/db/index.js';
import * as repo from './pola.repo.js';

export type DigitalSource = 'declared' | 'catalogue' | 'missing';

export interface DigitalItem<T> {
  value: T | null;
  source: DigitalSource;
}

export interface DigitalHealth {
  devicesProvided: DigitalItem<number>;
  vpn: DigitalItem<boolean>;
  intranet: DigitalItem<boolean>;
  collaborationTools: DigitalItem<boolean>;
  toolsNote: string;
  remoteAppsPercent: DigitalItem<number>;
  digitalSignatureHolders: DigitalItem<number>;
  digitisedProcessesPercent: DigitalItem<number>;
}

export const SOURCE_IT: Record<DigitalSource, string> = {
  declared: 'dichiarato dall’ente',
  catalogue: 'servizio attivato nel catalogo',
  missing: 'non dichiarato',
};

const item = <T>(v: T | null): DigitalItem<T> => ({ value: v, source: v === null ? 'missing' : 'declared' });

/** The body's digital health as declared by the body (to be fed by the service catalogue later). */
export async function declaredDigitalHealth(tx: Queryable, organizationId: string): Promise<DigitalHealth> {
  const d = (await repo.selectDeclarations(tx, organizationId)) ?? repo.EMPTY_DECLARATIONS;
  return digitalHealthOf(d);
}

export function digitalHealthOf(d: repo.Declarations): DigitalHealth {
  return {
    devicesProvided: item(d.devicesProvided),
    vpn: item(d.vpn),
    intranet: item(d.intranet),
    collaborationTools: item(d.collaborationTools),
    toolsNote: d.toolsNote,
    remoteAppsPercent: item(d.remoteAppsPercent),
    digitalSignatureHolders: item(d.digitalSignatureHolders),
    digitisedProcessesPercent: item(d.digitisedProcessesPercent),
  };
}
