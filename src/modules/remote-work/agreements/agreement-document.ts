/**
 * The text of an individual remote-work agreement, in Italian, built from the stored agreement:
 * every clause Law 81/2017 (art. 18-23) and the public-sector contracts ask for — parties,
 * duration, remote days and weekdays, working hours and reachability windows, the right to
 * disconnect and its technical measures, place, equipment, the written safety information
 * acknowledged, control, equal treatment, withdrawal, signatures. Pure: a DocumentModel that the
 * platform's renderers (src/platform/documents) lay out as PDF and editable DOCX.
 */
import { DISABLED_WORKER_EMPLOYER_NOTICE_DAYS, WITHDRAWAL_NOTICE_DAYS, isoWeekday, lastDayInForce, weekdayNameIt, type AgreementStatus } from './agreement-rules.js';
import type { Block, DocumentModel } from '../../../platform/documents/document-model.js';
import type { AgreementRow } from './agreements.repo.js';

const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2027-01-04' → '4 gennaio 2027'. */
export function dateIt(d: string | null): string {
  if (!d) return '';
  const [y, m, day] = d.slice(0, 10).split('-').map(Number);
  return `${day === 1 ? '1º' : day} ${MONTHS[m - 1]} ${y}`;
}

export function dateEn(d: string | null): string {
  if (!d) return '';
  const [y, m, day] = d.slice(0, 10).split('-').map(Number);
  return `${day} ${MONTHS_EN[m - 1]} ${y}`;
}

/** An instant as its Rome calendar date in Italian. */
export function instantDateIt(iso: string | null): string {
  if (!iso) return '';
  const d = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  return dateIt(d);
}

export const STATUS_IT: Record<AgreementStatus, string> = {
  requested: 'richiesto',
  approved: 'approvato',
  refused: 'respinto',
  registered: 'registrato',
  withdrawn: 'receduto',
  expired: 'scaduto',
};

export const STATUS_EN: Record<AgreementStatus, string> = {
  requested: 'requested',
  approved: 'approved',
  refused: 'refused',
  registered: 'registered',
  withdrawn: 'withdrawn',
  expired: 'expired',
};

