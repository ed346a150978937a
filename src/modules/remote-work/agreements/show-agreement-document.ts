/**
 * Use case: the text of an agreement the caller may see, as PDF or editable DOCX, generated from
 * the stored agreement (nothing is kept: the document always says what the database says).
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { getOrganizationNames } from '../../organizations/index.js';
import { loadVisible } from './agreement-load.js';
import { DOCUMENT_CONTENT_TYPES, fileSlug, type DocumentFormat } from '../../../platform/documents/document-model.js';
import { renderPdf } from '../../../platform/documents/pdf.js';
import { renderDocx } from '../../../platform/documents/docx.js';
import { agreementDocument } from './agreement-document.js';
import * as repo from './agreements.repo.js';

export { DOCUMENT_CONTENT_TYPES as DOCUMENT_TYPES, type DocumentFormat };

export async function showAgreementDocument(db: Db, auth: AuthContext, id: string, format: DocumentFormat): Promise<{ filename: string; contentType: string; content: Buffer }> {
  const { a, organizationName, signer } = await db.tx(dbContext(auth), async (tx) => {
    const row = await loadVisible(tx, auth, id);
    const names = await getOrganizationNames(tx, [row.organizationId]);
    const signerName = (await repo.selectUserDisplayName(tx, row.registeredBy)) ?? (await repo.selectUserDisplayName(tx, row.officeManagerUserId));
    return { a: row, organizationName: names.get(row.organizationId) ?? 'Amministrazione', signer: signerName };
  });
  const doc = agreementDocument(a, { organizationName, employerSigner: signer });
  const content = format === 'pdf' ? await renderPdf(doc) : await renderDocx(doc);
  return { filename: `accordo-lavoro-agile-${fileSlug(a.employeeName, 'dipendente')}-${a.startsOn}.${format}`, contentType: DOCUMENT_CONTENT_TYPES[format], content };
}
