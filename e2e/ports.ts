// Ports the e2e run uses on 127.0.0.1; chosen away from the usual dev ports.
export const E2E_SERVER_PORT = Number(process.env.E2E_SERVER_PORT ?? 38411);
export const E2E_CLIENT_PORT = Number(process.env.E2E_CLIENT_PORT ?? 38410);
export const E2E_SERVER_URL = `http://127.0.0.1:${E2E_SERVER_PORT}`;
// A second stand-in that behaves like a server older than 12.111 (API calls over the stream).
export const E2E_LEGACY_SERVER_PORT = Number(process.env.E2E_LEGACY_SERVER_PORT ?? E2E_SERVER_PORT + 1);
export const E2E_LEGACY_SERVER_URL = `http://127.0.0.1:${E2E_LEGACY_SERVER_PORT}`;
// A stand-in that behaves like Misskey 2026.5 (chat, server drafts, scheduled notes).
export const E2E_2026_SERVER_PORT = Number(process.env.E2E_2026_SERVER_PORT ?? E2E_SERVER_PORT + 2);
export const E2E_2026_SERVER_URL = `http://127.0.0.1:${E2E_2026_SERVER_PORT}`;
