/**
 * Routes of the POLA (the remote-work subsection of the PIAO): the preview as JSON, the document
 * as PDF and DOCX, and what HR edits — settings, declarations, targets. HR and the body's
 * administrators only.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../../platform/auth/context.js';
import type { DocumentFormat } from '../../../platform/documents/document-model.js';
import type { AppDeps } from '../../../platform/module.js';
import { polaDeclarations, polaDeclarationsBody, polaSettings, polaSettingsBody, polaTargets, polaTargetsBody, polaView } from './pola.schemas.js';
import { showPola } from './show-pola.js';
import { showPolaDocument } from './show-pola-document.js';
import { updatePolaSettings } from './update-pola-settings.js';
import { updatePolaDeclarations } from './update-pola-declarations.js';
import { updatePolaTargets } from './update-pola-targets.js';
import { sendDownload } from '../../../platform/http/download.js';

const TAGS = ['remote-work'];
const BASE = '/remote-work/pola';

export function polaRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    BASE,
    {
      schema: {
        operationId: 'showRemoteWorkPola',
        tags: TAGS,
        summary: 'Anteprima del POLA (sottosezione lavoro agile del PIAO) dai dati dell’ente: parti, programma, testo del documento',
        response: { 200: polaView },
      },
    },
    async (req, reply) => {
      const view = await showPola(deps.db, requireAuth(req));
      return reply.header('cache-control', 'private, no-store').send(view);
    },
  );
  for (const format of ['pdf', 'docx'] as DocumentFormat[]) {
    r.get(
      `${BASE}/document.${format}`,
      {
        schema: {
          operationId: format === 'pdf' ? 'showRemoteWorkPolaPdf' : 'showRemoteWorkPolaDocx',
          tags: TAGS,
          summary: format === 'pdf' ? 'Il POLA in PDF' : 'Il POLA in DOCX modificabile',
          response: {
            200: {
              description: format === 'pdf' ? 'Documento PDF' : 'Documento Word (Office Open XML)',
              content: { [format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']: { schema: z.string().describe('Il file') } },
            },
          },
        },
      },
      async (req, reply) => {
        const out = await showPolaDocument(deps.db, requireAuth(req), format);
        return sendDownload(reply, { contentType: out.contentType, filename: out.filename, content: out.content, cacheControl: 'private, no-store' });
      },
    );
  }
  r.put(
    `${BASE}/settings`,
    {
      schema: {
        operationId: 'updateRemoteWorkPolaSettings',
        tags: TAGS,
        summary: 'Primo anno del triennio, modello semplificato (automatico o scelto) e testi dell’ente',
        body: polaSettingsBody,
        response: { 200: polaSettings },
      },
    },
    async (req) => updatePolaSettings(deps.db, requireAuth(req), req.body, { ip: req.ip }),
  );
  r.put(
    `${BASE}/declarations`,
    {
      schema: {
        operationId: 'updateRemoteWorkPolaDeclarations',
        tags: TAGS,
        summary: 'Dotazioni digitali, formazione e spese dichiarate dall’ente (null: non dichiarato)',
        body: polaDeclarationsBody,
        response: { 200: polaDeclarations },
      },
    },
    async (req) => updatePolaDeclarations(deps.db, requireAuth(req), req.body, { ip: req.ip }),
  );
  r.put(
    `${BASE}/targets`,
    {
      schema: {
        operationId: 'updateRemoteWorkPolaTargets',
        tags: TAGS,
        summary: 'Valori attesi degli indicatori del programma di sviluppo, per anno del triennio (null: togli il valore)',
        body: polaTargetsBody,
        response: { 200: polaTargets },
      },
    },
    async (req) => updatePolaTargets(deps.db, requireAuth(req), req.body, { ip: req.ip }),
  );
}
