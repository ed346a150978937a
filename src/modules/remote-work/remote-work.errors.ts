/**
 * Domain errors of the remote-work module (stable codes, Italian titles first). Each area of the
 * module (offices and employees, agreements, plans, indicators, POLA, objectives) adds its own
 * group below; codes start with the area: `office.`, `employee.`, `agreement.`, `plan.`, …
 */
import { defineError } from '../../platform/http/errors.js';

export const remoteWorkErrors = {
  forbidden: defineError('remote_work.forbidden', { status: 403, title: 'Non hai il ruolo necessario per questa operazione sul lavoro agile', titleEn: 'You lack the role for this remote-work operation' }),
};

// Offices and people: offices, coverage rules, activities, employees, CSV import, absences, closures, target.
export const officeErrors = {
  noBody: defineError('office.no_body', { status: 403, title: 'Scegli prima l’ente per cui operi', titleEn: 'Choose the body you act for first' }),
  officeNotFound: defineError('office.not_found', { status: 404, title: 'Ufficio non trovato', titleEn: 'Office not found' }),
  codeTaken: defineError('office.code_taken', { status: 409, title: 'Esiste già un ufficio con questo codice', titleEn: 'An office with this code already exists' }),
  invalidParent: defineError('office.invalid_parent', { status: 422, title: 'Ufficio superiore non valido: non esiste o creerebbe un ciclo', titleEn: 'Invalid parent office' }),
  invalidManager: defineError('office.invalid_manager', { status: 422, title: 'Il responsabile deve essere una persona registrata nell’ente', titleEn: 'The manager must be a person of the body' }),
  hasPeople: defineError('office.has_people', { status: 409, title: 'L’ufficio ha ancora persone, uffici dipendenti o giorni pianificati: spostali prima di eliminarlo', titleEn: 'The office still has people, sub-offices or planned days' }),
  invalidCoverage: defineError('office.invalid_coverage', { status: 422, title: 'Regole di presidio non valide', titleEn: 'Invalid coverage rules' }),
  coverageExceedsStaff: defineError('office.coverage_exceeds_staff', { status: 409, title: 'Il presidio minimo richiesto supera le persone disponibili nell’ufficio', titleEn: 'The coverage minimum exceeds the people available in the office' }),
  invalidActivities: defineError('office.invalid_activities', { status: 422, title: 'Attività non valide: nomi ripetuti', titleEn: 'Invalid activities: repeated names' }),
  employeeNotFound: defineError('employee.not_found', { status: 404, title: 'Dipendente non trovato', titleEn: 'Employee not found' }),
  invalidTaxCode: defineError('employee.invalid_tax_code', { status: 422, title: 'Codice fiscale non valido', titleEn: 'Invalid tax code' }),
  duplicateTaxCode: defineError('employee.duplicate_tax_code', { status: 409, title: 'Un dipendente dell’ente ha già questo codice fiscale', titleEn: 'An employee of the body already has this tax code' }),
  duplicateEmail: defineError('employee.duplicate_email', { status: 409, title: 'Un altro dipendente dell’ente ha già questo indirizzo e-mail', titleEn: 'Another employee of the body already has this e-mail' }),
  invalidEmployee: defineError('employee.invalid', { status: 422, title: 'Dati del dipendente non validi', titleEn: 'Invalid employee data' }),
  notOwnOffice: defineError('employee.not_own_office', { status: 403, title: 'Puoi gestire solo le persone degli uffici di cui sei responsabile', titleEn: 'You may manage only the people of the offices you manage' }),
  importTooLarge: defineError('employee.import_too_large', { status: 413, title: 'File troppo grande: al massimo 20.000 righe e 5 MB', titleEn: 'File too large: at most 20,000 rows and 5 MB' }),
  importInvalid: defineError('employee.import_invalid', { status: 422, title: 'Il file contiene errori: nulla è stato importato. Correggi le righe indicate e riprova', titleEn: 'The file has errors: nothing was imported' }),
  absenceRange: defineError('absence.invalid_range', { status: 422, title: 'Intervallo di assenza non valido (al massimo 366 giorni, fine non prima dell’inizio)', titleEn: 'Invalid absence range' }),
  rangeTooWide: defineError('absence.range_too_wide', { status: 422, title: 'Intervallo troppo ampio: al massimo 366 giorni', titleEn: 'Range too wide (at most 366 days)' }),
};

