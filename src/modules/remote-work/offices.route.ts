/**
 * Routes of the "offices and people" area: offices (tree, manager, coverage per weekday,
 * activities), employees (list, create, update/deactivate, CSV import with preview, CSV export),
 * absences and closures.
 */
import { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAuth } from '../../platform/auth/context.js';
import { pageOf } from '../../platform/http/pagination.js';
import type { AppDeps } from '../../app.js';
import {
  absenceList, absenceRangeQuery, absenceResult, absencesQuery, activitiesBody, closure, closureBody, closuresQuery, coverageBody, createEmployeeBody,
  createOfficeBody, dayParams, employee, exportQuery, idParams, importBody, importQuery, importReport, listEmployeesQuery, office, officeDetail,
  officeList, peopleQuery, person, setAbsencesBody, updateEmployeeBody, updateOfficeBody,
} from './offices.schemas.js';
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

const TAGS = ['remote-work'];
/** The import's JSON body carries a file of up to 5 MB, escaped: room for twice that. */
export const IMPORT_BODY_LIMIT = 12 * 1024 * 1024;

export function officesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db;

  // ---------------------------------------------------------------- offices
  r.get(
    '/remote-work/offices',
    { schema: { operationId: 'listRemoteWorkOffices', tags: TAGS, summary: 'Uffici dell’ente (con l’ufficio superiore, per l’albero)', response: { 200: officeList } } },
    async (req) => listOffices(db, requireAuth(req)),
  );
  r.post(
    '/remote-work/offices',
    {
      schema: {
        operationId: 'createRemoteWorkOffice',
        tags: TAGS,
        summary: 'Crea un ufficio (ufficio del personale, amministratori dell’ente)',
        body: createOfficeBody,
        response: { 201: office },
      },
    },
    async (req, reply) => {
      const created = await createOffice(db, requireAuth(req), req.body, { ip: req.ip });
      return reply.code(201).header('location', `/api/v1/remote-work/offices/${created.id}`).send(created);
    },
  );
  r.get(
    '/remote-work/offices/:id',
    {
      schema: {
        operationId: 'showRemoteWorkOffice',
        tags: TAGS,
        summary: 'Un ufficio con il presidio per giorno della settimana, le attività e le persone per competenza',
        params: idParams,
        response: { 200: officeDetail },
      },
    },
    async (req) => showOffice(db, requireAuth(req), req.params.id),
  );
  r.patch(
    '/remote-work/offices/:id',
    {
      schema: {
        operationId: 'updateRemoteWorkOffice',
        tags: TAGS,
        summary: 'Modifica codice, nome, ufficio superiore o responsabile di un ufficio',
        params: idParams,
        body: updateOfficeBody,
        response: { 200: office },
      },
    },
    async (req) => updateOffice(db, requireAuth(req), req.params.id, req.body, { ip: req.ip }),
  );
  r.delete(
    '/remote-work/offices/:id',
    {
      schema: {
        operationId: 'removeRemoteWorkOffice',
        tags: TAGS,
        summary: 'Elimina un ufficio senza persone, uffici dipendenti né giorni pianificati',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteOffice(db, requireAuth(req), req.params.id, { ip: req.ip });
      return reply.code(204).send(null);
    },
  );
  r.put(
    '/remote-work/offices/:id/coverage-rules',
    {
      schema: {
        operationId: 'replaceRemoteWorkOfficeCoverage',
        tags: TAGS,
        summary: 'Fissa il presidio minimo in sede per giorno della settimana, anche per competenza (tutta la settimana insieme)',
        params: idParams,
        body: coverageBody,
        response: { 200: officeDetail },
      },
    },
    async (req) => setCoverageRules(db, requireAuth(req), req.params.id, req.body, { ip: req.ip }),
  );
  r.put(
    '/remote-work/offices/:id/activities',
    {
      schema: {
        operationId: 'replaceRemoteWorkOfficeActivities',
        tags: TAGS,
        summary: 'Fissa le attività dell’ufficio e se si possono svolgere da remoto (tutto l’elenco insieme)',
        params: idParams,
        body: activitiesBody,
        response: { 200: officeDetail },
      },
    },
    async (req) => setOfficeActivities(db, requireAuth(req), req.params.id, req.body, { ip: req.ip }),
  );
  r.get(
    '/remote-work/office-manager-candidates',
    {
      schema: {
        operationId: 'listRemoteWorkOfficeManagerCandidates',
        tags: TAGS,
        summary: 'Persone registrate nell’ente, per scegliere il responsabile di un ufficio (al massimo 200)',
        querystring: peopleQuery,
        response: { 200: z.object({ items: z.array(person) }) },
      },
    },
    async (req) => listBodyPeople(db, requireAuth(req), req.query.q),
  );

  // ---------------------------------------------------------------- employees
  r.get(
    '/remote-work/employees',
    {
      schema: {
        operationId: 'listRemoteWorkEmployees',
        tags: TAGS,
        summary: 'Dipendenti dell’ente (o degli uffici che gestisci), in ordine alfabetico',
        querystring: listEmployeesQuery,
        response: { 200: pageOf(employee) },
      },
    },
    async (req) => listEmployees(db, requireAuth(req), req.query),
  );
  r.post(
    '/remote-work/employees',
    {
      schema: {
        operationId: 'createRemoteWorkEmployee',
        tags: TAGS,
        summary: 'Registra un dipendente (codice fiscale verificato, unico nell’ente)',
        body: createEmployeeBody,
        response: { 201: employee },
      },
    },
    async (req, reply) => {
      const created = await createEmployee(db, requireAuth(req), req.body, { ip: req.ip });
      return reply.code(201).header('location', `/api/v1/remote-work/employees/${created.id}`).send(created);
    },
  );
  r.get(
    '/remote-work/employees/me',
    {
      schema: {
        operationId: 'showMyRemoteWorkEmployee',
        tags: TAGS,
        summary: 'I miei dati di dipendente (collegati al mio account per e-mail o codice fiscale)',
        response: { 200: employee },
      },
    },
    async (req) => showOwnEmployee(db, requireAuth(req)),
  );
  r.get(
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
      return reply
        .header('content-type', out.contentType)
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(out.chunks) as unknown as string);
    },
  );
  r.post(
    '/remote-work/employees/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        operationId: 'importRemoteWorkEmployees',
        tags: TAGS,
        summary:
          'Importa i dipendenti da CSV: mode=preview controlla e mostra ogni riga con i suoi errori senza scrivere; mode=commit importa tutto in una transazione, solo se il file è senza errori (altrimenti 422 con lo stesso elenco)',
        querystring: importQuery,
        body: importBody,
        response: { 200: importReport },
      },
    },
    async (req) => importEmployees(db, requireAuth(req), { content: req.body.content, mode: req.query.mode }, { ip: req.ip }),
  );
  r.get(
    '/remote-work/employees/:id',
    {
      schema: { operationId: 'showRemoteWorkEmployee', tags: TAGS, summary: 'Un dipendente', params: idParams, response: { 200: employee } },
    },
    async (req) => showEmployee(db, requireAuth(req), req.params.id),
  );
  r.patch(
    '/remote-work/employees/:id',
    {
      schema: {
        operationId: 'updateRemoteWorkEmployee',
        tags: TAGS,
        summary: 'Modifica o disattiva (active=false) un dipendente; rifiutato se lascerebbe scoperto il presidio del suo ufficio',
        params: idParams,
        body: updateEmployeeBody,
        response: { 200: employee },
      },
    },
    async (req) => updateEmployee(db, requireAuth(req), req.params.id, req.body, { ip: req.ip }),
  );

  // ---------------------------------------------------------------- absences
  r.get(
    '/remote-work/absences',
    {
      schema: {
        operationId: 'listRemoteWorkAbsences',
        tags: TAGS,
        summary: 'Assenze in un intervallo (al massimo 366 giorni) dell’ente, di un ufficio o di una persona',
        querystring: absencesQuery,
        response: { 200: absenceList },
      },
    },
    async (req) => listAbsences(db, requireAuth(req), req.query),
  );
  r.put(
    '/remote-work/employees/:id/absences',
    {
      schema: {
        operationId: 'replaceRemoteWorkEmployeeAbsences',
        tags: TAGS,
        summary: 'Registra l’assenza di un dipendente per ogni giorno di un intervallo (ferie, malattia, formazione, altro)',
        params: idParams,
        body: setAbsencesBody,
        response: { 200: absenceResult },
      },
    },
    async (req) => setAbsences(db, requireAuth(req), req.params.id, req.body, { ip: req.ip }),
  );
  r.delete(
    '/remote-work/employees/:id/absences',
    {
      schema: {
        operationId: 'removeRemoteWorkEmployeeAbsences',
        tags: TAGS,
        summary: 'Toglie le assenze di un dipendente in un intervallo',
        params: idParams,
        querystring: absenceRangeQuery,
        response: { 200: absenceResult },
      },
    },
    async (req) => removeAbsences(db, requireAuth(req), req.params.id, req.query, { ip: req.ip }),
  );

  // ---------------------------------------------------------------- closures
  r.get(
    '/remote-work/closures',
    {
      schema: {
        operationId: 'listRemoteWorkClosures',
        tags: TAGS,
        summary: 'Chiusure dell’ente in un intervallo (oltre alle festività nazionali e al santo patrono)',
        querystring: closuresQuery,
        response: { 200: z.array(closure) },
      },
    },
    async (req) => listClosures(db, requireAuth(req), req.query),
  );
  r.put(
    '/remote-work/closures/:day',
    {
      schema: {
        operationId: 'replaceRemoteWorkClosure',
        tags: TAGS,
        summary: 'Fissa una chiusura dell’ente in un giorno, con il motivo',
        params: dayParams,
        body: closureBody,
        response: { 200: closure },
      },
    },
    async (req) => setClosure(db, requireAuth(req), req.params.day, req.body.reason, { ip: req.ip }),
  );
  r.delete(
    '/remote-work/closures/:day',
    {
      schema: { operationId: 'removeRemoteWorkClosure', tags: TAGS, summary: 'Toglie una chiusura dell’ente', params: dayParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeClosure(db, requireAuth(req), req.params.day, { ip: req.ip });
      return reply.code(204).send(null);
    },
  );
}
