/** English desk messages: second factor (TOTP) and account recovery. Typed against security-fr.ts. */
import type { MessageTable } from '../types.ts';
import type { SecurityKey } from './security-fr.ts';

export const securityEn: MessageTable<SecurityKey> = {
  'desk.security.nav': 'Two-step sign-in',
  'desk.security.navUsers': 'Accounts and two-step sign-in',

  'desk.security.code.label': 'Code from your authenticator app',
  'desk.security.code.hint': 'Six digits, renewed every 30 seconds (for example in FreeOTP, Aegis or Google Authenticator).',
  'desk.security.code.again': 'That code was not accepted. Wait for the next code and type it.',
  'desk.security.code.submit': 'Check the code',
  'desk.security.code.invalid': 'Type the six digits the app shows.',

  'desk.security.enrol.title': 'Set up two-step sign-in',
  'desk.security.enrol.required':
    'The platform requires a second factor for staff. Set it up to reach the desk: without it, a stolen password would be enough to read alerts.',
  'desk.security.enrol.intro': 'Install an authenticator app on your phone, then scan this code or type the key by hand.',
  'desk.security.enrol.start': 'Start',
  'desk.security.enrol.qr': 'QR code to scan with the authenticator app',
  'desk.security.enrol.secret': 'Key to type by hand: {secret}',
  'desk.security.enrol.expires': 'Confirm before {time}, or start again.',
  'desk.security.enrol.confirm': 'Turn on',
  'desk.security.enrol.done': 'Two-step sign-in is on. Each time you sign in, the app’s code will be asked for.',
  'desk.security.enrol.continue': 'Go to the desk',
  'desk.security.status.on': 'Two-step sign-in turned on on {date}.',
  'desk.security.status.lost': 'Lost your phone? Ask an administrator to reset your second factor, then set it up again.',

  'desk.security.users.title': 'Accounts and two-step sign-in',
  'desk.security.users.intro':
    'Reset the second factor of someone who lost their phone. Their sessions end; they must set up a new one at their next sign-in.',
  'desk.security.users.login': 'Login',
  'desk.security.users.state': 'Second factor',
  'desk.security.users.on': 'On',
  'desk.security.users.off': 'Not set up',
  'desk.security.users.disabled': 'Account disabled',
  'desk.security.users.reset': 'Reset',
  'desk.security.users.confirm': 'Reset the second factor of {login}? Their sessions will end.',
  'desk.security.users.done': 'Second factor of {login} reset.',
  'desk.security.users.empty': 'No accounts.',

  'desk.security.recovery.link': 'Lost your password?',
  'desk.security.recovery.title': 'Regain access with the recovery key',
  'desk.security.recovery.intro':
    'Type the recovery key printed when your account was made, and choose a new password. Neither the key nor the password leaves this browser.',
  'desk.security.recovery.key': 'Recovery key',
  'desk.security.recovery.keyHint': '14 groups of 4 characters; upper or lower case, spaces or dashes, as you like.',
  'desk.security.recovery.keyWrong': 'This key does not match this account, or the login is wrong.',
  'desk.security.recovery.keyMistyped': 'This key is mistyped: check each group.',
  'desk.security.recovery.password': 'New password',
  'desk.security.recovery.passwordAgain': 'New password, again',
  'desk.security.recovery.passwordShort': 'At least 12 characters.',
  'desk.security.recovery.passwordMismatch': 'The two passwords differ.',
  'desk.security.recovery.replace': 'Also replace the recovery key (recommended: the old one stops working)',
  'desk.security.recovery.submit': 'Regain access',
  'desk.security.recovery.working': 'One moment… computing the keys takes a few seconds.',
  'desk.security.recovery.done': 'Your password is changed. Your other sessions were ended.',
  'desk.security.recovery.newKey':
    'Here is your new recovery key. Print it or copy it out now and keep it somewhere safe: it will never be shown again.',
  'desk.security.recovery.back': 'Back to sign-in',
};
