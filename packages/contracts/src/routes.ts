/** Paths shared by the server and its clients, so neither spells a URL by hand. */
export const ROUTES = {
  health: '/healthz',
  setupStatus: '/api/setup/status',
  setup: '/api/setup',
  intake: '/api/intake',
  places: '/api/places',
  /** Regions, districts and cercles: what the reporter's form needs to open (issue 4's weight). */
  placeOutline: '/api/places/outline',
  pow: '/api/pow',
  submissions: '/api/submissions',
  chunk: (submissionId: string, blobId: string, index: number) =>
    `/api/submissions/${submissionId}/blobs/${blobId}/chunks/${index}`,
  finalize: (submissionId: string) => `/api/submissions/${submissionId}/finalize`,
  reporterAlert: '/api/reporter/alert',
  reporterMessages: '/api/reporter/messages',
  authSalt: '/api/auth/salt',
  authLogin: '/api/auth/login',
  authLogout: '/api/auth/logout',
  me: '/api/me',
  staffAlerts: '/api/staff/alerts',
  staffAlert: (alertId: string) => `/api/staff/alerts/${alertId}`,
  staffChunk: (alertId: string, blobId: string, index: number) =>
    `/api/staff/alerts/${alertId}/blobs/${blobId}/chunks/${index}`,
  staffTransitions: (alertId: string) => `/api/staff/alerts/${alertId}/transitions`,
  staffMessages: (alertId: string) => `/api/staff/alerts/${alertId}/messages`,
  staffNotes: (alertId: string) => `/api/staff/alerts/${alertId}/notes`,
} as const;
