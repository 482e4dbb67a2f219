/** Places for the pickers (regions, cercles, communes, quartiers), as the server lists them. */
import type { Place } from '@kenekanko/contracts';
import type { ApiClient } from './api-client.ts';

export const loadPlaces = (api: ApiClient): Promise<readonly Place[]> => api.places();
