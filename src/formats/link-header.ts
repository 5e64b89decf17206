// The HTTP `Link` header (RFC 8288 §3): `<target>; rel="canonical", <target>; rel="alternate";
// hreflang="de"`. One parser for every reader: canonical and hreflang links (indexability), spec
// pointers (openapi: rel service-desc), api-catalog and feed links (agent-discovery). Repeated
// headers reach us joined with ", ", which is also the list separator, so one parse reads them all.
// Pure; malformed parts are skipped, never thrown on.

/** Longest header value read (hostile input); the rest is ignored. */
const MAX_HEADER = 32 * 1024;
/** Most links read from one header. */
const MAX_LINKS = 200;

export interface LinkValue {
  /** The target between < and >, as written. */
  target: string;
  /** Parameters with lower-cased names; the first occurrence of a name wins (RFC 8288 §3). */
  params: Record<string, string>;
}

/** Parses a Link header value into its link values. */
export function parseLinkHeader(value: string): LinkValue[] {
  const text = value.slice(0, MAX_HEADER);
  const links: LinkValue[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /[\t ]/.test(text[i])) i++;
  };
  const skipToNextLink = () => {
    // Up to the next comma outside a quoted string.
    let quoted = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (quoted && c === '\\') i++;
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) break;
    }
  };
  while (i < text.length && links.length < MAX_LINKS) {
    while (i < text.length && /[\t ,]/.test(text[i])) i++;
    if (i >= text.length) break;
    if (text[i] !== '<') {
      skipToNextLink();
      continue;
    }
    const close = text.indexOf('>', i + 1);
    if (close < 0) break;
    const link: LinkValue = { target: text.slice(i + 1, close).trim(), params: {} };
    i = close + 1;
    for (;;) {
      skipSpace();
      if (text[i] !== ';') break;
      i++;
      skipSpace();
      const nameMatch = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/.exec(text.slice(i, i + 256));
      if (!nameMatch) break;
      const name = nameMatch[0].toLowerCase();
      i += nameMatch[0].length;
      skipSpace();
      let paramValue = '';
      if (text[i] === '=') {
        i++;
        skipSpace();
        if (text[i] === '"') {
          i++;
          while (i < text.length && text[i] !== '"') {
            if (text[i] === '\\' && i + 1 < text.length) i++;
            paramValue += text[i++];
          }
          i++;
        } else {
          const token = /^[^;,\s]*/.exec(text.slice(i, i + 2048))![0];
          paramValue = token;
          i += token.length;
        }
      }
      if (!Object.hasOwn(link.params, name)) link.params[name] = paramValue;
    }
    links.push(link);
    skipToNextLink();
  }
  return links;
}
