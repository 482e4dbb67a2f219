/**
 * The closed set of application error codes, with a clear message in each language.
 * SECURITY: messages never carry plaintext, receipts, keys or personal data.
 */
import type { Language } from './vocab.ts';

export const ERROR_CODES = {
  'bad-request': { status: 400, fr: 'La requête est mal formée.', en: 'The request is malformed.' },
  'validation-failed': { status: 400, fr: 'Certaines informations envoyées ne sont pas valides.', en: 'Some of the information sent is not valid.' },
  'payload-too-large': { status: 413, fr: 'Le fichier ou la requête est trop volumineux.', en: 'The file or request is too large.' },
  'unsupported-media-type': { status: 415, fr: 'Type de contenu non pris en charge.', en: 'Unsupported content type.' },
  'not-found': { status: 404, fr: 'Introuvable.', en: 'Not found.' },
  'method-not-allowed': { status: 405, fr: "Cette adresse n'accepte pas cette méthode.", en: 'This address does not accept this method.' },
  'unauthenticated': { status: 401, fr: 'Veuillez vous connecter.', en: 'Please log in.' },
  'forbidden': { status: 403, fr: "Vous n'avez pas le droit de faire cela.", en: 'You are not allowed to do that.' },
  'csrf-rejected': { status: 403, fr: 'Requête refusée (protection CSRF).', en: 'Request refused (CSRF protection).' },
  'invalid-credentials': { status: 401, fr: 'Identifiant ou mot de passe incorrect.', en: 'Wrong login or password.' },
  'receipt-not-found': { status: 404, fr: 'Aucune alerte ne correspond à ce reçu.', en: 'No alert matches this receipt.' },
  'throttled': { status: 429, fr: 'Trop de tentatives. Réessayez dans quelques minutes.', en: 'Too many attempts. Try again in a few minutes.' },
  'pow-required': { status: 400, fr: 'La preuve de travail est absente ou invalide. Rechargez la page.', en: 'The proof of work is missing or invalid. Reload the page.' },
  'quota-exceeded': { status: 503, fr: "Le service reçoit trop d'envois en ce moment. Réessayez plus tard.", en: 'The service is receiving too many submissions right now. Try again later.' },
  'upload-incomplete': { status: 409, fr: "L'envoi des fichiers n'est pas terminé.", en: 'The file upload is not finished.' },
  'conflict': { status: 409, fr: 'Cette action entre en conflit avec une autre. Rechargez et réessayez.', en: 'This action conflicts with another. Reload and try again.' },
  'illegal-transition': { status: 409, fr: "Ce changement d'état n'est pas permis.", en: 'This change of state is not allowed.' },
  'setup-done': { status: 409, fr: 'La plateforme est déjà configurée.', en: 'The platform is already set up.' },
  'setup-token-invalid': { status: 403, fr: "Le lien d'installation est invalide ou déjà utilisé.", en: 'The setup link is invalid or already used.' },
  'not-set-up': { status: 503, fr: "La plateforme n'est pas encore configurée.", en: 'The platform is not set up yet.' },
  // ---- orgs (issue 3): add this area's codes here ----
  // ---- security (issue 3): add this area's codes here ----
  // ---- cases (issue 3): add this area's codes here ----
  // ---- forwarding (issue 3): add this area's codes here ----
  // ---- custody (issue 3): add this area's codes here ----
  // ---- field (issue 4): add this area's codes here ----
  'internal': { status: 500, fr: 'Erreur interne. Votre envoi n’a pas été perdu : réessayez.', en: 'Internal error. Nothing was lost: try again.' },
} as const satisfies Record<string, { status: number; fr: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** English where asked, French (the working language) otherwise: the reporter's pages carry their own Bambara texts. */
export function errorMessage(code: ErrorCode, language: Language): string {
  return language === 'en' ? ERROR_CODES[code].en : ERROR_CODES[code].fr;
}

/** The JSON body of every 4xx/5xx answer. */
export type ApiErrorBody = {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly issues?: readonly string[] };
};