// ---------------------------------------------------------------- agreements (agreement.*)
export const agreementErrors = {
  notFound: defineError('agreement.not_found', { status: 404, title: 'Accordo di lavoro agile non trovato', titleEn: 'Remote-work agreement not found' }),
  employeeNotFound: defineError('agreement.employee_not_found', { status: 422, title: 'Dipendente non trovato nel tuo ente', titleEn: 'Employee not found in your body' }),
  noEmployeeRecord: defineError('agreement.no_employee_record', { status: 403, title: 'Il tuo account non è collegato a un dipendente dell’ente: chiedi all’ufficio del personale', titleEn: 'Your account is not linked to an employee of the body' }),
  forbidden: defineError('agreement.forbidden', { status: 403, title: 'Non puoi svolgere questa operazione su questo accordo', titleEn: 'You may not do this on this agreement' }),
  selfDecision: defineError('agreement.self_decision', { status: 403, title: 'Non puoi approvare o respingere il tuo stesso accordo', titleEn: 'You may not decide on your own agreement' }),
  overlap: defineError('agreement.overlap', { status: 409, title: 'Il dipendente ha già un accordo in corso o richiesto nello stesso periodo', titleEn: 'The employee already has a live agreement in that period' }),
  invalidTransition: defineError('agreement.invalid_transition', { status: 409, title: 'L’operazione non è possibile nello stato attuale dell’accordo', titleEn: 'Not allowed in the agreement’s current status' }),
  reasonRequired: defineError('agreement.reason_required', { status: 422, title: 'Indica il motivo', titleEn: 'A reason is required' }),
  safetyNotAcknowledged: defineError('agreement.safety_not_acknowledged', { status: 409, title: 'Il dipendente non ha ancora preso visione dell’informativa sulla sicurezza', titleEn: 'The employee has not acknowledged the safety information' }),
  renewalInvalid: defineError('agreement.renewal_invalid', { status: 409, title: 'Il rinnovo non è possibile', titleEn: 'Renewal not possible' }),
  withdrawalNeedsJustifiedReason: defineError('agreement.withdrawal_needs_justified_reason', { status: 422, title: 'Un accordo a tempo determinato si recede prima della scadenza solo per giustificato motivo', titleEn: 'A fixed-term agreement can be withdrawn early only for a justified reason' }),
  withdrawalNoticeTooShort: defineError('agreement.withdrawal_notice_too_short', { status: 422, title: 'Preavviso di recesso insufficiente', titleEn: 'Withdrawal notice too short' }),
  withdrawalAfterEnd: defineError('agreement.withdrawal_after_end', { status: 422, title: 'Il recesso avrebbe effetto dopo la scadenza dell’accordo', titleEn: 'The withdrawal would take effect after the agreement ends' }),
  // the rules of agreement-rules.ts (the first broken rule gives the code; `errors` lists them all)
  invalidTerm: defineError('agreement.invalid_term', { status: 422, title: 'Durata dell’accordo non valida', titleEn: 'Invalid term' }),
  noRemoteDays: defineError('agreement.no_remote_days', { status: 422, title: 'L’accordo non prevede giorni di lavoro agile', titleEn: 'No remote days' }),
  weekdaysInvalid: defineError('agreement.weekdays_invalid', { status: 422, title: 'Giorni della settimana consentiti non validi', titleEn: 'Invalid allowed weekdays' }),
  remoteDaysBeyondWeekdays: defineError('agreement.remote_days_beyond_weekdays', { status: 422, title: 'Più giorni di lavoro agile dei giorni consentiti nel periodo', titleEn: 'More remote days than the allowed weekdays of the period' }),
  planInvalid: defineError('agreement.plan_invalid', { status: 422, title: 'Calendario dei giorni non valido', titleEn: 'Invalid plan of days' }),
  planForbiddenWeekday: defineError('agreement.plan_forbidden_weekday', { status: 422, title: 'Il calendario prevede lavoro agile in un giorno non consentito', titleEn: 'The plan has a remote day on a forbidden weekday' }),
  planBeyondCaps: defineError('agreement.plan_beyond_caps', { status: 422, title: 'Il calendario supera i giorni di lavoro agile consentiti', titleEn: 'The plan exceeds the remote-day caps' }),
  workingHoursInvalid: defineError('agreement.working_hours_invalid', { status: 422, title: 'Orario di lavoro non valido', titleEn: 'Invalid working hours' }),
  disconnectionMissing: defineError('agreement.disconnection_missing', { status: 422, title: 'Manca la fascia di disconnessione', titleEn: 'Disconnection hours missing' }),
  disconnectionTooShort: defineError('agreement.disconnection_too_short', { status: 422, title: 'Fascia di disconnessione troppo breve', titleEn: 'Disconnection hours too short' }),
  reachabilityInvalid: defineError('agreement.reachability_invalid', { status: 422, title: 'Fasce di contattabilità non valide', titleEn: 'Invalid reachability windows' }),
  reachabilityMissing: defineError('agreement.reachability_missing', { status: 422, title: 'Mancano le fasce di contattabilità', titleEn: 'Reachability windows missing' }),
  reachabilityOutsideWorkingHours: defineError('agreement.reachability_outside_working_hours', { status: 422, title: 'Fascia di contattabilità fuori dall’orario di lavoro', titleEn: 'Reachability window outside working hours' }),
  reachabilityInDisconnection: defineError('agreement.reachability_in_disconnection', { status: 422, title: 'Fascia di contattabilità nella fascia di disconnessione', titleEn: 'Reachability window inside the disconnection hours' }),
};

