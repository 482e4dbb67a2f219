/**
 * French for setup and the staff desk (desk.html only, so none of it reaches a reporter's
 * phone). The desk also uses the reporter catalogue (kinds, institutions, errors). Keys start
 * with 'desk.' so the two catalogues never collide when merged.
 */
import type { MessageTable } from '../types.ts';
import { orgsFr } from './orgs-fr.ts';
import { securityFr } from './security-fr.ts';
import { casesFr } from './cases-fr.ts';
import { forwardingFr } from './forwarding-fr.ts';
import { custodyFr } from './custody-fr.ts';
import { fieldFr } from './field-fr.ts';
import { statsFr } from './stats-fr.ts';

const coreMessages = {
  'desk.title': 'Bureau des alertes',
  'desk.logout': 'Se déconnecter',
  'desk.viewFailed': 'Cette page n’a pas pu s’afficher. Vos clés et votre session sont intactes : choisissez une autre page dans le menu, ou revenez plus tard. Détail technique : {detail}',
  'desk.loggedInAs': 'Connecté\u00a0: {login}',
  'desk.working': 'Un instant…',

  'desk.setup.title': 'Installation de la plateforme',
  'desk.setup.intro':
    "Vous créez l'organisation qui recevra les alertes et le compte de sa coordinatrice ou de son coordinateur. Les clés sont créées dans ce navigateur\u00a0; le serveur ne les voit jamais.",
  'desk.setup.noToken':
    "Ce lien d'installation ne contient pas de jeton. Ouvrez le lien complet affiché par la commande d'installation.",
  'desk.setup.organisationName': "Nom de l'organisation",
  'desk.setup.login': 'Identifiant de la coordinatrice ou du coordinateur',
  'desk.setup.loginHint': 'Lettres minuscules, chiffres et . _ @ + - (3 caractères au moins).',
  'desk.setup.password': 'Mot de passe',
  'desk.setup.passwordHint': '12 caractères au moins. Une phrase de plusieurs mots est plus sûre et plus facile à retenir.',
  'desk.setup.passwordAgain': 'Mot de passe, à nouveau',
  'desk.setup.alreadyDone': "La plateforme est déjà configurée : ce lien d'installation ne sert plus. Connectez-vous au bureau.",
  'desk.setup.submit': 'Installer',
  'desk.setup.working': 'Création des clés… cela peut prendre une minute.',
  'desk.setup.keysTitle': 'Vos quatre clés de secours',
  'desk.setup.keysIntro':
    'Imprimez cette page ou recopiez ces clés à la main, puis rangez-les séparément, en lieu sûr et hors ligne. Elles ne seront plus jamais affichées.',
  'desk.setup.key.user': 'Compte de la coordinatrice ou du coordinateur',
  'desk.setup.key.userHelp': 'Rouvre ce compte et ses clés si le mot de passe est perdu.',
  'desk.setup.key.organisation': 'Organisation',
  'desk.setup.key.organisationHelp': "Rouvre les clés de l'organisation, donc toutes ses alertes, si plus aucun membre ne peut se connecter.",
  'desk.setup.key.coalition': 'Signature de la coalition',
  'desk.setup.key.coalitionHelp':
    "Permet de signer l'annuaire des clés et les questionnaires\u00a0: sans elle, on ne peut plus ajouter d'organisation ni changer l'acheminement.",
  'desk.setup.key.custodian': 'Dépositaire des identités',
  'desk.setup.key.custodianHelp': "Ouvre les identités que les lanceurs d'alerte ont choisi de donner. À confier au seul dépositaire.",
  'desk.setup.print': 'Imprimer',
  'desk.setup.confirm': "J'ai imprimé ou recopié ces quatre clés",
  'desk.setup.continue': 'Continuer vers la connexion',

  'desk.invalid.organisationName': "Donnez le nom de l'organisation.",
  'desk.invalid.login': "Cet identifiant n'est pas valide.",
  'desk.invalid.passwordShort': { one: '{count} caractère au moins.', many: '{count} de caractères au moins.', other: '{count} caractères au moins.' },
  'desk.invalid.passwordMismatch': 'Les deux mots de passe ne sont pas identiques.',
  'desk.invalid.required': 'Ce champ est obligatoire.',
  'desk.invalid.alertId': "Un identifiant d'alerte compte 22 caractères (lettres, chiffres, - et _).",

  'desk.login.title': 'Connexion',
  'desk.login.login': 'Identifiant',
  'desk.login.password': 'Mot de passe',
  'desk.login.submit': 'Se connecter',
  'desk.login.working': 'Connexion… le calcul de la clé prend quelques secondes.',
  'desk.login.note': 'Votre mot de passe ne quitte pas ce navigateur. Après un rechargement de la page, il faut se reconnecter.',

  'desk.nav.label': 'Pages du bureau',
  'desk.nav.inbox': 'Alertes',
  'desk.inbox.title': 'Alertes reçues',
  'desk.inbox.filter': 'Filtrer par état',
  'desk.inbox.allStates': 'Tous les états',
  'desk.inbox.refresh': 'Actualiser',
  'desk.inbox.empty': 'Aucune alerte.',
  'desk.inbox.state': 'État',
  'desk.inbox.age': 'Âge',
  'desk.inbox.kind': 'Type',
  'desk.inbox.region': 'Région',
  'desk.inbox.messages': 'Messages',
  'desk.inbox.lastFrom': 'Dernier message',
  'desk.inbox.open': 'Ouvrir',
  'desk.age': { one: '{count} jour', many: '{count} de jours', other: '{count} jours' },
  'desk.from.reporter': "Lanceur d'alerte",
  'desk.from.organisation': 'Organisation',
  'desk.from.none': '—',
  'desk.actor.reporter': "le lanceur d'alerte",
  'desk.actor.system': 'le système',

  'desk.alert.back': 'Retour à la liste',
  'desk.alert.title': 'Alerte du {day}',
  'desk.alert.id': 'Identifiant\u00a0: {id}',
  'desk.alert.statisticsMismatch':
    'Attention\u00a0: les champs statistiques en clair sur le serveur ne correspondent pas aux réponses chiffrées. Ils ont pu être modifiés.',
  'desk.alert.noAnswers': "Vous n'avez pas de clé pour lire le contenu de cette alerte.",
  'desk.alert.answersDeleted': 'Le contenu de cette alerte a été supprimé (spam).',
  'desk.alert.answersBroken':
    "Les réponses de cette alerte n'ont pas pu être déchiffrées\u00a0: elles ont été abîmées ou falsifiées. Vous pouvez tout de même la classer (spam, non fondée).",
  'desk.alert.answersKeyMismatch':
    "Les réponses de cette alerte ne correspondent pas à la clé du lanceur d'alerte enregistrée\u00a0: elles ne sont pas affichées, car elles pourraient être falsifiées.",
  'desk.broken.cannot-decrypt': "Ce message n'a pas pu être déchiffré.",
  'desk.broken.bad-signature': "Ce message n'a pas pu être vérifié\u00a0: sa signature est invalide. Il n'est pas affiché.",
  'desk.broken.out-of-order': "Ce message n'est pas à sa place dans la conversation (message manquant ou en double)\u00a0: il n'est pas affiché.",
  'desk.broken.unverifiable': "Ce message ne peut pas être vérifié sans les réponses de l'alerte\u00a0: il n'est pas affiché.",
  'desk.alert.noteBroken': "Cette note n'a pas pu être déchiffrée.",
  'desk.alert.reasonBroken': "Le motif n'a pas pu être déchiffré.",
  'desk.alert.answers': 'Réponses',
  'desk.alert.kind': 'Type de fait',
  'desk.alert.place': 'Lieu',
  'desk.alert.region': 'Région ou district',
  'desk.alert.cercle': 'Cercle',
  'desk.alert.commune': 'Commune',
  'desk.alert.when': 'Date des faits',
  'desk.alert.institution': 'Institution',
  'desk.alert.amount': 'Montant',
  'desk.alert.description': "Ce qui s'est passé",
  'desk.alert.language': "Langue du lanceur d'alerte",
  'desk.alert.consent': 'Partage avec des journalistes',
  'desk.alert.consentYes': 'Accepté',
  'desk.alert.consentNo': 'Refusé',
  'desk.alert.unknown': 'Non précisé',
  'desk.alert.attachments': 'Pièces jointes',
  'desk.alert.noAttachments': 'Aucune pièce jointe.',
  'desk.alert.notCleaned': 'Non nettoyé\u00a0: peut contenir des métadonnées (auteur, GPS, appareil).',
  'desk.alert.download': 'Télécharger',
  'desk.alert.preview': 'Aperçu',
  'desk.alert.hidePreview': "Masquer l'aperçu",
  'desk.alert.downloadWarning': 'Ouvrez les fichiers téléchargés avec prudence, de préférence sur un poste isolé.',
  'desk.alert.history': 'Historique',
  'desk.alert.historyEntry': '{from} → {to}, par {actor}',
  'desk.alert.historyCreated': 'Création, par {actor}',
  'desk.alert.conversation': 'Conversation',
  'desk.alert.noMessages': 'Aucun message.',
  'desk.alert.message': "Message au lanceur d'alerte",
  'desk.alert.sendMessage': 'Envoyer le message',
  'desk.alert.notes': 'Notes internes',
  'desk.alert.noNotes': 'Aucune note.',
  'desk.alert.note': "Note interne — jamais visible par le lanceur d'alerte",
  'desk.alert.addNote': 'Ajouter la note',
  'desk.alert.actions': "Changer l'état",
  'desk.alert.noActions': "Aucun changement d'état possible.",
  'desk.alert.reason': 'Raison (obligatoire)',
  'desk.alert.duplicateOf': "Identifiant de l'alerte originale",
  'desk.alert.confirmTransition': 'Confirmer\u00a0: {state}',
  'desk.alert.duplicateLink': 'Doublon de {id}',

  'desk.state.received': 'Reçue',
  'desk.state.acknowledged': 'Accusé de réception',
  'desk.state.in-verification': 'En vérification',
  'desk.state.needs-information': "Besoin d'informations",
  'desk.state.verified': 'Vérifiée',
  'desk.state.forwarded': 'Transmise',
  'desk.state.closed': 'Clôturée',
  'desk.state.unfounded': 'Non fondée',
  'desk.state.duplicate': 'Doublon',
  'desk.state.out-of-scope': 'Hors champ',
  'desk.state.spam': 'Abus (spam)',

  'desk.band.unknown': 'montant inconnu',
  'desk.band.lt-100k': 'moins de 100 000 FCFA',
  'desk.band.100k-1m': 'de 100 000 à 1 million de FCFA',
  'desk.band.1m-10m': 'de 1 à 10 millions de FCFA',
  'desk.band.10m-100m': 'de 10 à 100 millions de FCFA',
  'desk.band.gte-100m': '100 millions de FCFA ou plus',
} as const satisfies MessageTable<string>;

const messages = { ...coreMessages, ...orgsFr, ...securityFr, ...casesFr, ...forwardingFr, ...custodyFr, ...fieldFr, ...statsFr } as const;

export type DeskKey = keyof typeof messages;
/** The keys of this file's own table (the areas' files type their English twins themselves). */
export type CoreDeskKey = keyof typeof coreMessages;

export const deskFr = messages;
