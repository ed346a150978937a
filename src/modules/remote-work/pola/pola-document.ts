/**
 * The text of the POLA — the subsection "Organizzazione del lavoro agile" of the PIAO (DM 30 giugno
 * 2022, n. 132) written along the Linee guida sul POLA (DM 9 dicembre 2020) — in Italian, from the
 * body's live data (pola-data.ts). Pure: the same DocumentModel is previewed on the web page and
 * rendered as PDF and editable DOCX (src/platform/documents).
 *
 * Four parts, as the guidelines and both templates (ordinary and simplified) have them:
 *   1. Livello di attuazione e di sviluppo del lavoro agile
 *   2. Modalità attuative del lavoro agile
 *   3. Soggetti, processi e strumenti del lavoro agile
 *   4. Programma di sviluppo del lavoro agile
 * The simplified form (bodies with up to 50 employees) keeps the four parts with fewer tables
 * (no figures, coverage or managers per office, no monthly series; the activities only of the
 * offices that mapped them) and the programme's essential indicators.
 */
import type { Block, DocumentModel } from '../../../platform/documents/document-model.js';
import { dateIt, instantDateIt } from '../agreements/index.js';
import { monthNameIt, weekdayNameIt } from '../agreements/index.js';
import type { PolaData } from './pola-data.js';
import { SOURCE_IT } from './pola-digital.js';
import { DIMENSIONS, DIMENSION_IT, PHASES, PHASE_CONDITIONS_IT, PHASE_IT, numberIt, valueIt, type Dimension } from './pola-indicators.js';
import { coverageLabel } from './pola-terms.js';

export const PART_HEADINGS = {
  implementation: '1. Livello di attuazione e di sviluppo del lavoro agile',
  organisation: '2. Modalità attuative del lavoro agile',
  people: '3. Soggetti, processi e strumenti del lavoro agile',
  programme: '4. Programma di sviluppo del lavoro agile',
} as const;

const pct = (v: number | null) => valueIt('percent', v);
const n = (v: number) => numberIt(v);
const plural = (k: number, one: string, many: string) => `${n(k)} ${k === 1 ? one : many}`;
const h = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
const p = (text: string): Block => ({ kind: 'paragraph', text });
const note = (text: string): Block => ({ kind: 'paragraph', text, note: true });
const yesNo = (v: boolean | null) => (v === null ? 'non dichiarato' : v ? 'sì' : 'no');

function hrNote(d: PolaData, section: keyof PolaData['settings']['notes']): Block[] {
  const text = d.settings.notes[section]?.trim();
  return text ? text.split(/\n{2,}/).map((t) => p(t.replace(/\s*\n\s*/g, ' '))) : [];
}

// ------------------------------------------------------------------------------------------ 1

