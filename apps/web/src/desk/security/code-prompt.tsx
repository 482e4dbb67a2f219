/**
 * Asking for the authenticator code in the middle of a sign-in: the client's askCode callback
 * becomes a pending prompt the page shows as a form, resolved when the person submits it. So
 * the password's Argon2id work is done once, whatever the number of codes tried.
 */
import { useState } from 'preact/hooks';
import type { AskCode } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { Field, controlProps } from '../../shared/components/field.tsx';

export type CodePrompt = { readonly attempt: number; readonly answer: (code: string) => void };

/** [the pending prompt or null, the askCode to hand to the client]. */
export function useCodePrompt(): readonly [CodePrompt | null, AskCode] {
  const [prompt, setPrompt] = useState<CodePrompt | null>(null);
  const askCode: AskCode = (attempt) =>
    new Promise<string>((resolve) => {
      setPrompt({
        attempt,
        answer: (code) => {
          setPrompt(null);
          resolve(code);
        },
      });
    });
  return [prompt, askCode] as const;
}

const CODE = /^\d{6}$/;

/** The six-digit field and its button; `onCode` gets the digits without spaces. */
export function CodeForm(props: { readonly id: string; readonly again?: boolean; readonly busy?: boolean; readonly submitLabel?: string; readonly onCode: (code: string) => void }) {
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const error = invalid ? t('desk.security.code.invalid') : undefined;
  const hint = t('desk.security.code.hint');
  return (
    <form
      noValidate
      data-testid={`${props.id}-form`}
      onSubmit={(event) => {
        event.preventDefault();
        const digits = code.replace(/\s+/g, '');
        setInvalid(!CODE.test(digits));
        if (CODE.test(digits)) props.onCode(digits);
      }}
    >
      {props.again === true && (
        <p class="banner banner--warning" role="alert">
          {t('desk.security.code.again')}
        </p>
      )}
      <Field id={props.id} label={t('desk.security.code.label')} hint={hint} error={error}>
        <input
          type="text"
          inputMode="numeric"
          autocomplete="one-time-code"
          maxLength={7}
          {...controlProps(props.id, hint, error)}
          value={code}
          disabled={props.busy === true}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
      </Field>
      <button type="submit" class="button button--primary" disabled={props.busy === true} data-testid={`${props.id}-submit`}>
        {props.submitLabel ?? t('desk.security.code.submit')}
      </button>
    </form>
  );
}
