/**
 * A labelled form control with its hint and its error, tied together for screen readers
 * (aria-describedby, aria-invalid). Every input of both UIs goes through this or a fieldset.
 */
import type { ComponentChildren } from 'preact';

export type FieldProps = {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly children: ComponentChildren;
};

/** The ids a control should list in aria-describedby. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter((x) => x !== null);
  return ids.length === 0 ? undefined : ids.join(' ');
}

export function Field(props: FieldProps) {
  return (
    <div class={props.error === undefined ? 'field' : 'field field--invalid'}>
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      {props.hint !== undefined && (
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
      {props.error !== undefined && (
        <p class="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Props for the control inside a Field, so each input repeats none of the wiring. */
export function controlProps(id: string, hint: string | undefined, error: string | undefined) {
  return { id, 'aria-describedby': describedBy(id, hint, error), 'aria-invalid': error === undefined ? undefined : true } as const;
}