function implementation(d: PolaData): Block[] {
  const i = d.indicators;
  const s = i.summary;
  const worked = s.remoteDays + s.onsiteDays;
  const out: Block[] = [h(1, PART_HEADINGS.implementation)];
  out.push(
    p(
      `Nel mese di ${monthNameIt(d.month)} l’ente conta ${plural(d.headcount, 'dipendente in servizio', 'dipendenti in servizio')}; ` +
        `${plural(s.withAgreement, 'ha', 'hanno')} un accordo individuale di lavoro agile registrato e in vigore, pari al ${pct(s.agreementSharePercent)} del personale. ` +
        `L’obiettivo che l’ente si è dato è il ${pct(i.targetPercent)} ` +
        (i.gapPoints === null
          ? '(lo scarto non è misurabile senza personale registrato).'
          : i.gapPoints > 0
            ? `e mancano ${n(i.gapPoints)} punti percentuali per raggiungerlo.`
            : 'ed è raggiunto.'),
    ),
  );
  out.push(
    p(
      worked > 0
        ? `Nel piano del mese le giornate in lavoro agile sono ${n(s.remoteDays)} su ${n(worked)} giornate lavorate (${pct(s.remoteSharePercent)}); ` +
            `le giornate in sede sono ${n(s.onsiteDays)} e le assenze ${n(s.absentDays)}.`
        : 'Il piano dei giorni del mese non è ancora stato predisposto: la quota di giornate in lavoro agile sarà misurata sul piano mensile.',
    ),
  );
  const st = d.agreementStatus;
  out.push({
    kind: 'table',
    caption: 'Tabella 1 – Indicatori di attuazione',
    columns: [{ header: 'Indicatore', width: 5 }, { header: 'Valore', width: 2, align: 'right' }],
    rows: [
      ['Dipendenti in servizio', n(d.headcount)],
      ['Dipendenti con accordo di lavoro agile in vigore', n(s.withAgreement)],
      ['Quota di dipendenti in lavoro agile', pct(s.agreementSharePercent)],
      ['Obiettivo dell’ente', pct(i.targetPercent)],
      ['Scarto dall’obiettivo (punti percentuali)', i.gapPoints === null ? 'n.d.' : i.gapPoints > 0 ? n(i.gapPoints) : 'obiettivo raggiunto'],
      ['Giornate in lavoro agile nel mese', n(s.remoteDays)],
      ['Giornate in sede nel mese', n(s.onsiteDays)],
      ['Quota di giornate in lavoro agile sulle giornate lavorate', pct(s.remoteSharePercent)],
      ['Richieste di accordo in attesa di decisione', n(st.requested ?? 0)],
      ['Accordi approvati in attesa di registrazione', n(st.approved ?? 0)],
    ],
  });
  if (!d.simplified.applied) {
    out.push({
      kind: 'table',
      caption: `Tabella 2 – Attuazione per ufficio (${monthNameIt(d.month)})`,
      columns: [
        { header: 'Ufficio', width: 5 },
        { header: 'Dipendenti', width: 1.6, align: 'right' },
        { header: 'Con accordo', width: 1.6, align: 'right' },
        { header: '% con accordo', width: 1.8, align: 'right' },
        { header: '% giornate agili', width: 1.8, align: 'right' },
      ],
      rows: i.offices.map((o) => [o.name, n(o.headcount), n(o.withAgreement), pct(o.agreementSharePercent), pct(o.remoteSharePercent)]),
    });
    out.push({
      kind: 'table',
      caption: 'Tabella 3 – Andamento negli ultimi 12 mesi',
      columns: [
        { header: 'Mese', width: 3 },
        { header: 'Con accordo', width: 2, align: 'right' },
        { header: '% con accordo', width: 2, align: 'right' },
        { header: '% giornate agili', width: 2, align: 'right' },
      ],
      rows: i.months.map((m) => [monthNameIt(m.month), n(m.withAgreement), pct(m.agreementSharePercent), pct(m.remoteSharePercent)]),
    });
  }
  out.push(note(`Fonte: indicatori del lavoro agile dell’ente (accordi registrati e piano dei giorni), aggiornati al ${i.refreshedAt ? instantDateIt(i.refreshedAt) : dateIt(d.today)}.`));
  out.push(...hrNote(d, 'implementation'));
  return out;
}

// ------------------------------------------------------------------------------------------ 2

