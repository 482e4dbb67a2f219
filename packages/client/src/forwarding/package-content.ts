/**
 * What goes into a package: the fields, messages and files that were decided, with spans of
 * text masked. Masking happens here, before anything is sealed: SECURITY a masked span is
 * replaced by a fixed marker (its length does not show) and never reaches the package.
 */
import type { AnswersPayload, AttachmentRef, ForwardPackagePayload, PackageField, Statistics } from '@kenekanko/contracts';
import { PACKAGE_FIELDS } from '@kenekanko/contracts';
import type { ConversationEntry } from '../conversation.ts';
import { ClientError } from '../errors.ts';

/** A span of text [start, end) in UTF-16 code units, as a browser's text selection gives it. */
export type Span = { readonly start: number; readonly end: number };

/** Stands for every masked span, whatever its length. */
export const MASK = '[█████]';

export type PackageSelection = {
  /** Answer fields that go (the statistics fields always go: the server has them anyway). */
  readonly fields: readonly PackageField[];
  /** Spans masked in the description and the institution's name. */
  readonly masks: { readonly description?: readonly Span[]; readonly institutionName?: readonly Span[] };
  /** Messages of the conversation that go, by seq, with their masked spans. */
  readonly messageSeqs: readonly number[];
  readonly messageMasks?: Readonly<Record<number, readonly Span[]>>;
  /** Attachments of the answers that go (by their blob id in the alert). */
  readonly attachmentBlobIds: readonly string[];
  /** The reporter's identity, only when the custodian granted it for this recipient (the server checks). */
  readonly identity: { readonly name: string; readonly phone: string } | null;
  /** A covering note to the recipient. */
  readonly note: string;
};

export const WHOLE_CASE = (answers: AnswersPayload, messages: readonly ConversationEntry[]): PackageSelection => ({
  fields: [...PACKAGE_FIELDS],
  masks: {},
  messageSeqs: messages.filter((m) => m.verified).map((m) => m.seq),
  attachmentBlobIds: answers.attachments.map((a) => a.blobId),
  identity: null,
  note: '',
});

function mergedSpans(text: string, spans: readonly Span[]): Span[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, s.end)), end: Math.min(text.length, Math.max(s.start, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last !== undefined && span.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else out.push(span);
  }
  return out;
}

/** The text with every span replaced by MASK (overlapping or touching spans become one). */
export function maskText(text: string, spans: readonly Span[] = []): string {
  let out = '';
  let at = 0;
  for (const span of mergedSpans(text, spans)) {
    out += text.slice(at, span.start) + MASK;
    at = span.end;
  }
  return out + text.slice(at);
}

export type CaseSource = {
  readonly alertId: string;
  readonly receivedDay: string;
  readonly statistics: Statistics;
  readonly answers: AnswersPayload;
  readonly messages: readonly ConversationEntry[];
};

/** The answer fields chosen, masked as they will be sealed (the preview shows these). */
export function chosenFields(answers: AnswersPayload, selection: PackageSelection): ForwardPackagePayload['fields'] {
  const has = (field: PackageField) => selection.fields.includes(field);
  return {
    ...(has('communeId') ? { communeId: answers.communeId } : {}),
    ...(has('when') ? { when: answers.when } : {}),
    ...(has('institutionName') ? { institutionName: maskText(answers.institutionName, selection.masks.institutionName) } : {}),
    ...(has('amountFcfa') ? { amountFcfa: answers.amountFcfa } : {}),
    ...(has('description') ? { description: maskText(answers.description, selection.masks.description) } : {}),
  };
}

/** The attachments chosen, as the alert's references (their bytes are re-encrypted by the sender). */
export function chosenAttachments(answers: AnswersPayload, selection: PackageSelection): AttachmentRef[] {
  const refs = answers.attachments.filter((a) => selection.attachmentBlobIds.includes(a.blobId));
  if (refs.length !== new Set(selection.attachmentBlobIds).size) throw new ClientError('bad-input', 'an attachment chosen is not one of the alert');
  return refs;
}

export type PackageHeader = { readonly forwardingId: string; readonly onwardOf: string | null; readonly fromOrg: { readonly id: string; readonly name: string } };

/** The package payload; `attachments` are the references of the files as re-encrypted for it. */
export function packagePayload(source: CaseSource, selection: PackageSelection, header: PackageHeader, attachments: readonly AttachmentRef[]): ForwardPackagePayload {
  const messages = source.messages.flatMap((m) =>
    m.verified && selection.messageSeqs.includes(m.seq)
      ? [{ seq: m.seq, senderType: m.senderType, createdDay: m.createdDay, text: maskText(m.text, selection.messageMasks?.[m.seq]) }]
      : [],
  );
  return {
    v: 1,
    forwardingId: header.forwardingId,
    alertId: source.alertId,
    onwardOf: header.onwardOf,
    fromOrg: header.fromOrg,
    receivedDay: source.receivedDay,
    statistics: source.statistics,
    fields: chosenFields(source.answers, selection),
    messages,
    attachments: [...attachments],
    identity: selection.identity,
    note: selection.note,
  };
}
