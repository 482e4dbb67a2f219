/** English desk messages: focal points in the field. Typed against field-fr.ts. */
import type { MessageTable } from '../types.ts';
import type { FieldKey } from './field-fr.ts';

export const fieldEn: MessageTable<FieldKey> = {
  'desk.field.nav': 'In the field',
  'desk.field.title': 'Record an alert',
  'desk.field.intro':
    'Write down here an alert heard in person or by phone. It is encrypted on this phone as soon as you record it: you yourself will not be able to read it again. It leaves as soon as the network allows.',
  'desk.field.keepOpen':
    'Without a network, keep this page open: reloading it means logging in again, which needs the network. Alerts already recorded stay encrypted on the phone and leave at the next connection.',
  'desk.field.org': 'Organisation receiving it',
  'desk.field.noOrg': 'You are not a focal point of any organisation: this page is not for you.',
  'desk.field.notInDirectory':
    'Your organisation is not in the signed key directory: no alert can be encrypted to it. Ask the coalition’s coordination to sign the directory, then open this page again.',
  'desk.field.loading': 'Loading the organisation’s keys…',
  'desk.field.intakeFailed': 'The organisation’s keys could not be loaded. The network is needed once, when this page opens; try again when it returns.',
  'desk.field.reload': 'Try again',
  'desk.field.errors': { one: '{count} field needs fixing before recording.', other: '{count} fields need fixing before recording.' },
  'desk.field.record': 'Record the alert',
  'desk.field.sealing': 'Encrypting…',
  'desk.field.failed': 'The alert could not be recorded; what was typed is kept.',
  'desk.field.slip.title': 'Receipt',
  'desk.field.slip.handOver':
    'Give this receipt to the person: print it, copy it out, or read it aloud. It is not shown again once this page is closed, and nobody can find it again.',
  'desk.field.slip.label': 'Your receipt (24 digits)',
  'desk.field.slip.comeBack': 'To follow your alert and read the answers: open {address}, choose “Follow my alert” and type these 24 digits.',
  'desk.field.slip.keep': 'Keep this paper somewhere safe: whoever holds it can read the answers.',
  'desk.field.slip.waiting': 'The alert is waiting for the network on this phone, encrypted; it will leave by itself.',
  'desk.field.slip.sent': 'The alert has been sent; nothing of it remains on this phone.',
  'desk.field.slip.print': 'Print the receipt',
  'desk.field.slip.readAloud': 'Read the receipt aloud',
  'desk.field.slip.noVoice': 'No voice for this language on this phone: read the digits out yourself, group by group.',
  'desk.field.slip.done': 'Receipt handed over: next alert',
};
