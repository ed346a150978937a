/**
 * Use case: the POLA of the caller's body as PDF or editable DOCX, written from the live data at
 * the moment of the request (nothing is stored: the document always says what the database says).
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { DOCUMENT_CONTENT_TYPES, fileSlug, type DocumentFormat } from '../../../platform/documents/document-model.js';
import { renderPdf } from '../../../platform/documents/pdf.js';
import { renderDocx } from '../../../platform/documents/docx.js';
import { polaScope } from './pola-access.js';
import { loadPolaData } from './pola-data.js';
import { polaDocument } from './pola-document.js';

export async function showPolaDocument(db: Db, auth: AuthContext, format: DocumentFormat): Promise<{ filename: string; contentType: string; content: Buffer }> {
  const organizationId = polaScope(auth);
  const data = await db.tx(dbContext(auth), (tx) => loadPolaData(tx, organizationId));
  const doc = polaDocument(data);
  const content = format === 'pdf' ? await renderPdf(doc) : await renderDocx(doc);
  const years = `${data.years[0]}-${data.years[data.years.length - 1]}`;
  return { filename: `pola-piao-${fileSlug(data.organizationName, 'ente')}-${years}.${format}`, contentType: DOCUMENT_CONTENT_TYPES[format], content };
}
