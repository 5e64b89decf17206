// Security headers (@fastify/helmet). The Content-Security-Policy allows only this origin's
// scripts, so the dashboard (external app.js, no inline script) and Swagger UI (external bundles)
// work; inline styles are allowed because Swagger UI and the self-contained HTML report use them.
// upgrade-insecure-requests is off: the service is often reached over plain http on 127.0.0.1.
import helmet from '@fastify/helmet';
import { shared } from '../shared.js';

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameSrc: ["'self'"],
  frameAncestors: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

export default shared('helmet', async (fastify) => {
  await fastify.register(helmet, {
    contentSecurityPolicy: { useDefaults: true, directives: CSP_DIRECTIVES },
    // The service's pages link to reports and docs on the same origin only; no cross-origin embedding.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
});
