/**
 * A DocumentModel as an editable Word document (docx): real headings (Heading 1-3, so Word builds
 * the table of contents and screen readers navigate by them), bulleted lists and tables whose
 * header row repeats on every page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocumentModel } from './document-model.js';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const border = { style: BorderStyle.SINGLE, size: 4, color: '8A8F94' };
const borders = { top: border, bottom: border, left: border, right: border };

function blocks(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], spacing: { before: b.level === 1 ? 320 : 200, after: 100 }, children: [new TextRun(b.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: AlignmentType.LEFT,
          spacing: { after: 100 },
          children: [b.note ? new TextRun({ text: b.text, size: 17, color: '444444' }) : new TextRun(b.text)],
        }),
      ];
    case 'list':
      return b.items.map((item) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, spacing: { after: 40 }, children: [new TextRun(item)] }));
    case 'table': {
      const total = b.columns.reduce((s, c) => s + c.width, 0) || 1;
      const cell = (text: string, i: number, header: boolean) =>
        new TableCell({
          width: { size: Math.round((b.columns[i].width / total) * 100), type: WidthType.PERCENTAGE },
          borders,
          shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E6ECF2' } : undefined,
          children: [
            new Paragraph({
              alignment: !header && b.columns[i].align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: [new TextRun({ text, bold: header, size: 18 })],
            }),
          ],
        });
      return [
        new Paragraph({ spacing: { before: 120, after: 60 }, keepNext: true, children: [new TextRun({ text: b.caption, bold: true, size: 19 })] }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell(c.header, i, true)) }),
            ...b.rows.map((r) => new TableRow({ cantSplit: true, children: b.columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
          ],
        }),
        new Paragraph({ spacing: { after: 80 }, children: [] }),
      ];
    }
  }
}

export async function renderDocx(d: DocumentModel): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(d.title)] }),
  ];
  if (d.subtitle) body.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: d.subtitle, italics: true })] }));
  if (d.reference) body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: d.reference, size: 17, color: '444444' })] }));
  for (const b of d.blocks) body.push(...blocks(b));
  if (d.footer) body.push(new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: d.footer, size: 17, color: '444444' })] }));
  const doc = new Document({
    title: d.title,
    subject: d.subtitle ?? '',
    creator: d.author ?? 'Agile PA',
    description: d.reference ?? '',
    styles: { default: { document: { run: { font: 'Calibri', size: 21, language: { value: d.language ?? 'it-IT' } } } } },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 240 } } } }],
        },
      ],
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
