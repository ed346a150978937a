/**
 * Routes of the "offices and people" area: offices (tree, manager, coverage per weekday,
 * activities), employees (list, create, update/deactivate, CSV import with preview, CSV export),
 * absences and closures. The shape they share (tag, caller, status codes) is in office-routes.ts.
 */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAuth } from '../../../platform/auth/context.js';
import { pageOf } from '../../../platform/http/pagination.js';
import type { AppDeps } from '../../../platform/module.js';
import {
  absenceList, absenceRangeQuery, absenceResult, absencesQuery, activitiesBody, closure, closureBody, closuresQuery, coverageBody, createEmployeeBody,
  createOfficeBody, dayParams, employee, exportQuery, idParams, importBody, importQuery, importReport, listEmployeesQuery, office, officeDetail,
  officeList, peopleQuery, person, setAbsencesBody, updateEmployeeBody, updateOfficeBody,
} from './offices.schemas.js';
import { officeRoutes } from '../../../platform/http/route-helper.js';
import { listOffices } from './list-offices.js';
import { showOffice } from './show-office.js';
import { createOffice } from './create-office.js';
import { updateOffice } from './update-office.js';
import { deleteOffice } from './delete-office.js';
import { setCoverageRules } from './set-coverage-rules.js';
import { setOfficeActivities } from './set-office-activities.js';
import { listBodyPeople } from './list-body-people.js';
import { listEmployees } from './list-employees.js';
import { showEmployee, showOwnEmployee } from './show-employee.js';
import { createEmployee } from './create-employee.js';
import { updateEmployee } from './update-employee.js';
import { importEmployees } from './import-employees.js';
import { exportEmployees } from './export-employees.js';
import { listAbsences } from './list-absences.js';
import { removeAbsences, setAbsences } from './set-absences.js';
import { listClosures, removeClosure, setClosure } from './closures.js';
import { sendDownload } from '../../../platform/http/download.js';

const TAGS = ['remote-work'];
/** The import's JSON body carries a file of up to 5 MB, escaped: room for twice that. */
export const IMPORT_BODY_LIMIT = 12 * 1024 * 1024;