function organisation(d: PolaData): Block[] {
  const out: Block[] = [h(1, PART_HEADINGS.organisation)];
  const t = d.terms;
  const remotable = d.offices.reduce((s, o) => s + o.activities.filter((a) => a.remotable).length, 0);
  const activities = d.offices.reduce((s, o) => s + o.activities.length, 0);
  const mapped = d.offices.filter((o) => o.activities.length > 0).length;
  out.push(h(2, '2.1 Attività svolgibili in lavoro agile'));
  out.push(
    p(
      'Il lavoro agile è consentito per le attività che possono essere svolte a distanza senza pregiudizio per il servizio. ' +
        (mapped === 0
          ? `Nessuno dei ${plural(d.offices.length, 'ufficio', 'uffici')} ha ancora mappato le proprie attività: la mappatura è la prima condizione della fase di avvio.`
          : `Gli uffici che hanno mappato le proprie attività sono ${n(mapped)} su ${n(d.offices.length)}: ` +
            `delle ${plural(activities, 'attività mappata', 'attività mappate')}, ${n(remotable)} ${remotable === 1 ? 'è svolgibile' : 'sono svolgibili'} in lavoro agile ` +
            `e ${n(activities - remotable)} ${activities - remotable === 1 ? 'richiede' : 'richiedono'} la presenza in sede.`),
    ),
  );
  // the simplified form lists only the offices that mapped their activities
  const activityOffices = d.simplified.applied ? d.offices.filter((o) => o.activities.length > 0) : d.offices;
  if (activityOffices.length) {
    out.push({
      kind: 'table',
      caption: 'Tabella 4 – Attività per ufficio',
      columns: [
        { header: 'Ufficio', width: 3 },
        { header: 'Svolgibili in lavoro agile', width: 4 },
        { header: 'Da svolgere in sede', width: 4 },
      ],
      rows: activityOffices.map((o) => [
        o.name,
        o.activities.filter((a) => a.remotable).map((a) => a.name).join('; ') || '—',
        o.activities.filter((a) => !a.remotable).map((a) => a.name).join('; ') || '—',
      ]),
    });
  }
  out.push(h(2, '2.2 Presidio in sede e sportelli'));
  const covered = d.offices.filter((o) => o.coverage.some((c) => c.minOnSite > 0));
  out.push(
    p(
      `Ogni giorno lavorativo ciascun ufficio garantisce un numero minimo di persone in sede, anche per competenza (ad esempio lo sportello al pubblico); ` +
        `il piano mensile dei giorni in lavoro agile rispetta questi minimi. Gli uffici con regole di presidio definite sono ${n(covered.length)} su ${n(d.offices.length)}.`,
    ),
  );
  if (!d.simplified.applied && covered.length) {
    out.push({
      kind: 'table',
      caption: 'Tabella 5 – Presidio minimo in sede per ufficio',
      columns: [
        { header: 'Ufficio', width: 4 },
        { header: 'Presidio dell’ufficio', width: 3 },
        { header: 'Per competenza', width: 4 },
      ],
      rows: covered.map((o) => {
        const lines = coverageLabel(o.coverage);
        const total = lines.find((l) => l.skill === '');
        return [o.name, total?.text ?? '—', lines.filter((l) => l.skill !== '').map((l) => `${l.skill}: ${l.text}`).join('; ') || '—'];
      }),
    });
  }
  out.push(h(2, '2.3 Giorni, contattabilità e disconnessione'));
  if (t.inForce === 0) {
    out.push(p('Non ci sono ancora accordi individuali in vigore: giorni, fasce di contattabilità e di disconnessione saranno quelli stabiliti negli accordi.'));
  } else {
    out.push(
      p(
        `Ogni accordo individuale, scritto ai sensi degli articoli 18-23 della legge 81/2017, stabilisce i giorni di lavoro agile, la fascia di operatività, ` +
          `le fasce di contattabilità e la fascia di disconnessione con le misure tecniche e organizzative che la assicurano. ` +
          `Accordi in vigore oggi: ${n(t.inForce)}; tra parentesi quanti accordi prevedono ciascuna scelta.`,
      ),
    );
    out.push({
      kind: 'list',
      items: [
        `giorni di lavoro agile: ${t.remoteDays.map((x) => `${x.value} (${n(x.agreements)})`).join('; ')}`,
        `giorni della settimana consentiti: ${t.weekdays.map((w) => `${weekdayNameIt(w.weekday)} ${n(w.agreements)}`).join(', ')}`,
        `fascia di operatività: ${t.workingHours.map((x) => `${x.value} (${n(x.agreements)})`).join('; ')}`,
        `fasce di contattabilità: ${t.reachability.map((x) => `${x.value} (${n(x.agreements)})`).join('; ')}`,
        `fascia di disconnessione: ${t.disconnection.map((x) => `${x.value} (${n(x.agreements)})`).join('; ')}`,
      ],
    });
  }
  out.push(h(2, '2.4 Luoghi e strumenti di lavoro'));
  out.push(
    p(
      `Il lavoratore sceglie un luogo idoneo, diverso dalla sede, che consenta la prestazione in sicurezza e la riservatezza dei dati trattati` +
        (t.inForce ? `; ${plural(t.placeSpecific, 'accordo stabilisce', 'accordi stabiliscono')} regole proprie sul luogo.` : '.') +
        (t.inForce
          ? ` Gli strumenti di lavoro sono indicati in ${plural(t.inForce - t.equipmentStandard, 'accordo', 'accordi')}` +
            (t.equipment.length ? ` (i più frequenti: ${t.equipment.map((e) => `${e.value}, ${n(e.agreements)}`).join('; ')}${t.equipmentOther ? `; altri ${n(t.equipmentOther)}` : ''})` : '') +
            `; negli altri si applica la clausola generale: strumenti forniti dall’ente o, con il consenso del lavoratore, personali.`
          : ''),
    ),
  );
  out.push(p(`Accordi in vigore con l’informativa scritta sulla salute e sicurezza sottoscritta (art. 22 della legge 81/2017): ${n(t.safetyAcknowledged)} su ${n(t.inForce)}.`));
  out.push(...hrNote(d, 'organisation'));
  return out;
}

// ------------------------------------------------------------------------------------------ 3