// ---------------------------------------------------------------- plans, pins, swaps, calendars (plan.*)
export const planErrors = {
  noBody: defineError('plan.no_body', { status: 403, title: 'Scegli prima l’ente per cui operi', titleEn: 'Choose the body you act for first' }),
  forbidden: defineError('plan.forbidden', { status: 403, title: 'Non puoi pianificare il lavoro agile di questi uffici', titleEn: 'You may not plan remote work for these offices' }),
  invalidRange: defineError('plan.invalid_range', { status: 422, title: 'Periodo non valido: al massimo 3 mesi, dall’inizio alla fine, da oggi in poi', titleEn: 'Invalid range: at most 3 months, start before end, from today on' }),
  officeNotFound: defineError('plan.office_not_found', { status: 404, title: 'Ufficio non trovato nel tuo ente', titleEn: 'Office not found in your body' }),
  employeeNotFound: defineError('plan.employee_not_found', { status: 404, title: 'Dipendente non trovato nel tuo ente', titleEn: 'Employee not found in your body' }),
  notWorkingDay: defineError('plan.not_working_day', { status: 422, title: 'Il giorno non è lavorativo (festività, patrono, chiusura o fine settimana)', titleEn: 'Not a working day' }),
  pastDay: defineError('plan.past_day', { status: 422, title: 'I giorni passati non si modificano', titleEn: 'Past days cannot be changed' }),
  runNotFound: defineError('plan.run_not_found', { status: 404, title: 'Pianificazione non trovata', titleEn: 'Plan run not found' }),
  plannerViolation: defineError('plan.planner_violation', { status: 500, title: 'Il piano calcolato viola una regola e non è stato salvato: segnala il problema all’assistenza', titleEn: 'The computed plan breaks a rule and was not saved' }),
  busy: defineError('plan.busy', { status: 409, title: 'Il piano è stato modificato nel frattempo da qualcun altro: riprova', titleEn: 'The plan changed meanwhile: try again' }),
  notAnEmployee: defineError('plan.not_an_employee', { status: 403, title: 'Il tuo account non è collegato a un dipendente dell’ente: chiedi all’ufficio del personale', titleEn: 'Your account is not linked to an employee of the body' }),
  swapInvalid: defineError('plan.swap_invalid', { status: 422, title: 'Scambio non possibile: scegli un tuo giorno di lavoro agile e un giorno lavorativo in sede', titleEn: 'Swap not possible: pick one of your remote days and a working on-site day' }),
  swapPinned: defineError('plan.swap_pinned', { status: 409, title: 'Il giorno è stato fissato dal responsabile: chiedi a lui di cambiarlo', titleEn: 'The day was fixed by the manager' }),
  swapNotFound: defineError('plan.swap_not_found', { status: 404, title: 'Richiesta di scambio non trovata', titleEn: 'Swap request not found' }),
  swapNotPending: defineError('plan.swap_not_pending', { status: 409, title: 'La richiesta di scambio è già stata decisa', titleEn: 'The swap request was already decided' }),
  feedNotFound: defineError('plan.feed_not_found', { status: 404, title: 'Calendario non trovato: il link non è valido o è stato rigenerato', titleEn: 'Calendar not found: the link is invalid or was regenerated' }),
};

// ---------------------------------------------------------------- indicators and targets (indicator.*)
export const indicatorErrors = {
  noBody: defineError('indicator.no_body', { status: 403, title: 'Scegli prima l’ente per cui operi', titleEn: 'Choose the body you act for first' }),
  forbidden: defineError('indicator.forbidden', { status: 403, title: 'Non puoi vedere gli indicatori del lavoro agile di questo ente', titleEn: 'You may not see the remote-work indicators of this body' }),
  regionForbidden: defineError('indicator.region_forbidden', { status: 403, title: 'Il confronto tra enti è riservato ai funzionari della regione', titleEn: 'Comparing bodies is for the region’s officers only' }),
  territoryNotFound: defineError('indicator.territory_not_found', { status: 404, title: 'Regione o provincia non trovata', titleEn: 'Region or province not found' }),
  invalidRange: defineError('indicator.invalid_range', { status: 422, title: 'Periodo non valido: al massimo 36 mesi, dall’inizio alla fine', titleEn: 'Invalid range: at most 36 months, start before end' }),
  tableNotAvailable: defineError('indicator.table_not_available', { status: 422, title: 'Questa tabella non esiste per l’ambito scelto', titleEn: 'This table does not exist for the chosen scope' }),
};

