import helmet from 'helmet';
import type { Config } from '../../config';

/**
 * helmet with a strict Content Security Policy: everything from this origin only, no inline
 * script or style (not even hashes), no framing, no plugins, forms post only here. HSTS only when
 * the server is reached over https (BASE_URL): over plain http a browser ignores it, and a local
 * or test server on http must not pin a name to https it does not serve.
 */
export function securityHeaders(config: Pick<Config, 'baseUrl'>) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        manifestSrc: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: true,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.baseUrl.startsWith('https://') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
