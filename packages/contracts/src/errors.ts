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
  'invitation-invalid': { status: 404, fr: "Cette invitation est invalide, expirée ou déjà utilisée. Demandez-en une nouvelle à l'administrateur.", en: 'This invitation is invalid, expired or already used. Ask the administrator for a new one.' },
  'invitation-other-login': { status: 403, fr: 'Cette invitation est destinée à un autre identifiant.', en: 'This invitation is meant for another login.' },
  'login-taken': { status: 409, fr: 'Cet identifiant est déjà pris : choisissez-en un autre, ou connectez-vous pour accepter avec votre compte.', en: 'This login is already taken: choose another, or log in to accept with your account.' },
  'already-member': { status: 409, fr: 'Cette personne a déjà ce rôle dans cette organisation.', en: 'This person already has this role in this organisation.' },
  'org-keys-exist': { status: 409, fr: "Les clés de cette organisation existent déjà ou ont changé entre-temps. Rechargez la page.", en: "This organisation's keys already exist or changed meanwhile. Reload the page." },
  'org-key-required': { status: 403, fr: "Il faut détenir la clé actuelle de l'organisation pour faire cela.", en: "You need to hold the organisation's current key to do that." },
  'directory-outdated': { status: 409, fr: 'Le répertoire des clés a changé entre-temps. Rechargez et signez à nouveau.', en: 'The key directory changed meanwhile. Reload and sign again.' },
  'directory-mismatch': { status: 400, fr: "Le répertoire signé ne correspond pas aux organisations enregistrées (clés, noms ou routage).", en: 'The signed directory does not match the registered organisations (keys, names or routing).' },
  'last-administrator': { status: 409, fr: "C'est le dernier administrateur de la coalition : nommez d'abord un autre administrateur.", en: 'This is the last administrator of the coalition: appoint another administrator first.' },
  'invitation-own': { status: 403, fr: "Vous ne pouvez pas accepter une invitation que vous avez créée : une autre personne administratrice doit vous inviter.", en: 'You cannot accept an invitation you created: another administrator must invite you.' },
  'organisation-name-taken': { status: 409, fr: 'Une organisation porte déjà ce nom (sans tenir compte des majuscules). Choisissez un autre nom.', en: 'An organisation already has this name (ignoring case). Choose another name.' },
  // ---- security (issue 3): add this area's codes here ----
  'second-factor-required': { status: 401, fr: "Saisissez le code à six chiffres de votre application d'authentification.", en: 'Enter the six-digit code from your authenticator app.' },
  'second-factor-invalid': { status: 401, fr: 'Ce code est incorrect, expiré ou déjà utilisé. Attendez le code suivant.', en: 'This code is wrong, expired or already used. Wait for the next code.' },
  'second-factor-enrolment-required': { status: 403, fr: "Activez d'abord la double authentification pour accéder au bureau.", en: 'Set up two-step sign-in first to reach the desk.' },
  'second-factor-already-enrolled': { status: 409, fr: 'La double authentification est déjà activée pour ce compte.', en: 'Two-step sign-in is already set up for this account.' },
  'second-factor-enrolment-expired': { status: 409, fr: "L'activation a expiré ou n'a pas été commencée. Recommencez.", en: 'The setup expired or was not started. Start again.' },
  'recovery-failed': { status: 401, fr: 'Identifiant ou clé de récupération incorrects, ou demande expirée. Recommencez.', en: 'Wrong login or recovery key, or the request expired. Start again.' },
  // ---- cases (issue 3): add this area's codes here ----
  'forwardings-not-concluded': { status: 409, fr: "Ce dossier ne peut être clôturé qu'une fois toutes ses transmissions conclues.", en: 'This case can be closed only once every one of its forwardings is concluded.' },
  'assignee-not-eligible': { status: 400, fr: "Cette personne ne peut pas recevoir ce dossier : elle doit être coordinatrice ou analyste de l'organisation de l'alerte.", en: "This person cannot be assigned the case: they must be a coordinator or analyst of the alert's organisation." },
  'checklist-item-unknown': { status: 400, fr: "Un point de la liste de vérification n'existe pas (ou plus) dans la configuration de l'organisation.", en: "A checklist item does not exist (or no longer exists) in the organisation's settings." },
  'mail-address-invalid': { status: 400, fr: "L'adresse électronique n'est pas valide.", en: 'The e-mail address is not valid.' },
  'mail-not-configured': { status: 409, fr: "Ce serveur n'envoie pas de courriels (SMTP_URL n'est pas réglé).", en: 'This server sends no e-mail (SMTP_URL is not set).' },
  // ---- forwarding (issue 3): add this area's codes here ----
  'case-not-verified': { status: 409, fr: "Seul un dossier vérifié (ou déjà transmis) peut être transmis.", en: 'Only a verified (or already forwarded) case can be forwarded.' },
  'recipient-not-in-directory': { status: 400, fr: "Ce destinataire n'est pas (ou plus) dans l'annuaire signé, ou sa clé a changé. Rechargez la page.", en: 'This recipient is not (or no longer) in the signed directory, or its key changed. Reload the page.' },
  'already-forwarded': { status: 409, fr: 'Ce dossier a déjà été transmis à cette organisation.', en: 'This case was already forwarded to this organisation.' },
  'consent-required': { status: 409, fr: "La personne qui a lancé l'alerte n'a pas accepté que des journalistes partenaires la reçoivent.", en: 'The reporter has not agreed that partner journalists may receive this alert.' },
  'identity-forwarding-unavailable': { status: 409, fr: "L'identité du lanceur d'alerte ne peut pas encore accompagner un dossier transmis : le destinataire doit la demander à votre organisation.", en: "The reporter's identity cannot go with a forwarded case yet: the recipient must ask your organisation for it." },
  'identity-not-granted': { status: 403, fr: "L'identité ne peut accompagner ce dossier que si le dépositaire l'a accordée pour cette transmission.", en: 'The identity may go with this case only if the custodian granted it for this forwarding.' },
  'package-signature-invalid': { status: 400, fr: "La signature du dossier transmis ne correspond pas à la clé de l'organisation.", en: "The forwarded package's signature does not match the organisation's key." },
  'details-required': { status: 400, fr: 'Précisez le montant recouvré ou la raison de l’absence de suite.', en: 'Give the amount recovered or the reason why no action is taken.' },
  // ---- custody (issue 3): add this area's codes here ----
  'custodian-key-missing': { status: 409, fr: "Vous n'avez pas encore la clé de gardien : installez-la avec la clé de récupération ou demandez-la à un autre gardien.", en: 'You do not hold the custodian key yet: set it up with the recovery key or ask another custodian.' },
  'identity-request-decided': { status: 409, fr: "Cette demande d'identité a déjà été tranchée.", en: 'This identity request has already been decided.' },
  'identity-request-pending': { status: 409, fr: "Une demande d'identité est déjà en attente pour cette alerte.", en: 'An identity request is already pending for this alert.' },
  'identity-deleted': { status: 409, fr: "L'identité de cette alerte a été supprimée.", en: 'The identity of this alert has been deleted.' },
  'checkpoint-mismatch': { status: 409, fr: "Le point de contrôle ne correspond pas au journal d'audit enregistré.", en: 'The checkpoint does not match the stored audit trail.' },
  'checkpoint-signature-invalid': { status: 400, fr: "La signature du point de contrôle n'est pas valide pour la clé de l'organisation.", en: "The checkpoint signature is not valid for the organisation's key." },
  'retention-hold-exists': { status: 409, fr: 'Cette alerte est déjà gelée.', en: 'This alert is already on hold.' },
  'retention-deleted': { status: 409, fr: 'Le contenu chiffré de cette alerte a déjà été supprimé.', en: 'The encrypted content of this alert has already been deleted.' },
  // ---- field (issue 4): add this area's codes here ----
  // ---- stats (issue 5): add this area's codes here ----
  'stats-period-open': { status: 409, fr: "Les statistiques d'une période ne sont publiées qu'une fois celle-ci terminée (mois, trimestre ou année écoulés).", en: 'Statistics for a period are released only once it has ended (a past month, quarter or year).' },
  'stats-threshold-changed': { status: 409, fr: "Le seuil de masquage des petits nombres ne peut plus changer pour cette année : des chiffres ont déjà été publiés avec un autre seuil (STATS_SUPPRESSION_THRESHOLD). Rétablissez le seuil d'origine.", en: 'The small-count threshold can no longer change for this year: figures were already published with another threshold (STATS_SUPPRESSION_THRESHOLD). Restore the original threshold.' },
  'stats-report-unavailable': { status: 503, fr: "Le rapport PDF ne peut pas être produit : les polices de caractères du serveur sont introuvables (REPORT_FONT_DIR). Prévenez l'administrateur ; les formats CSV et JSON restent disponibles.", en: "The PDF report cannot be produced: the server's fonts are missing (REPORT_FONT_DIR). Tell the administrator; the CSV and JSON formats remain available." },
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
