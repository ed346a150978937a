/** Errors of sign-in, accounts, tokens and members, with stable codes. */
import { defineError } from '../http/errors.js';

export const authErrors = {
  invalidCredentials: defineError('auth.invalid_credentials', {
    status: 401,
    title: 'E-mail o password non corretti',
    titleEn: 'Wrong e-mail or password',
  }),
  tooManyAttempts: defineError('auth.too_many_attempts', {
    status: 429,
    title: 'Troppi tentativi di accesso non riusciti: riprova più tardi',
    titleEn: 'Too many failed sign-in attempts',
  }),
  invalidToken: defineError('auth.invalid_token', {
    status: 401,
    title: 'Token di accesso non valido, scaduto o revocato',
    titleEn: 'Invalid, expired or revoked access token',
  }),
  weakPassword: defineError('auth.weak_password', {
    status: 400,
    title: 'La password deve avere almeno 12 caratteri',
    titleEn: 'The password must have at least 12 characters',
  }),
  emailTaken: defineError('auth.email_taken', {
    status: 409,
    title: 'Esiste già un utente con questo indirizzo e-mail',
    titleEn: 'A user with this e-mail already exists',
  }),
  notAMember: defineError('auth.not_a_member', {
    status: 403,
    title: 'Non fai parte di questo ente',
    titleEn: 'You are not a member of this body',
  }),
  resetTokenInvalid: defineError('auth.reset_token_invalid', {
    status: 400,
    title: 'Il collegamento per reimpostare la password non è valido o è scaduto',
    titleEn: 'The password reset link is invalid or expired',
  }),
  tokenNotFound: defineError('auth.token_not_found', {
    status: 404,
    title: 'Token non trovato',
    titleEn: 'Token not found',
  }),
  oidcNotConfigured: defineError('auth.oidc_not_configured', {
    status: 404,
    title: 'L’accesso con SPID/CIE non è configurato su questa installazione',
    titleEn: 'OpenID Connect sign-in is not configured',
  }),
  oidcStateInvalid: defineError('auth.oidc_state_invalid', {
    status: 400,
    title: 'La richiesta di accesso con SPID/CIE è scaduta o non è valida: riprova',
    titleEn: 'The OpenID Connect sign-in request expired or is invalid',
  }),
  oidcFailed: defineError('auth.oidc_failed', {
    status: 401,
    title: 'Il fornitore di identità non ha confermato l’accesso',
    titleEn: 'The identity provider did not confirm the sign-in',
  }),
  oidcUnknownUser: defineError('auth.oidc_unknown_user', {
    status: 403,
    title: 'Nessun utente di Agile PA corrisponde a questa identità: chiedi al tuo ente di invitarti',
    titleEn: 'No Agile PA user matches this identity: ask your body to invite you',
  }),
  oidcUnavailable: defineError('auth.oidc_unavailable', {
    status: 503,
    title: 'Il servizio di accesso con SPID/CIE non risponde: riprova tra poco',
    titleEn: 'The OpenID Connect provider is unavailable',
  }),
  oidcIdentityMismatch: defineError('auth.oidc_identity_mismatch', {
    status: 403,
    title: 'L’utente con questa e-mail è collegato a un altro codice fiscale',
    titleEn: 'The user with this e-mail is linked to another tax code',
  }),
  accountDisabled: defineError('auth.account_disabled', {
    status: 403,
    title: 'L’account è disattivato',
    titleEn: 'The account is disabled',
  }),
  memberNotFound: defineError('member.not_found', {
    status: 404,
    title: 'Questa persona non fa parte dell’ente',
    titleEn: 'This person is not a member of the body',
  }),
  sharedAccount: defineError('member.shared_account', {
    status: 409,
    title: 'Questa persona fa parte anche di altri enti: può disattivarla solo un amministratore della piattaforma',
    titleEn: 'This person also belongs to other bodies: only a platform administrator can disable the account',
  }),
  cannotDisableSelf: defineError('member.cannot_disable_self', {
    status: 409,
    title: 'Non puoi disattivare il tuo stesso account',
    titleEn: 'You cannot disable your own account',
  }),
  wrongCurrentPassword: defineError('auth.wrong_current_password', {
    status: 400,
    title: 'La password attuale non è corretta',
    titleEn: 'The current password is wrong',
  }),
  noLocalPassword: defineError('auth.no_local_password', {
    status: 409,
    title: 'Questo account accede con SPID/CIE e non ha una password locale: usa «Password dimenticata» per crearne una',
    titleEn: 'This account signs in with SPID/CIE and has no local password',
  }),
  roleNotGrantable: defineError('member.role_not_grantable', {
    status: 403,
    title: 'Solo un amministratore della piattaforma può assegnare questo ruolo',
    titleEn: 'Only a platform administrator can grant this role',
  }),
};
