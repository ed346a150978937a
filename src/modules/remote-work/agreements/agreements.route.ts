/**
 * Routes of the individual agreements: request (or HR draft), list, show, decision, safety
 * acknowledgement, registration, withdrawal, renewal, and the document as PDF and DOCX.
 */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAuth } from '../../../platform/auth/context.js';
import { pageOf } from '../../../platform/http/pagination.js';
import type { AppDeps } from '../../../platform/module.js';
import { agreement, agreementIdParams, decisionBody, listAgreementsQuery, renewAgreementBody, requestAgreementBody, withdrawalBody } from './agreements.schemas.js';
import { requestAgreement } from './request-agreement.js';
import { listAgreements } from './list-agreements.js';
import { showAgreement } from './show-agreement.js';
import { decideAgreement } from './decide-agreement.js';
import { acknowledgeAgreementSafety } from './acknowledge-agreement-safety.js';
import { registerAgreement } from './register-agreement.js';
import { withdrawAgreement } from './withdraw-agreement.js';
import { renewAgreement } from './renew-agreement.js';
import { DOCUMENT_TYPES, showAgreementDocument, type DocumentFormat } from './show-agreement-document.js';
import { sendDownload } from '../../../platform/http/download.js';

const TAGS = ['remote-work'];
const BASE = '/remote-work/agreements';

export function agreementsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const opts = (ip: string) => ({ ip, publicUrl: deps.config.publicUrl });

  r.post(
    BASE,
    {
      schema: {
        operationId: 'createRemoteWorkAgreement',
        tags: TAGS,
        summary: 'Chiedi un accordo di lavoro agile per te, o preparane uno per un dipendente (ufficio del personale)',
        body: requestAgreementBody,
        response: { 201: agreement },
      },
    },
    async (req, reply) => {
      const created = await requestAgreement(deps.db, requireAuth(req), req.body, opts(req.ip));
      return reply.code(201).header('location', `/api/v1${BASE}/${created.id}`).send(created);
    },
  );
  r.get(
    BASE,
    {
      schema: {
        operationId: 'listRemoteWorkAgreements',
        tags: TAGS,
        summary: 'Accordi visibili: i tuoi, quelli degli uffici che dirigi o, per il personale, tutti quelli dell’ente',
        querystring: listAgreementsQuery,
        response: { 200: pageOf(agreement) },
      },
    },
    async (req) => listAgreements(deps.db, requireAuth(req), req.query),
  );
  r.get(
    `${BASE}/:id`,
    {
      schema: { operationId: 'showRemoteWorkAgreement', tags: TAGS, summary: 'Un accordo, con la sua storia e le operazioni possibili', params: agreementIdParams, response: { 200: agreement } },
    },
    async (req) => showAgreement(deps.db, requireAuth(req), req.params.id),
  );
  r.post(
    `${BASE}/:id/decision`,
    {
      schema: {
        operationId: 'decideRemoteWorkAgreement',
        tags: TAGS,
        summary: 'Il responsabile dell’ufficio o il personale approva o respinge (con il motivo) una richiesta',
        params: agreementIdParams,
        body: decisionBody,
        response: { 200: agreement },
      },
    },
    async (req) => decideAgreement(deps.db, requireAuth(req), req.params.id, req.body, opts(req.ip)),
  );
  r.post(
    `${BASE}/:id/safety-acknowledgement`,
    {
      schema: {
        operationId: 'acknowledgeRemoteWorkAgreementSafety',
        tags: TAGS,
        summary: 'Il dipendente dichiara di aver ricevuto e letto l’informativa sulla salute e sicurezza',
        params: agreementIdParams,
        response: { 200: agreement },
      },
    },
    async (req) => acknowledgeAgreementSafety(deps.db, requireAuth(req), req.params.id, opts(req.ip)),
  );
  r.post(
    `${BASE}/:id/registration`,
    {
      schema: {
        operationId: 'registerRemoteWorkAgreement',
        tags: TAGS,
        summary: 'Il personale registra un accordo approvato, che diventa efficace',
        params: agreementIdParams,
        response: { 200: agreement },
      },
    },
    async (req) => registerAgreement(deps.db, requireAuth(req), req.params.id, opts(req.ip)),
  );
  r.post(
    `${BASE}/:id/withdrawal`,
    {
      schema: {
        operationId: 'withdrawRemoteWorkAgreement',
        tags: TAGS,
        summary: 'Recesso (art. 19 legge 81/2017): preavviso di 30 giorni, 90 per il datore verso un lavoratore disabile, immediato per giustificato motivo',
        params: agreementIdParams,
        body: withdrawalBody,
        response: { 200: agreement },
      },
    },
    async (req) => withdrawAgreement(deps.db, requireAuth(req), req.params.id, req.body, opts(req.ip)),
  );
  r.post(
    `${BASE}/:id/renewal`,
    {
      schema: {
        operationId: 'renewRemoteWorkAgreement',
        tags: TAGS,
        summary: 'Chiedi il rinnovo: un nuovo accordo dopo l’ultimo giorno di questo, da approvare e registrare',
        params: agreementIdParams,
        body: renewAgreementBody,
        response: { 201: agreement },
      },
    },
    async (req, reply) => {
      const created = await renewAgreement(deps.db, requireAuth(req), req.params.id, req.body, opts(req.ip));
      return reply.code(201).header('location', `/api/v1${BASE}/${created.id}`).send(created);
    },
  );
  for (const format of ['pdf', 'docx'] as DocumentFormat[]) {
    r.get(
      `${BASE}/:id/document.${format}`,
      {
        schema: {
          operationId: format === 'pdf' ? 'showRemoteWorkAgreementPdf' : 'showRemoteWorkAgreementDocx',
          tags: TAGS,
          summary: format === 'pdf' ? 'Il testo dell’accordo in PDF' : 'Il testo dell’accordo in DOCX modificabile',
          params: agreementIdParams,
          response: {
            200: {
              description: format === 'pdf' ? 'Documento PDF' : 'Documento Word (Office Open XML)',
              content: { [DOCUMENT_TYPES[format]]: { schema: z.string().describe('Il file') } },
            },
          },
        },
      },
      async (req, reply) => {
        const out = await showAgreementDocument(deps.db, requireAuth(req), req.params.id, format);
        return sendDownload(reply, { contentType: out.contentType, filename: out.filename, content: out.content, cacheControl: 'private, no-store' });
      },
    );
  }
}
