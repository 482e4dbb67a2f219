/** French desk messages: second factor (TOTP) and account recovery. Keys start with 'desk.security.'. */
import type { MessageTable } from '../types.ts';

export const securityFr = {
  'desk.security.nav': 'Double authentification',
  'desk.security.navUsers': 'Comptes et double authentification',

  'desk.security.code.label': 'Code de votre application d’authentification',
  'desk.security.code.hint': 'Six chiffres, renouvelés toutes les 30 secondes (par exemple dans FreeOTP, Aegis ou Google Authenticator).',
  'desk.security.code.again': 'Ce code n’a pas été accepté. Attendez le code suivant et saisissez-le.',
  'desk.security.code.submit': 'Valider le code',
  'desk.security.code.invalid': 'Saisissez les six chiffres affichés par l’application.',

  'desk.security.enrol.title': 'Activer la double authentification',
  'desk.security.enrol.required':
    'La plateforme exige un second facteur pour le personnel. Activez-le pour accéder au bureau\u00a0: sans lui, un mot de passe volé suffirait à lire les alertes.',
  'desk.security.enrol.intro':
    'Installez une application d’authentification sur votre téléphone, puis scannez ce code ou saisissez la clé à la main.',
  'desk.security.enrol.start': 'Commencer',
  'desk.security.enrol.qr': 'Code QR à scanner avec l’application d’authentification',
  'desk.security.enrol.secret': 'Clé à saisir à la main\u00a0: {secret}',
  'desk.security.enrol.expires': 'Confirmez avant {time}, sinon recommencez.',
  'desk.security.enrol.confirm': 'Activer',
  'desk.security.enrol.done': 'La double authentification est activée. À chaque connexion, le code de l’application vous sera demandé.',
  'desk.security.enrol.continue': 'Aller au bureau',
  'desk.security.status.on': 'Double authentification activée le {date}.',
  'desk.security.status.lost':
    'Téléphone perdu\u00a0? Demandez à un administrateur de réinitialiser votre second facteur, puis activez-le à nouveau.',

  'desk.security.users.title': 'Comptes et double authentification',
  'desk.security.users.intro':
    'Réinitialisez le second facteur d’une personne qui a perdu son téléphone. Ses sessions sont fermées\u00a0; elle devra en activer un nouveau à sa prochaine connexion.',
  'desk.security.users.login': 'Identifiant',
  'desk.security.users.state': 'Second facteur',
  'desk.security.users.on': 'Activé',
  'desk.security.users.off': 'Non activé',
  'desk.security.users.disabled': 'Compte désactivé',
  'desk.security.users.reset': 'Réinitialiser',
  'desk.security.users.confirm': 'Réinitialiser le second facteur de {login}\u00a0? Ses sessions seront fermées.',
  'desk.security.users.done': 'Second facteur de {login} réinitialisé.',
  'desk.security.users.empty': 'Aucun compte.',

  'desk.security.recovery.link': 'Mot de passe perdu\u00a0?',
  'desk.security.recovery.title': 'Retrouver l’accès avec la clé de récupération',
  'desk.security.recovery.intro':
    'Saisissez la clé de récupération imprimée lors de la création de votre compte et choisissez un nouveau mot de passe. La clé et le mot de passe ne quittent pas ce navigateur.',
  'desk.security.recovery.key': 'Clé de récupération',
  'desk.security.recovery.keyHint': '14 groupes de 4 caractères\u00a0; majuscules, minuscules, espaces ou tirets, peu importe.',
  'desk.security.recovery.keyWrong': 'Cette clé ne correspond pas à ce compte, ou l’identifiant est incorrect.',
  'desk.security.recovery.keyMistyped': 'Cette clé est mal saisie\u00a0: vérifiez chaque groupe.',
  'desk.security.recovery.password': 'Nouveau mot de passe',
  'desk.security.recovery.passwordAgain': 'Nouveau mot de passe, à nouveau',
  'desk.security.recovery.passwordShort': '12 caractères au moins.',
  'desk.security.recovery.passwordMismatch': 'Les deux mots de passe diffèrent.',
  'desk.security.recovery.replace': 'Remplacer aussi la clé de récupération (recommandé\u00a0: l’ancienne ne servira plus)',
  'desk.security.recovery.submit': 'Retrouver l’accès',
  'desk.security.recovery.working': 'Un instant… le calcul des clés prend quelques secondes.',
  'desk.security.recovery.done': 'Votre mot de passe est changé. Vos autres sessions ont été fermées.',
  'desk.security.recovery.newKey':
    'Voici votre nouvelle clé de récupération. Imprimez-la ou recopiez-la maintenant et rangez-la en lieu sûr\u00a0: elle ne sera plus jamais affichée.',
  'desk.security.recovery.back': 'Retour à la connexion',
} as const satisfies MessageTable<string>;

export type SecurityKey = keyof typeof securityFr;
