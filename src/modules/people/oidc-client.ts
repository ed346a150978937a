/**
 * The OpenID Connect relying party (SPID/CIE through a broker such as Keycloak), with
 * openid-client v6: discovery once per process (retried after a failure), PKCE S256, state and
 * nonce. Plain-http issuers are accepted only in tests or on the loopback address.
 */
import * as oidc from 'openid-client';
import type { Config } from '../../platform/config.js';
import { authErrors } from '../../platform/auth/auth.errors.js';

export type OidcSettings = Pick<Config, 'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'NODE_ENV' | 'publicUrl'>;

export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
export const OIDC_SCOPE = 'openid email profile';

export function oidcConfigured(c: OidcSettings): boolean {
  return !!(c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET);
}

/** openid-client refuses http:// issuers; allow them only for tests and loopback development. */
export function allowsInsecureIssuer(c: OidcSettings): boolean {
  if (!c.OIDC_ISSUER) return false;
  const u = new URL(c.OIDC_ISSUER);
  if (u.protocol !== 'http:') return false;
  return c.NODE_ENV === 'test' || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

export function redirectUri(c: OidcSettings): string {
  return c.publicUrl + OIDC_CALLBACK_PATH;
}

export class OidcRelyingParty {
  private discovered: Promise<oidc.Configuration> | null = null;
  constructor(readonly settings: OidcSettings) {}

  configuration(): Promise<oidc.Configuration> {
    const c = this.settings;
    if (!oidcConfigured(c)) return Promise.reject(authErrors.oidcNotConfigured());
    this.discovered ??= oidc
      .discovery(new URL(c.OIDC_ISSUER!), c.OIDC_CLIENT_ID!, undefined, oidc.ClientSecretBasic(c.OIDC_CLIENT_SECRET!), {
        execute: allowsInsecureIssuer(c) ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((err) => {
        this.discovered = null;
        throw authErrors.oidcUnavailable((err as Error).message);
      });
    return this.discovered;
  }
}
