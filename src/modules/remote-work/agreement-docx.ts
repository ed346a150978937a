/** The agreement as an editable Word document (docx): the same text as the PDF, with real headings and styles. */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle } from 'docx';
import type { AgreementDocument } from './agreement-document.js';

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

export async function agreementDocx(d: AgreementDocument): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(d.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: d.subtitle, italics: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: d.reference, size: 17, color: '444444' })] }),
  ];
  for (const s of d.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 80 }, children: [new TextRun(s.heading)] }));
    for (const p of s.paragraphs) body.push(new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 100 }, children: [new TextRun(p)] }));
  }
  body.push(new Paragraph({ spacing: { before: 360, after: 360 }, children: [new TextRun(d.signatures.place)] }));
  const cell = (title: string, name: string) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      borders: { top: none, bottom: none, left: none, right: none },
      children: [
        new Paragraph({ children: [new TextRun({ text: title, bold: true })] }),
        new Paragraph({ children: [new TextRun(name)] }),
        new Paragraph({ spacing: { before: 480 }, children: [new TextRun('______________________________')] }),
      ],
    });
  body.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ children: [cell(d.signatures.employer, d.signatures.employerName), cell(d.signatures.employee, d.signatures.employeeName)] })],
    }),
  );
  body.push(new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: d.footer, size: 17, color: '444444' })] }));
  const doc = new Document({
    title: d.title,
    subject: d.subtitle,
    creator: 'Agile PA',
    description: d.reference,
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: 'it-IT' } } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
