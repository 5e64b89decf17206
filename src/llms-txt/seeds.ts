// The URLs an llms.txt lists, for seeding the crawl. Fetches <origin>/llms.txt exactly as the
// llms-txt probe does (same URL, no extra headers), so the audit's cache serves both from one request.
import type { FetchRequest, FetchResult } from '../fetch/types.js';
import { listedUrls, parseLlmsTxt } from './parse.js';
import { llmsTxtFromResponse } from './response.js';

export type LlmsTxtFetch = (url: string, request?: FetchRequest) => Promise<FetchResult>;

/** Distinct absolute link URLs of <origin>/llms.txt; [] when there is none. Never throws. */
export async function llmsTxtLinks(origin: string, fetch: LlmsTxtFetch, signal?: AbortSignal): Promise<string[]> {
  const url = `${new URL(origin).origin}/llms.txt`;
  const response = await fetch(url, signal ? { signal } : {});
  const outcome = llmsTxtFromResponse({ status: response.status, contentType: response.headers['content-type'], body: response.body });
  return outcome.present ? listedUrls(parseLlmsTxt(outcome.text, response.finalUrl || url)) : [];
}
