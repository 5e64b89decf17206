// The headless-browser module's public surface (see browser.ts).
export * from './browser.js';
export { createRenderLinks, type RenderLinks, type RenderLinksOptions } from './render-links.js';
export { pageDocument } from './page-document.js';
