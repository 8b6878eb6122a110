import type { Endpoint } from '../endpoint.ts';
import { accountEndpoints } from './account.ts';
import { chatEndpoints } from './chat.ts';
import { draftEndpoints } from './drafts.ts';
import { endpointInfoEndpoints } from './endpoints.ts';
import { driveEndpoints } from './drive.ts';
import { favoriteEndpoints } from './favorites.ts';
import { followRequestEndpoints } from './followRequests.ts';
import { listEndpoints } from './lists.ts';
import { metaEndpoints } from './meta.ts';
import { noteEndpoints } from './notes.ts';
import { swEndpoints } from './sw.ts';
import { timelineEndpoints } from './timelines.ts';
import { userEndpoints } from './users.ts';

export const endpoints: Record<string, Endpoint> = {
  ...metaEndpoints,
  ...accountEndpoints,
  ...timelineEndpoints,
  ...noteEndpoints,
  ...userEndpoints,
  ...followRequestEndpoints,
  ...listEndpoints,
  ...driveEndpoints,
  ...favoriteEndpoints,
  ...swEndpoints,
  ...chatEndpoints,
  ...draftEndpoints,
  ...endpointInfoEndpoints,
};
