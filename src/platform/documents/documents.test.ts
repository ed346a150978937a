/** The shared document renderers: the same blocks in the PDF and in the DOCX, tables across pages. */
import { describe, expect, it } from 'vitest';
import { documentPlainText, fileSlug, type DocumentModel } from './document-model.js';
import { renderPdf } from './pdf.js';
import { renderDocx } from './docx.js';
import { docxText, pdfText, unzip } from './read-documents.test-support.js';

const rows = Array.from({ length: 120 }, (_, i) => [`Ufficio n. ${i + 1}`, String(i * 3), `${(i % 100) + 0.5}%`]);
const model: DocumentModel = {
  title: 'Piano di prova',
  subtitle: 'Sottotitolo con accenti: è, à, ù, perché',
  reference: 'Provincia di Prova · 2027',
  author: 'Provincia di Prova',
  blocks: [
    { kind: 'heading', level: 1, text: '1. Prima parte' },
    { kind: 'paragraph', text: 'L’ente ha 600 dipendenti e un obiettivo del 60 %: spesa € 1.234,56.' },
    { kind: 'list', items: ['primo punto', 'secondo punto'] },
    { kind: 'table', caption: 'Tabella 1 – Uffici', columns: [{ header: 'Ufficio', width: 3 }, { header: 'Persone', width: 1, align: 'right' }, { header: 'Quota', width: 1, align: 'right' }], rows },
    { kind: 'heading', level: 2, text: '1.1 Dopo la tabella' },
    { kind: 'paragraph', text: 'Fonte: dichiarato dall’ente.', note: true },
  ],
  footer: 'Generato da Agile PA',
};

describe('renderPdf', () => {
  it('writes every heading, paragraph, list item and table cell, with accents and the euro sign, over several pages', async () => {
    const pdf = await renderPdf(model);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const s of ['Piano di prova', 'è, à, ù, perché', '1. Prima parte', 'L’ente ha 600 dipendenti', '€ 1.234,56', 'primo punto', 'Tabella 1 – Uffici', 'Ufficio n. 1', 'Ufficio n. 120', '357', '1.1 Dopo la tabella', 'dichiarato dall’ente', 'Generato da Agile PA']) {
      expect(text, s).toContain(s);
    }
    // 120 rows do not fit a page: the header row is repeated and pages are numbered
    const headerRepeats = text.split('Ufficio Persone Quota').length - 1;
    expect(headerRepeats).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/Pagina 1 di (\d+)/);
    const pages = Number(/Pagina 1 di (\d+)/.exec(text)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain(`Pagina ${pages} di ${pages}`);
  });
});

describe('renderDocx', () => {
  it('is a Word document with headings as Heading styles, a header row that repeats, and every text', async () => {
    const docx = await renderDocx(model);
    const files = unzip(docx);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['word/document.xml', '[Content_Types].xml', 'word/numbering.xml']));
    const xml = files['word/document.xml'].toString('utf8');
    expect(xml).toContain('w:tblHeader');
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
    const text = docxText(docx);
    for (const s of ['Piano di prova', '1. Prima parte', '€ 1.234,56', 'secondo punto', 'Ufficio n. 120', '1.1 Dopo la tabella', 'dichiarato dall’ente']) expect(text, s).toContain(s);
  });
});

describe('helpers', () => {
  it('plain text and file slugs', () => {
    const t = documentPlainText(model);
    expect(t.split('\n')[0]).toBe('Piano di prova');
    expect(t).toContain('Ufficio n. 7 | 18 | 6.5%');
    expect(fileSlug('Provincia di Lucca – PIAO 2027/2029')).toBe('provincia-di-lucca-piao-2027-2029');
    expect(fileSlug('***')).toBe('documento');
  });
});
