/**
 * Sign-in with SPID/CIE through an OpenID Connect broker.
 * Step 1 (`beginOidcSignIn`): a state, a nonce and a PKCE verifier are kept for ten minutes in the
 * database (any process may receive the callback); the browser goes to the provider.
 * Step 2 (`completeOidcSignIn`): the code is exchanged, the claims read (id token and userinfo),
 * the person is found by tax code, then by e-mail (and the tax code linked to that account).
 * Unknown people are refused: bodies invite their people first.
 */
import * as oidc from 'openid-client';
import type { Db } from '../../platform/db/index.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import * as repo from './people.repo.js';
import { normalizeTaxCode } from './create-user.js';
import { OIDC_SCOPE, redirectUri, type OidcRelyingParty } from './oidc-client.js';
import { startSession, type ClientInfo, type StartedSession } from './sessions.js';

export const OIDC_STATE_TTL_SECONDS = 600;

export async function beginOidcSignIn(db: Db, rp: OidcRelyingParty): Promise<string> {
  const config = await rp.configuration();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await repo.insertOidcState(db, { state, nonce, codeVerifier, ttlSeconds: OIDC_STATE_TTL_SECONDS });
  return oidc
    .buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(rp.settings),
      scope: OIDC_SCOPE,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    })
    .toString();
}

export interface OidcIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  taxCode: string | null;
}

const TAX_CODE_CLAIMS = ['fiscal_number', 'fiscalNumber', 'fiscal_code', 'tax_code', 'codice_fiscale', 'https://attributes.eid.gov.it/fiscal_number'];

/** Reads the claims a SPID/CIE broker sends (names vary between brokers). Pure. */
export function identityFromClaims(claims: Record<string, unknown>): OidcIdentity {
  const str = (k: string) => (typeof claims[k] === 'string' && (claims[k] as string).trim() !== '' ? (claims[k] as string).trim() : null);
  let taxCode: string | null = null;
  for (const k of TAX_CODE_CLAIMS) {
    const v = str(k);
    if (v) {
      try {
        taxCode = normalizeTaxCode(v);
      } catch {
        taxCode = null;
      }
      break;
    }
  }
  const name = str('name') ?? ([str('given_name'), str('family_name')].filter(Boolean).join(' ') || null);
  return {
    subject: String(claims.sub ?? ''),
    email: str('email')?.toLowerCase() ?? null,
    emailVerified: claims.email_verified !== false,
    name,
    taxCode,
  };
}

export async function completeOidcSignIn(db: Db, rp: OidcRelyingParty, callbackUrl: URL, client: ClientInfo): Promise<StartedSession> {
  const config = await rp.configuration();
  const state = callbackUrl.searchParams.get('state');
  if (!state) throw authErrors.oidcStateInvalid();
  const saved = await repo.takeOidcState(db, state);
  if (!saved) throw authErrors.oidcStateInvalid();
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: saved.code_verifier,
      expectedState: state,
      expectedNonce: saved.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    claims = { ...idClaims, ...info };
  } catch (err) {
    throw authErrors.oidcFailed((err as Error).message?.slice(0, 300));
  }
  const id = identityFromClaims(claims);
  const userId = await db.ownerTx(async (tx) => {
    if (id.taxCode) {
      const byTax = await repo.findUserByTaxCode(tx, id.taxCode);
      if (byTax) return checkActive(byTax);
    }
    if (id.email && id.emailVerified) {
      const byEmail = await repo.findUserByEmail(tx, id.email);
      if (byEmail) {
        if (id.taxCode && byEmail.tax_code && byEmail.tax_code !== id.taxCode) throw authErrors.oidcIdentityMismatch();
        if (id.taxCode && !byEmail.tax_code) await repo.linkTaxCode(tx, byEmail.id, id.taxCode);
        return checkActive(byEmail);
      }
    }
    throw authErrors.oidcUnknownUser();
  });
  return startSession(db, userId, client);
}

function checkActive(u: repo.UserRow): string {
  if (u.disabled) throw authErrors.accountDisabled();
  return u.id;
}
