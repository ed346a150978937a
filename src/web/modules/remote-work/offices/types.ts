/**
 * The offices-and-people enumerations the pages offer (the server's copies are checked by
 * contract.test.ts) and the API's shapes, named from the generated OpenAPI types.
 */
import type { ItemOf, ResultOf } from '../../../api/types';

export const ABSENCE_KINDS = ['leave', 'sick', 'training', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export const IMPORT_COLUMNS = ['codice_fiscale', 'nome', 'cognome', 'email', 'codice_ufficio', 'competenze', 'giorni_preferiti', 'lavoratore_fragile'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: ImportColumn[] = ['codice_fiscale', 'nome', 'cognome', 'codice_ufficio'];
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type Office = ItemOf<'listRemoteWorkOffices'>;
export type OfficeDetail = ResultOf<'showRemoteWorkOffice'>;
export type WeekdayCoverage = OfficeDetail['coverage'][number];
export type Activity = OfficeDetail['activities'][number];
export type Person = ItemOf<'listRemoteWorkOfficeManagerCandidates'>;
export type Employee = ItemOf<'listRemoteWorkEmployees'>;
export type ImportReport = ResultOf<'importRemoteWorkEmployees'>;
export type ImportRow = ImportReport['rows'][number];
export type ImportProblem = ImportReport['fileErrors'][number];
export type Absence = ItemOf<'listRemoteWorkAbsences'>;
export type Closure = ResultOf<'listRemoteWorkClosures'>[number];
