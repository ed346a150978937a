/**
 * A document as data: a title, headings, paragraphs, bulleted lists and tables. Modules build one
 * with a pure function (the text of a plan, a report, minutes) and render it with `renderPdf`
 * (pdf.ts) or `renderDocx` (docx.ts), so the PDF and the editable DOCX always say the same thing
 * and a web page can preview the same blocks.
 */

export interface TableColumn {
  header: string;
  /** Relative width (the widths of a table's columns are proportions of the page width). */
  width: number;
  align?: 'left' | 'right';
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; /** smaller, grey: a source or a remark */ note?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; caption: string; columns: TableColumn[]; rows: string[][] };

export interface DocumentModel {
  title: string;
  subtitle?: string;
  /** A short line under the subtitle (body, date, reference). */
  reference?: string;
  /** BCP 47 language of the text (default it-IT). */
  language?: string;
  /** Who the document is by (PDF and DOCX metadata). */
  author?: string;
  blocks: Block[];
  /** Small print at the end. */
  footer?: string;
}

/** Every piece of text of the document, in order, one per line (tests, plain-text views, search). */
export function documentPlainText(d: DocumentModel): string {
  const out: string[] = [d.title];
  if (d.subtitle) out.push(d.subtitle);
  if (d.reference) out.push(d.reference);
  for (const b of d.blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') out.push(b.text);
    else if (b.kind === 'list') out.push(...b.items);
    else {
      out.push(b.caption, b.columns.map((c) => c.header).join(' | '));
      for (const r of b.rows) out.push(r.join(' | '));
    }
  }
  if (d.footer) out.push(d.footer);
  return out.join('\n');
}

/** A file name from free text: ASCII letters and digits joined by dashes, lower case. */
export function fileSlug(s: string, fallback = 'documento'): string {
  return (
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 80) || fallback
  );
}

export const DOCUMENT_CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export type DocumentFormat = keyof typeof DOCUMENT_CONTENT_TYPES;
