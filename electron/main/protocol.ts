// Serves the built renderer from app://records/ instead of file://: a custom standard scheme
// gets a real origin, so file:// pages' extra privileges never apply and CSP 'self' means
// exactly these files.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';
import { APP_SCHEME, rendererFileFor } from './paths';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}

/** Must run after app 'ready'. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const file = rendererFileFor(rendererDir, request.url);
    if (file === null) return notFound();

    let upstream: Response;
    try {
      upstream = await net.fetch(pathToFileURL(file).toString());
    } catch {
      return notFound(); // missing file: net::ERR_FILE_NOT_FOUND
    }
    if (!upstream.ok) return notFound();

    // A fetched Response's headers are immutable, so build a new one around the same body.
    const headers = new Headers(upstream.headers);
    headers.set('X-Content-Type-Options', 'nosniff');
    const type = headers.get('Content-Type') ?? '';
    if (type.includes('text/html') || file.endsWith('.html')) {
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    }
    return new Response(upstream.body, { status: 200, headers });
  });
}