function people(d: PolaData): Block[] {
  const out: Block[] = [h(1, PART_HEADINGS.people)];
  const managed = d.offices.filter((o) => o.managerName);
  out.push(h(2, '3.1 Soggetti'));
  out.push({
    kind: 'list',
    items: [
      `Ufficio del personale, che redige il piano, registra gli accordi e ne cura il monitoraggio: ${d.people.hrManagers.join(', ') || 'da individuare'}.`,
      `Responsabili d’ufficio, che approvano gli accordi, pianificano i giorni garantendo il presidio e assegnano gli obiettivi: ${n(managed.length)} uffici su ${n(d.offices.length)} hanno un responsabile individuato.`,
      `Dipendenti: ${n(d.people.activeEmployees)} in servizio, di cui ${n(d.people.employeesWithAccount)} con accesso alla piattaforma per chiedere l’accordo e consultare il proprio calendario.`,
      'Concorrono inoltre, secondo le Linee guida, i dirigenti, il Comitato unico di garanzia, l’Organismo indipendente di valutazione e il Responsabile per la transizione al digitale.',
    ],
  });
  if (!d.simplified.applied && managed.length) {
    out.push({
      kind: 'table',
      caption: 'Tabella 6 – Responsabili d’ufficio',
      columns: [{ header: 'Ufficio', width: 3 }, { header: 'Responsabile', width: 2 }],
      rows: managed.map((o) => [o.name, o.managerName ?? '']),
    });
  }
  out.push(h(2, '3.2 Processi'));
  const f = d.flow;
  const o = d.objectives;
  out.push({
    kind: 'list',
    items: [
      `Accordi individuali: richiesta del dipendente, decisione motivata del responsabile, registrazione dell’ufficio del personale, rinnovo e recesso con i preavvisi di legge. ` +
        `Dal ${dateIt(d.flowSince)}: ${plural(f.requested, 'richiesta', 'richieste')}, ${plural(f.approved, 'approvazione', 'approvazioni')}, ` +
        `${plural(f.refused, 'diniego', 'dinieghi')}, ${plural(f.registered, 'registrazione', 'registrazioni')}, ${plural(f.withdrawn, 'recesso', 'recessi')}.`,
      'Piano mensile dei giorni in lavoro agile, calcolato rispettando i giorni e le regole degli accordi e il presidio minimo di ogni ufficio; scambi di giorni verificati sul presidio.',
      `Lavoro per obiettivi: ${plural(o.activeObjectives, 'obiettivo in corso', 'obiettivi in corso')} con indicatori e resoconti periodici dei responsabili; ` +
        `${plural(o.employeesCovered, 'dipendente ha', 'dipendenti hanno')} obiettivi assegnati; ${plural(o.reportsLast90Days, 'resoconto inviato', 'resoconti inviati')} negli ultimi 90 giorni.`,
      'Monitoraggio: indicatori aggiornati di continuo per ufficio e per ente, confrontati con l’obiettivo dell’ente.',
    ],
  });
  out.push(h(2, '3.3 Strumenti (salute digitale)'));
  const g = d.digital;
  const rows: string[][] = [
    ['Dispositivi forniti dall’ente per il lavoro agile', g.devicesProvided.value === null ? 'non dichiarato' : n(g.devicesProvided.value), SOURCE_IT[g.devicesProvided.source]],
    ['Accesso sicuro alla rete (VPN)', yesNo(g.vpn.value), SOURCE_IT[g.vpn.source]],
    ['Intranet accessibile da remoto', yesNo(g.intranet.value), SOURCE_IT[g.intranet.source]],
    ['Strumenti di collaborazione', yesNo(g.collaborationTools.value) + (g.toolsNote ? ` (${g.toolsNote})` : ''), SOURCE_IT[g.collaborationTools.source]],
    ['Applicativi accessibili da remoto', g.remoteAppsPercent.value === null ? 'non dichiarato' : pct(g.remoteAppsPercent.value), SOURCE_IT[g.remoteAppsPercent.source]],
    ['Persone con firma digitale', g.digitalSignatureHolders.value === null ? 'non dichiarato' : n(g.digitalSignatureHolders.value), SOURCE_IT[g.digitalSignatureHolders.source]],
    ['Processi digitalizzati', g.digitisedProcessesPercent.value === null ? 'non dichiarato' : pct(g.digitisedProcessesPercent.value), SOURCE_IT[g.digitisedProcessesPercent.source]],
  ];
  out.push(p('La piattaforma Agile PA gestisce accordi, piano dei giorni, calendari, obiettivi e indicatori. Le dotazioni digitali dell’ente sono:'));
  out.push({ kind: 'table', caption: 'Tabella 7 – Dotazioni digitali', columns: [{ header: 'Dotazione', width: 4 }, { header: 'Situazione', width: 3 }, { header: 'Fonte', width: 2.4 }], rows });
  out.push(note('«Dichiarato dall’ente»: dato indicato dall’ufficio del personale; sarà sostituito dai servizi attivati nel catalogo dei servizi quando disponibili.'));
  out.push(...hrNote(d, 'people'));
  return out;
}

