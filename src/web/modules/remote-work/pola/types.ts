/** The shapes of the POLA API as the web page reads them, named from the generated OpenAPI types (src/modules/remote-work/pola.schemas.ts). */
import type { BodyOf, ResultOf } from '../../../api/types';

export type Pola = ResultOf<'showRemoteWorkPola'>;
export type DocumentModel = Pola['document'];
export type Block = DocumentModel['blocks'][number];
export type PolaSettings = Pola['settings'];
/** What the body declares, as the page sends it (the answer adds updatedAt). */
export type Declarations = BodyOf<'updateRemoteWorkPolaDeclarations'>;
export type ProgrammeIndicator = Pola['programme']['indicators'][number];
export type Unit = ProgrammeIndicator['unit'];
export type Dimension = ProgrammeIndicator['dimension'];

export type NoteSection = keyof PolaSettings['notes'];
export const NOTE_SECTIONS = ['implementation', 'organisation', 'people', 'programme'] as const satisfies readonly NoteSection[];
export const DIMENSIONS: Dimension[] = ['implementation', 'organisational', 'professional', 'digital', 'economic'];
