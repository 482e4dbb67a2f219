/** Places for the pickers (regions, cercles, communes, quartiers), as the server lists them. */
import type { Place } from '@kenekanko/contracts';
import type { IntakeApi } from './intake-api-client.ts';

export const loadPlaces = (api: Pick<IntakeApi, 'places'>): Promise<readonly Place[]> => api.places();
