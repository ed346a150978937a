/**
 * The agreement as PDF (pdfkit, standard Helvetica: Italian accents and typographic quotes are in
 * its WinAnsi encoding), with the document's language and title for screen readers. Text is
 * left-aligned, not justified: justified lines lose their spaces when copied or read aloud.
 */
import PDFDocument from 'pdfkit';
import type { AgreementDocument } from './agreement-document.js';

export async function agreementPdf(d: AgreementDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 62, right: 62 },
    lang: 'it-IT',
    displayTitle: true,
    info: { Title: d.title, Subject: d.subtitle, Author: d.reference.split(' · ')[0], Creator: 'Agile PA', Producer: 'Agile PA' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font('Helvetica-Bold').fontSize(17).text(d.title, { align: 'center', width });
  doc.moveDown(0.2).font('Helvetica').fontSize(10.5).text(d.subtitle, { align: 'center', width });
  doc.moveDown(0.3).fontSize(8.5).fillColor('#444444').text(d.reference, { align: 'center', width }).fillColor('#000000');
  doc.moveDown(1);
  for (const s of d.sections) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11.5).text(s.heading, { width });
    doc.moveDown(0.25).font('Helvetica').fontSize(10.5);
    for (const p of s.paragraphs) doc.text(p, { width, align: 'left', paragraphGap: 4, lineGap: 1.5 });
    doc.moveDown(0.6);
  }
  if (doc.y > doc.page.height - doc.page.margins.bottom - 150) doc.addPage();
  doc.moveDown(1).font('Helvetica').fontSize(10.5).text(d.signatures.place, { width });
  doc.moveDown(2);
  const top = doc.y;
  const col = (width - 30) / 2;
  const left = doc.page.margins.left;
  doc.font('Helvetica-Bold').text(d.signatures.employer, left, top, { width: col });
  doc.font('Helvetica').text(d.signatures.employerName || ' ', left, doc.y, { width: col });
  doc.moveDown(1.5).text('______________________________', left, doc.y, { width: col });
  doc.font('Helvetica-Bold').text(d.signatures.employee, left + col + 30, top, { width: col });
  doc.font('Helvetica').text(d.signatures.employeeName, left + col + 30, doc.y, { width: col });
  doc.moveDown(1.5).text('______________________________', left + col + 30, doc.y, { width: col });
  doc.moveDown(2).fontSize(8.5).fillColor('#444444').text(d.footer, left, doc.y, { width, align: 'left' });
  doc.end();
  return done;
}