export function officesRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.db;
  const route = officeRoutes(app, TAGS);

  // ---------------------------------------------------------------- offices
  route.ok('GET /remote-work/offices', {
    operationId: 'listRemoteWorkOffices',
    summary: 'Uffici dell’ente (con l’ufficio superiore, per l’albero)',
    response: officeList,
    run: ({ auth }) => listOffices(db, auth),
  });
  route.created('POST /remote-work/offices', {
    operationId: 'createRemoteWorkOffice',
    summary: 'Crea un ufficio (ufficio del personale, amministratori dell’ente)',
    body: createOfficeBody, response: office,
    run: ({ auth, body, meta }) => createOffice(db, auth, body, meta),
  });
  route.ok('GET /remote-work/offices/:id', {
    operationId: 'showRemoteWorkOffice',
    summary: 'Un ufficio con il presidio per giorno della settimana, le attività e le persone per competenza',
    params: idParams, response: officeDetail,
    run: ({ auth, params }) => showOffice(db, auth, params.id),
  });
  route.ok('PATCH /remote-work/offices/:id', {
    operationId: 'updateRemoteWorkOffice',
    summary: 'Modifica codice, nome, ufficio superiore o responsabile di un ufficio',
    params: idParams, body: updateOfficeBody, response: office,
    run: ({ auth, params, body, meta }) => updateOffice(db, auth, params.id, body, meta),
  });
  route.noContent('DELETE /remote-work/offices/:id', {
    operationId: 'removeRemoteWorkOffice',
    summary: 'Elimina un ufficio senza persone, uffici dipendenti né giorni pianificati',
    params: idParams,
    run: ({ auth, params, meta }) => deleteOffice(db, auth, params.id, meta),
  });
  route.ok('PUT /remote-work/offices/:id/coverage-rules', {
    operationId: 'replaceRemoteWorkOfficeCoverage',
    summary: 'Fissa il presidio minimo in sede per giorno della settimana, anche per competenza (tutta la settimana insieme)',
    params: idParams, body: coverageBody, response: officeDetail,
    run: ({ auth, params, body, meta }) => setCoverageRules(db, auth, params.id, body, meta),
  });
  route.ok('PUT /remote-work/offices/:id/activities', {
    operationId: 'replaceRemoteWorkOfficeActivities',
    summary: 'Fissa le attività dell’ufficio e se si possono svolgere da remoto (tutto l’elenco insieme)',
    params: idParams, body: activitiesBody, response: officeDetail,
    run: ({ auth, params, body, meta }) => setOfficeActivities(db, auth, params.id, body, meta),
  });
  route.ok('GET /remote-work/office-manager-candidates', {
    operationId: 'listRemoteWorkOfficeManagerCandidates',
    summary: 'Persone registrate nell’ente, per scegliere il responsabile di un ufficio (al massimo 200)',
    querystring: peopleQuery, response: z.object({ items: z.array(person) }),
    run: ({ auth, query }) => listBodyPeople(db, auth, query.q),
  });

  // ---------------------------------------------------------------- employees
  route.ok('GET /remote-work/employees', {
    operationId: 'listRemoteWorkEmployees',
    summary: 'Dipendenti dell’ente (o degli uffici che gestisci), in ordine alfabetico',
    querystring: listEmployeesQuery, response: pageOf(employee),
    run: ({ auth, query }) => listEmployees(db, auth, query),
  });
  route.created('POST /remote-work/employees', {
    operationId: 'createRemoteWorkEmployee',
    summary: 'Registra un dipendente (codice fiscale verificato, unico nell’ente)',
    body: createEmployeeBody, response: employee,
    run: ({ auth, body, meta }) => createEmployee(db, auth, body, meta),
  });
  route.ok('GET /remote-work/employees/me', {
    operationId: 'showMyRemoteWorkEmployee',
    summary: 'I miei dati di dipendente (collegati al mio account per e-mail o codice fiscale)',
    response: employee,
    run: ({ auth }) => showOwnEmployee(db, auth),
  });
  // A CSV file, streamed: the one route of the area that does not answer JSON.
  app.withTypeProvider<ZodTypeProvider>().get(
    '/remote-work/employees/export',
    {
      schema: {
        operationId: 'exportRemoteWorkEmployees',
        tags: TAGS,
        summary: 'Esporta i dipendenti attivi in CSV, nelle stesse colonne dell’importazione',
        querystring: exportQuery,
        response: {
          200: {
            description: 'Il file CSV da scaricare (UTF-8 con BOM)',
            content: { 'text/csv': { schema: z.string().describe('codice_fiscale;nome;cognome;email;codice_ufficio;competenze;giorni_preferiti;lavoratore_fragile') } },
          },
        },
      },
    },
    async (req, reply) => {
      const out = await exportEmployees(db, requireAuth(req), req.query);
      return sendDownload(reply, { contentType: out.contentType, filename: out.filename, content: out.chunks });
    },
  );
  route.ok('POST /remote-work/employees/import', {
    operationId: 'importRemoteWorkEmployees',
    summary:
      'Importa i dipendenti da CSV: mode=preview controlla e mostra ogni riga con i suoi errori senza scrivere; mode=commit importa tutto in una transazione, solo se il file è senza errori (altrimenti 422 con lo stesso elenco)',
    querystring: importQuery, body: importBody, response: importReport, bodyLimit: IMPORT_BODY_LIMIT,
    run: ({ auth, query, body, meta }) => importEmployees(db, auth, { content: body.content, mode: query.mode }, meta),
  });
  route.ok('GET /remote-work/employees/:id', {
    operationId: 'showRemoteWorkEmployee',
    summary: 'Un dipendente',
    params: idParams, response: employee,
    run: ({ auth, params }) => showEmployee(db, auth, params.id),
  });
  route.ok('PATCH /remote-work/employees/:id', {
    operationId: 'updateRemoteWorkEmployee',
    summary: 'Modifica o disattiva (active=false) un dipendente; rifiutato se lascerebbe scoperto il presidio del suo ufficio',
    params: idParams, body: updateEmployeeBody, response: employee,
    run: ({ auth, params, body, meta }) => updateEmployee(db, auth, params.id, body, meta),
  });

  // ---------------------------------------------------------------- absences
  route.ok('GET /remote-work/absences', {
    operationId: 'listRemoteWorkAbsences',
    summary: 'Assenze in un intervallo (al massimo 366 giorni) dell’ente, di un ufficio o di una persona',
    querystring: absencesQuery, response: absenceList,
    run: ({ auth, query }) => listAbsences(db, auth, query),
  });
  route.ok('PUT /remote-work/employees/:id/absences', {
    operationId: 'replaceRemoteWorkEmployeeAbsences',
    summary: 'Registra l’assenza di un dipendente per ogni giorno di un intervallo (ferie, malattia, formazione, altro)',
    params: idParams, body: setAbsencesBody, response: absenceResult,
    run: ({ auth, params, body, meta }) => setAbsences(db, auth, params.id, body, meta),
  });
  route.ok('DELETE /remote-work/employees/:id/absences', {
    operationId: 'removeRemoteWorkEmployeeAbsences',
    summary: 'Toglie le assenze di un dipendente in un intervallo',
    params: idParams, querystring: absenceRangeQuery, response: absenceResult,
    run: ({ auth, params, query, meta }) => removeAbsences(db, auth, params.id, query, meta),
  });

  // ---------------------------------------------------------------- closures
  route.ok('GET /remote-work/closures', {
    operationId: 'listRemoteWorkClosures',
    summary: 'Chiusure dell’ente in un intervallo (oltre alle festività nazionali e al santo patrono)',
    querystring: closuresQuery, response: z.array(closure),
    run: ({ auth, query }) => listClosures(db, auth, query),
  });
  route.ok('PUT /remote-work/closures/:day', {
    operationId: 'replaceRemoteWorkClosure',
    summary: 'Fissa una chiusura dell’ente in un giorno, con il motivo',
    params: dayParams, body: closureBody, response: closure,
    run: ({ auth, params, body, meta }) => setClosure(db, auth, params.day, body.reason, meta),
  });
  route.noContent('DELETE /remote-work/closures/:day', {
    operationId: 'removeRemoteWorkClosure',
    summary: 'Toglie una chiusura dell’ente',
    params: dayParams,
    run: ({ auth, params, meta }) => removeClosure(db, auth, params.day, meta),
  });
}
