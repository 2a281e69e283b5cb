/**
 * No inline script, no remote origins, no network at all: the UI talks only over IPC.
 * Served by the Electron protocol handler and by the test harness alike, so tests run
 * the renderer under the same policy the app does.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
