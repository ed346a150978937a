/**
 * Use case: the text of an agreement the caller may see, as PDF or editable DOCX, generated from
 * the stored agreement (nothing is kept: the document always says what the database says).
 */
import type { Db } from '../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../platform/auth/context.js';
import { getOrganizationNames } from '../organizations/index.js';
import { loadVisible } from './agreement-load.js';
import { agreementDocument } from './agreement-document.js';
import { agreementPdf } from './agreement-pdf.js';
import { agreementDocx } from './agreement-docx.js';
import * as repo from './agreements.repo.js';

export type DocumentFormat = 'pdf' | 'docx';

export const DOCUMENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export async function showAgreementDocument(db: Db, auth: AuthContext, id: string, format: DocumentFormat): Promise<{ filename: string; contentType: string; content: Buffer }> {
  const { a, organizationName, signer } = await db.tx(dbContext(auth), async (tx) => {
    const row = await loadVisible(tx, auth, id);
    const names = await getOrganizationNames(tx, [row.organizationId]);
    const signerName = (await repo.selectUserDisplayName(tx, row.registeredBy)) ?? (await repo.selectUserDisplayName(tx, row.officeManagerUserId));
    return { a: row, organizationName: names.get(row.organizationId) ?? 'Amministrazione', signer: signerName };
  });
  const doc = agreementDocument(a, { organizationName, employerSigner: signer });
  const content = format === 'pdf' ? await agreementPdf(doc) : await agreementDocx(doc);
  const slug = a.employeeName.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'dipendente';
  return { filename: `accordo-lavoro-agile-${slug}-${a.startsOn}.${format}`, contentType: DOCUMENT_TYPES[format], content };
}