// ---------------------------------------------------------------- POLA / PIAO section (pola.*)
export const polaErrors = {
  noBody: defineError('pola.no_body', { status: 403, title: 'Scegli prima l’ente per cui operi', titleEn: 'Choose the body you act for first' }),
  forbidden: defineError('pola.forbidden', { status: 403, title: 'Il POLA lo redigono l’ufficio del personale e gli amministratori dell’ente', titleEn: 'The POLA is written by HR and the body’s administrators' }),
  unknownIndicator: defineError('pola.unknown_indicator', { status: 422, title: 'Indicatore del programma di sviluppo sconosciuto', titleEn: 'Unknown indicator of the development programme' }),
  yearOutsidePlan: defineError('pola.year_outside_plan', { status: 422, title: 'L’anno non è nel triennio del piano', titleEn: 'The year is not in the plan’s three years' }),
  invalidTarget: defineError('pola.invalid_target', { status: 422, title: 'Valore obiettivo non valido per l’unità dell’indicatore', titleEn: 'Target value not valid for the indicator’s unit' }),
};

// ---------------------------------------------------------------- work by objectives (objective.*)
export const objectiveErrors = {
  noBody: defineError('objective.no_body', { status: 403, title: 'Scegli prima l’ente per cui operi', titleEn: 'Choose the body you act for first' }),
  forbidden: defineError('objective.forbidden', { status: 403, title: 'Non puoi gestire gli obiettivi di questo ufficio, gruppo o persona', titleEn: 'You may not manage the objectives of this office, team or person' }),
  notFound: defineError('objective.not_found', { status: 404, title: 'Obiettivo non trovato', titleEn: 'Objective not found' }),
  invalid: defineError('objective.invalid', { status: 422, title: 'Obiettivo non valido: controlla i campi indicati', titleEn: 'Invalid objective' }),
  invalidIndicator: defineError('objective.invalid_indicator', { status: 422, title: 'Indicatore non valido: il valore obiettivo deve stare dalla parte giusta del valore di partenza', titleEn: 'Invalid indicator: the target must be on the right side of the baseline' }),
  ownerNotFound: defineError('objective.owner_not_found', { status: 422, title: 'Ufficio, gruppo o persona non trovati nel tuo ente', titleEn: 'Office, team or person not found in your body' }),
  invalidResponsible: defineError('objective.invalid_responsible', { status: 422, title: 'I responsabili devono essere persone registrate nell’ente', titleEn: 'The responsible people must be people of the body' }),
  notResponsible: defineError('objective.not_responsible', { status: 403, title: 'Solo i responsabili dell’obiettivo ne inviano i resoconti', titleEn: 'Only the objective’s responsible people file its reports' }),
  reportOutsidePeriod: defineError('objective.report_outside_period', { status: 422, title: 'La data del resoconto è fuori dal periodo dell’obiettivo', titleEn: 'The report’s date is outside the objective’s period' }),
  reportInFuture: defineError('objective.report_in_future', { status: 422, title: 'Non si inviano resoconti con una data futura', titleEn: 'Reports cannot be dated in the future' }),
  reportInvalidValue: defineError('objective.report_invalid_value', { status: 422, title: 'Valori del resoconto non validi', titleEn: 'Invalid report values' }),
  reportExists: defineError('objective.report_exists', { status: 409, title: 'Esiste già un resoconto di questo obiettivo con la stessa data', titleEn: 'A report of this objective with the same date already exists' }),
  reportsOutsidePeriod: defineError('objective.reports_outside_period', { status: 409, title: 'Il nuovo periodo lascerebbe fuori resoconti già inviati', titleEn: 'The new period would leave out reports already filed' }),
  indicatorHasValues: defineError('objective.indicator_has_values', { status: 409, title: 'L’indicatore ha già valori nei resoconti: non si elimina né si cambia tipo di valore', titleEn: 'The indicator already has reported values' }),
  teamNotFound: defineError('team.not_found', { status: 404, title: 'Gruppo di lavoro non trovato', titleEn: 'Team not found' }),
  teamNameTaken: defineError('team.name_taken', { status: 409, title: 'Esiste già un gruppo di lavoro con questo nome', titleEn: 'A team with this name already exists' }),
  teamInvalid: defineError('team.invalid', { status: 422, title: 'Gruppo di lavoro non valido: persone o ufficio non trovati nel tuo ente', titleEn: 'Invalid team: people or office not found in your body' }),
  teamInUse: defineError('team.in_use', { status: 409, title: 'Il gruppo ha obiettivi: eliminali prima', titleEn: 'The team has objectives' }),
};
