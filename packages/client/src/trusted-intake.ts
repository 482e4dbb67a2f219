/**
 * What a reporter's browser may rely on before it encrypts anything: the key directory and
 * the questionnaire, both verified against the coalition key (pinned in the bundle when it
 * has one), and the organisation new alerts are routed to, taken from that directory only.
 */
import type { DirectoryBody, IntakeResponse, QuestionnaireBody } from '@kenekanko/contracts';
import type { IntakeApi } from './intake-api-client.ts';
import { ClientError } from './errors.ts';
import { coalitionKey, verifyDirectory, verifyQuestionnaire } from './signed-documents.ts';

export type DirectoryOrganisation = DirectoryBody['organisations'][number];

export type TrustedIntake = {
  readonly directory: DirectoryBody;
  readonly questionnaire: QuestionnaireBody;
  readonly routedOrganisation: DirectoryOrganisation;
  readonly pow: IntakeResponse['pow'];
  readonly limits: IntakeResponse['limits'];
  /** The coalition key the directory verified with (pinned or served): it also verifies older directories. */
  readonly coalitionPublic: Uint8Array;
};

export function trustIntake(intake: IntakeResponse, pinnedCoalitionKey: string | undefined): TrustedIntake {
  const key = coalitionKey(intake.coalitionSigningPublic, pinnedCoalitionKey);
  const directory = verifyDirectory(intake.directory, key);
  const questionnaire = verifyQuestionnaire(intake.questionnaire, key);
  const routedOrganisation = directory.organisations.find((org) => org.id === directory.routing.defaultOrgId);
  if (routedOrganisation === undefined) throw new ClientError('untrusted-directory', 'no organisation to route the alert to');
  return { directory, questionnaire, routedOrganisation, pow: intake.pow, limits: intake.limits, coalitionPublic: key };
}

export async function loadTrustedIntake(api: Pick<IntakeApi, 'intake'>, pinnedCoalitionKey: string | undefined): Promise<TrustedIntake> {
  return trustIntake(await api.intake(), pinnedCoalitionKey);
}

/** The organisation an alert belongs to, as the signed directory describes it. */
export function directoryOrganisation(directory: DirectoryBody, orgId: string): DirectoryOrganisation {
  const org = directory.organisations.find((entry) => entry.id === orgId);
  if (org === undefined) throw new ClientError('untrusted-directory', 'the organisation is not in the signed directory');
  return org;
}
