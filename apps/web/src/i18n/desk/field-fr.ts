/** French desk messages: focal points in the field (issue 4). Keys start with 'desk.field.'. */
import type { MessageTable } from '../types.ts';

export const fieldFr = {
  'desk.field.nav': 'Sur le terrain',
  'desk.field.title': 'Recueillir une alerte',
  'desk.field.intro':
    "Notez ici une alerte entendue en personne ou au téléphone. Elle est chiffrée sur ce téléphone dès que vous l'enregistrez\u00a0: vous-même ne pourrez plus la lire. Elle part dès que le réseau le permet.",
  'desk.field.keepOpen':
    'Hors réseau, gardez cette page ouverte\u00a0: la recharger demande de se reconnecter, ce qui exige le réseau. Les alertes déjà enregistrées restent chiffrées sur le téléphone et partiront à la prochaine connexion.',
  'desk.field.org': 'Organisation destinataire',
  'desk.field.noOrg': "Vous n'êtes point focal d'aucune organisation\u00a0: cette page ne vous sert pas.",
  'desk.field.notInDirectory':
    "Votre organisation n'est pas dans l'annuaire signé des clés\u00a0: aucune alerte ne peut lui être chiffrée. Demandez à la coordination de la coalition de signer l'annuaire, puis rouvrez cette page.",
  'desk.field.loading': "Chargement des clés de l'organisation…",
  'desk.field.intakeFailed':
    "Les clés de l'organisation n'ont pas pu être chargées. Il faut le réseau une fois, à l'ouverture de cette page\u00a0; réessayez quand il revient.",
  'desk.field.reload': 'Réessayer',
  'desk.field.errors': {
    one: '{count} champ est à corriger avant d’enregistrer.',
    many: '{count} de champs sont à corriger avant d’enregistrer.',
    other: '{count} champs sont à corriger avant d’enregistrer.',
  },
  'desk.field.record': "Enregistrer l'alerte",
  'desk.field.sealing': 'Chiffrement en cours…',
  'desk.field.failed': "L'alerte n'a pas pu être enregistrée\u00a0; ce qui a été saisi est conservé.",
  'desk.field.slip.title': 'Reçu',
  'desk.field.slip.handOver':
    "Remettez ce reçu à la personne\u00a0: imprimez-le, recopiez-le ou lisez-le à voix haute. Il ne sera plus affiché une fois cette page fermée, et personne ne pourra le retrouver.",
  'desk.field.slip.label': 'Votre reçu (24 chiffres)',
  'desk.field.slip.comeBack':
    'Pour suivre votre alerte et lire les réponses\u00a0: ouvrez {address}, choisissez «\u00a0Suivre mon alerte\u00a0» et tapez ces 24 chiffres.',
  'desk.field.slip.keep': 'Gardez ce papier en lieu sûr\u00a0: qui le possède peut lire les réponses.',
  'desk.field.slip.waiting': "L'alerte attend le réseau sur ce téléphone, chiffrée\u00a0; elle partira seule.",
  'desk.field.slip.sent': "L'alerte est envoyée\u00a0; rien n'en reste sur ce téléphone.",
  'desk.field.slip.print': 'Imprimer le reçu',
  'desk.field.slip.readAloud': 'Lire le reçu à voix haute',
  'desk.field.slip.noVoice': 'Pas de voix pour cette langue sur ce téléphone\u00a0: lisez les chiffres vous-même, groupe par groupe.',
  'desk.field.slip.done': 'Reçu remis\u00a0: alerte suivante',
} as const satisfies MessageTable<string>;

export type FieldKey = keyof typeof fieldFr;