export function weekdaysListIt(days: number[]): string {
  const names = [...days].sort((a, b) => a - b).map(weekdayNameIt);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} e ${names[names.length - 1]}`;
}

export function durationIt(a: Pick<AgreementRow, 'startsOn' | 'endsOn'>): string {
  return a.endsOn ? `dal ${dateIt(a.startsOn)} al ${dateIt(a.endsOn)}` : `a tempo indeterminato, dal ${dateIt(a.startsOn)}`;
}

export function remoteDaysIt(a: Pick<AgreementRow, 'maxRemotePerWeek' | 'maxRemotePerMonth' | 'allowedWeekdays'>): string {
  const caps: string[] = [];
  if (a.maxRemotePerWeek !== null) caps.push(`al massimo ${a.maxRemotePerWeek} ${a.maxRemotePerWeek === 1 ? 'giorno' : 'giorni'} a settimana`);
  if (a.maxRemotePerMonth !== null) caps.push(`al massimo ${a.maxRemotePerMonth} ${a.maxRemotePerMonth === 1 ? 'giorno' : 'giorni'} al mese`);
  const cap = caps.length ? caps.join(' e ') : 'nei giorni indicati dal calendario concordato';
  return `${cap}, nei giorni di ${weekdaysListIt(a.allowedWeekdays)}`;
}

interface DocumentSection {
  heading: string;
  paragraphs: string[];
  /** A list after the paragraphs (reachability windows, the days of a plan). */
  list?: string[];
}

export interface DocumentParties {
  /** The body's name. */
  organizationName: string;
  /** Who signs for the body (the person who registered, or the office manager), if known. */
  employerSigner: string | null;
}

const DEFAULT_MEASURES =
  'Nella fascia di disconnessione il lavoratore non è tenuto a leggere la posta elettronica, a rispondere a telefonate e messaggi, ' +
  'né ad accedere ai sistemi informativi dell’Amministrazione; i sistemi di messaggistica e di posta non inviano notifiche e ' +
  'le comunicazioni ricevute sono trattate dalla ripresa del servizio.';
const DEFAULT_PLACE =
  'Il lavoratore sceglie un luogo idoneo, diverso dalla sede di servizio, che consenta il pieno esercizio dell’attività in ' +
  'condizioni di sicurezza e di riservatezza dei dati e delle informazioni trattate, e comunica all’Amministrazione il luogo abituale.';
const DEFAULT_EQUIPMENT =
  'Gli strumenti tecnologici necessari sono forniti dall’Amministrazione oppure, con il consenso del lavoratore, sono quelli ' +
  'personali, nel rispetto delle regole di sicurezza informatica dell’Amministrazione.';
const DEFAULT_ACTIVITIES = 'le attività dell’ufficio che possono essere svolte a distanza, individuate dall’Amministrazione';

function windowsIt(a: AgreementRow): string[] {
  const out: string[] = [];
  for (const d of [...a.allowedWeekdays].sort((x, y) => x - y)) {
    const w = a.reachability[String(d)] ?? [];
    if (w.length) out.push(`${weekdayNameIt(d)}: ${w.map(([f, t]) => `dalle ${f} alle ${t}`).join('; ')}`);
  }
  return out;
}

function planIt(a: AgreementRow): string[] {
  if (!a.monthlyPlan) return [];
  const days = Object.entries(a.monthlyPlan).sort(([x], [y]) => (x < y ? -1 : 1));
  return days.map(([d, k]) => `${weekdayNameIt(isoWeekday(d))} ${dateIt(d)}: ${k === 'remote' ? 'lavoro agile' : 'in sede'}`);
}

function withdrawalIt(a: AgreementRow): string[] {
  const out: string[] = [];
  if (a.endsOn) {
    out.push(
      'L’accordo è a tempo determinato: in presenza di un giustificato motivo ciascuna delle parti può recedere prima della scadenza del termine ' +
        '(art. 19, comma 2, della legge 81/2017).',
    );
  } else {
    out.push(
      `Ciascuna delle parti può recedere dall’accordo con un preavviso non inferiore a ${WITHDRAWAL_NOTICE_DAYS} giorni. ` +
        `Nel caso di lavoratori disabili ai sensi dell’art. 1 della legge 12 marzo 1999, n. 68, il preavviso del recesso da parte ` +
        `dell’Amministrazione non può essere inferiore a ${DISABLED_WORKER_EMPLOYER_NOTICE_DAYS} giorni. In presenza di un giustificato motivo ` +
        'ciascuna delle parti può recedere senza preavviso (art. 19, comma 2, della legge 81/2017).',
    );
  }
  out.push('Il recesso è comunicato per iscritto all’altra parte e indica il giorno da cui ha effetto.');
  if (a.withdrawnByParty && a.withdrawalNotifiedOn && a.withdrawalEffectiveOn) {
    const who = a.withdrawnByParty === 'employee' ? 'del lavoratore' : 'dell’Amministrazione';
    out.push(
      `Recesso ${who} comunicato il ${dateIt(a.withdrawalNotifiedOn)}${a.withdrawalJustified ? ' per giustificato motivo' : ''}: ` +
        `l’accordo è in vigore fino al ${dateIt(a.withdrawalEffectiveOn)} compreso.${a.withdrawalReason ? ` Motivo: ${a.withdrawalReason}` : ''}`,
    );
  }
  return out;
}

/** The whole agreement as headed sections of Italian paragraphs. */
export function agreementDocument(a: AgreementRow, p: DocumentParties): DocumentModel {
  const reach = windowsIt(a);
  const last = lastDayInForce(a);
  const sections: DocumentSection[] = [
    {
      heading: 'Parti',
      paragraphs: [
        `Tra ${p.organizationName} (di seguito «Amministrazione»)${p.employerSigner ? `, rappresentata da ${p.employerSigner},` : ''} ` +
          `e ${a.employeeName}, codice fiscale ${a.employeeTaxCode}, in servizio presso ${a.officeName} (di seguito «lavoratore»), ` +
          'si conviene quanto segue.',
      ],
    },
    {
      heading: 'Art. 1 – Oggetto',
      paragraphs: [
        'Il lavoratore svolge una parte della propria prestazione lavorativa in modalità agile, ai sensi degli articoli 18-23 della ' +
          'legge 22 maggio 2017, n. 81 e del contratto collettivo nazionale di lavoro del comparto, senza precisi vincoli di orario o di ' +
          `luogo di lavoro e alternando giorni in sede e giorni a distanza, per ${a.activities.trim() ? `le seguenti attività: ${a.activities.trim().replace(/[.;\s]+$/, '')}` : DEFAULT_ACTIVITIES}.`,
      ],
    },
    {
      heading: 'Art. 2 – Durata',
      paragraphs: [
        `Il presente accordo ha durata ${durationIt(a)}.` + (a.renewedFrom ? ' Rinnova un accordo precedente, alla sua scadenza.' : ''),
      ],
    },
    {
      heading: 'Art. 3 – Giorni di lavoro agile',
      paragraphs: [
        `Il lavoratore può svolgere la prestazione in modalità agile ${remoteDaysIt(a)}. Gli altri giorni lavorativi la prestazione è resa in sede. ` +
          'Le giornate sono pianificate con il responsabile dell’ufficio nel rispetto del presidio minimo in sede.',
        ...(a.monthlyPlan ? ['Le parti concordano il seguente calendario dei giorni:'] : []),
      ],
      list: planIt(a),
    },
    {
      heading: 'Art. 4 – Orario e fasce di contattabilità',
      paragraphs: [
        `Nelle giornate in lavoro agile la prestazione si colloca nella fascia di operatività dalle ${a.workingFrom} alle ${a.workingTo}, ` +
          'nel rispetto della durata massima dell’orario di lavoro giornaliero e settimanale.',
        'Il lavoratore è contattabile nelle seguenti fasce:',
      ],
      list: reach,
    },
    {
      heading: 'Art. 5 – Diritto alla disconnessione',
      paragraphs: [
        `Dalle ${a.disconnectionFrom} alle ${a.disconnectionTo} del giorno successivo il lavoratore ha diritto alla disconnessione: ` +
          'non svolge alcuna prestazione e non è tenuto a essere contattabile. Come previsto dal contratto collettivo, la fascia comprende ' +
          'il riposo consecutivo di almeno 11 ore e le ore dalle 22:00 alle 6:00; il presente accordo individua i tempi di riposo e le ' +
          'misure per assicurare la disconnessione (art. 19, comma 1, della legge 81/2017).',
        `Misure tecniche e organizzative per la disconnessione: ${a.disconnectionMeasures.trim() || DEFAULT_MEASURES}`,
      ],
    },
    { heading: 'Art. 6 – Luogo della prestazione', paragraphs: [a.placeRules.trim() || DEFAULT_PLACE] },
    { heading: 'Art. 7 – Strumenti di lavoro', paragraphs: [a.equipment.trim() || DEFAULT_EQUIPMENT] },
    {
      heading: 'Art. 8 – Salute e sicurezza',
      paragraphs: [
        'L’Amministrazione garantisce la salute e la sicurezza del lavoratore e consegna, con cadenza almeno annuale, un’informativa ' +
          'scritta sui rischi generali e specifici connessi alla prestazione resa all’esterno dei locali dell’Amministrazione; il ' +
          'lavoratore coopera all’attuazione delle misure di prevenzione (art. 22 della legge 81/2017).',
        a.safetyInfoAcknowledgedAt
          ? `Il lavoratore ha ricevuto l’informativa scritta sulla salute e sicurezza e ne ha preso visione il ${instantDateIt(a.safetyInfoAcknowledgedAt)}.`
          : 'Il lavoratore non ha ancora dichiarato di aver preso visione dell’informativa scritta sulla salute e sicurezza: l’accordo non può essere registrato prima.',
        'Il lavoratore ha diritto alla tutela contro gli infortuni sul lavoro e le malattie professionali, anche in itinere, secondo l’art. 23 della legge 81/2017.',
      ],
    },
    {
      heading: 'Art. 9 – Potere di controllo e riservatezza',
      paragraphs: [
        'L’esercizio del potere di controllo sulla prestazione resa all’esterno dei locali dell’Amministrazione avviene nel rispetto ' +
          'dell’art. 4 della legge 20 maggio 1970, n. 300; le condotte che danno luogo a sanzioni disciplinari sono quelle previste dal ' +
          'codice disciplinare (art. 21 della legge 81/2017). Il lavoratore custodisce con diligenza gli strumenti e tutela la riservatezza ' +
          'dei dati trattati.',
      ],
    },
    {
      heading: 'Art. 10 – Trattamento economico e normativo',
      paragraphs: [
        'Il lavoratore ha diritto a un trattamento economico e normativo non inferiore a quello dei lavoratori che svolgono le stesse ' +
          'mansioni esclusivamente in sede (art. 20 della legge 81/2017).',
      ],
    },
    { heading: 'Art. 11 – Recesso', paragraphs: withdrawalIt(a) },
  ];
  const state =
    `Stato dell’accordo: ${STATUS_IT[a.status]}` +
    (a.registeredAt ? ` (registrazione del ${instantDateIt(a.registeredAt)})` : '') +
    (last && (a.status === 'withdrawn' || a.status === 'expired') ? `; in vigore fino al ${dateIt(last)}` : '') +
    '.';
  const blocks: Block[] = [];
  for (const sec of sections) {
    blocks.push({ kind: 'heading', level: 2, text: sec.heading });
    for (const text of sec.paragraphs) blocks.push({ kind: 'paragraph', text });
    if (sec.list?.length) blocks.push({ kind: 'list', items: sec.list });
  }
  blocks.push(
    { kind: 'heading', level: 2, text: 'Firme' },
    { kind: 'paragraph', text: 'Luogo e data ____________________' },
    {
      kind: 'table',
      caption: 'Firme delle parti',
      columns: [
        { header: 'Per l’Amministrazione', width: 1 },
        { header: 'Il lavoratore', width: 1 },
      ],
      rows: [
        [p.employerSigner ?? '', a.employeeName],
        ['Firma: ______________________', 'Firma: ______________________'],
      ],
    },
  );
  return {
    title: 'Accordo individuale di lavoro agile',
    subtitle: 'ai sensi degli articoli 18-23 della legge 22 maggio 2017, n. 81',
    reference: `${p.organizationName} · ${a.officeName} · identificativo ${a.id}`,
    language: 'it-IT',
    author: p.organizationName,
    blocks,
    footer: state,
  };
}
