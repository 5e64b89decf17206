// robots.txt (RFC 9309): parsing, matching and the HTTP-status rules, in one import for callers such as
// the crawl: `robotsFromResponse(status, body)` then `isAllowed(robots, userAgent, url)`.
export * from './parse.js';
export * from './match.js';
export * from './response.js';