// ------------------------------------------------------------------------------------------ 4

function programmeBlocks(d: PolaData): Block[] {
  const out: Block[] = [h(1, PART_HEADINGS.programme)];
  const [y1, y2, y3] = d.years;
  out.push(
    p(
      `Il programma di sviluppo si articola nel triennio ${y1}–${y3} in tre fasi: fase di avvio (${y1}), fase di sviluppo intermedio (${y2}) e fase di sviluppo avanzato (${y3}). ` +
        'Per ogni fase sono indicate le condizioni abilitanti da realizzare; per ogni dimensione gli indicatori con il valore di partenza, misurato oggi, e i valori attesi per anno.',
    ),
  );
  out.push({
    kind: 'table',
    caption: 'Tabella 8 – Fasi e condizioni abilitanti',
    columns: [{ header: 'Anno', width: 1 }, { header: 'Fase', width: 2.2 }, { header: 'Condizioni abilitanti', width: 7 }],
    rows: PHASES.map((ph, k) => [String(d.years[k]), PHASE_IT[ph], PHASE_CONDITIONS_IT[ph].join('; ')]),
  });
  let table = 9;
  for (const dim of DIMENSIONS as readonly Dimension[]) {
    const items = d.programme.filter((x) => x.dimension === dim);
    if (!items.length) continue;
    out.push(h(2, DIMENSION_IT[dim]));
    out.push({
      kind: 'table',
      caption: `Tabella ${table++} – ${DIMENSION_IT[dim]}: indicatori e valori attesi`,
      columns: [
        { header: 'Indicatore', width: 5 },
        { header: 'Fonte', width: 1.8 },
        { header: 'Partenza', width: 1.5, align: 'right' },
        ...d.years.map((y) => ({ header: String(y), width: 1.5, align: 'right' as const })),
      ],
      rows: items.map((x) => [
        x.nameIt,
        x.source === 'live' ? 'dati dell’ente' : 'dichiarato dall’ente',
        valueIt(x.unit, x.baseline),
        ...x.targets.map((t) => valueIt(x.unit, t.value, 'da definire')),
      ]),
    });
  }
  out.push(note('I valori attesi sono fissati dall’ufficio del personale; la quota di lavoratori agili, se non fissata, cresce in parti uguali fino all’obiettivo dell’ente nel terzo anno.'));
  out.push(...hrNote(d, 'programme'));
  return out;
}

// ------------------------------------------------------------------------------------------ the document

export function polaTitle(d: Pick<PolaData, 'years'>): string {
  return `Organizzazione del lavoro agile – PIAO ${d.years[0]}–${d.years[d.years.length - 1]}`;
}

export function polaDocument(d: PolaData): DocumentModel {
  const form = d.simplified.applied
    ? `modello semplificato per le amministrazioni fino a ${d.simplified.threshold} dipendenti`
    : 'modello ordinario';
  return {
    title: polaTitle(d),
    subtitle:
      'Sottosezione «Organizzazione del lavoro agile» del Piano integrato di attività e organizzazione (DM 30 giugno 2022, n. 132), ' +
      'redatta secondo le Linee guida sul Piano organizzativo del lavoro agile (DM 9 dicembre 2020)',
    reference: `${d.organizationName} · dati al ${dateIt(d.today)} · ${form}`,
    author: d.organizationName,
    language: 'it-IT',
    blocks: [
      p(
        `La presente sottosezione è redatta con i dati dell’ente registrati nella piattaforma Agile PA al ${dateIt(d.today)}: uffici e attività, accordi individuali, ` +
          'piano dei giorni, obiettivi e indicatori. Le voci indicate come «dichiarato dall’ente» sono indicate dall’ufficio del personale.' +
          (d.simplified.applied
            ? ` Si adotta il modello semplificato previsto per le amministrazioni fino a ${d.simplified.threshold} dipendenti` +
              (d.simplified.override === null ? ` (l’ente ne conta ${n(d.headcount)}).` : d.simplified.automatic ? '.' : ', per scelta dell’ente.')
            : d.simplified.override === false && d.simplified.automatic
              ? ' Pur avendo fino a 50 dipendenti, l’ente adotta il modello ordinario.'
              : ''),
      ),
      ...implementation(d),
      ...organisation(d),
      ...people(d),
      ...programmeBlocks(d),
    ],
    footer: `Documento generato da Agile PA il ${dateIt(d.today)} dai dati di ${d.organizationName}; il formato DOCX è modificabile prima dell’adozione del PIAO.`,
  };
}
