/**
 * A DocumentModel as PDF (pdfkit, standard Helvetica: Italian accents, typographic quotes and the
 * euro sign are in its WinAnsi encoding), with the document's language and title for screen
 * readers, tables with a header row repeated on every page they cross, and page numbers. Text is
 * left-aligned, not justified: justified lines lose their spaces when copied or read aloud.
 */
import PDFDocument from 'pdfkit';
import type { Block, DocumentModel } from './document-model.js';

const GREY = '#444444';
const RULE = '#8a8f94';
const HEADER_FILL = '#e6ecf2';
const PAD = 4;
const TABLE_FONT = 8.5;

type Pdf = InstanceType<typeof PDFDocument>;

export async function renderPdf(d: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    lang: d.language ?? 'it-IT',
    displayTitle: true,
    bufferPages: true,
    info: { Title: d.title, Subject: d.subtitle ?? '', Author: d.author ?? '', Creator: 'Agile PA', Producer: 'Agile PA' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = contentWidth(doc);
  doc.font('Helvetica-Bold').fontSize(16).text(d.title, { align: 'center', width });
  if (d.subtitle) doc.moveDown(0.2).font('Helvetica').fontSize(10.5).text(d.subtitle, { align: 'center', width });
  if (d.reference) doc.moveDown(0.3).fontSize(8.5).fillColor(GREY).text(d.reference, { align: 'center', width }).fillColor('#000000');
  doc.moveDown(1);
  for (const b of d.blocks) block(doc, b);
  if (d.footer) {
    doc.moveDown(1).font('Helvetica').fontSize(8.5).fillColor(GREY).text(d.footer, doc.page.margins.left, doc.y, { width }).fillColor('#000000');
  }
  pageNumbers(doc);
  doc.end();
  return done;
}

function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

function block(doc: Pdf, b: Block): void {
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  switch (b.kind) {
    case 'heading': {
      const size = b.level === 1 ? 13.5 : b.level === 2 ? 11.5 : 10.5;
      // a heading never ends a page alone
      if (doc.y > bottom(doc) - 90) doc.addPage();
      doc.moveDown(b.level === 1 ? 0.8 : 0.5);
      doc.font('Helvetica-Bold').fontSize(size).text(b.text, left, doc.y, { width });
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph':
      if (b.note) doc.font('Helvetica').fontSize(8.5).fillColor(GREY);
      else doc.font('Helvetica').fontSize(10);
      doc.text(b.text, left, doc.y, { width, align: 'left', paragraphGap: 4, lineGap: 1.5 });
      doc.fillColor('#000000');
      return;
    case 'list':
      doc.font('Helvetica').fontSize(10);
      for (const item of b.items) doc.text(`•  ${item}`, left + 8, doc.y, { width: width - 8, align: 'left', paragraphGap: 2, lineGap: 1.5 });
      doc.moveDown(0.3);
      return;
    case 'table':
      table(doc, b);
      return;
  }
}

function table(doc: Pdf, t: Extract<Block, { kind: 'table' }>): void {
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  const total = t.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = t.columns.map((c) => (c.width / total) * width);
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(TABLE_FONT);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * PAD, lineGap: 1 }))) + 2 * PAD;
  };
  const headers = t.columns.map((c) => c.header);
  const headerHeight = heightOf(headers, true);
  const drawRow = (cells: string[], y: number, h: number, header: boolean) => {
    let x = left;
    for (let i = 0; i < cells.length; i++) {
      if (header) doc.rect(x, y, widths[i], h).fillAndStroke(HEADER_FILL, RULE);
      else doc.rect(x, y, widths[i], h).strokeColor(RULE).stroke();
      doc.fillColor('#000000').font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(TABLE_FONT);
      doc.text(cells[i] ?? '', x + PAD, y + PAD, { width: widths[i] - 2 * PAD, align: header ? 'left' : (t.columns[i].align ?? 'left'), lineGap: 1 });
      x += widths[i];
    }
  };
  // caption and header (and at least one row) together
  const firstRow = t.rows.length ? heightOf(t.rows[0], false) : 0;
  if (doc.y + 20 + headerHeight + firstRow > bottom(doc)) doc.addPage();
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(9).text(t.caption, left, doc.y, { width });
  doc.moveDown(0.2);
  let y = doc.y;
  drawRow(headers, y, headerHeight, true);
  y += headerHeight;
  for (const r of t.rows) {
    const h = heightOf(r, false);
    if (y + h > bottom(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(headers, y, headerHeight, true);
      y += headerHeight;
    }
    drawRow(r, y, h, false);
    y += h;
  }
  doc.strokeColor('#000000');
  doc.x = left;
  doc.y = y + 8;
}

/** "Pagina n di m" at the foot of every page (written after the content, margins lifted). */
function pageNumbers(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(`Pagina ${i + 1 - range.start} di ${range.count}`, doc.page.margins.left, doc.page.height - 36, { width: contentWidth(doc), align: 'center' });
    doc.page.margins.bottom = saved;
  }
  doc.fillColor('#000000');
}
