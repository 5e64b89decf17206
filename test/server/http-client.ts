// A tiny HTTP client for tests that talk to a listening service (node:http; the tests never use
// the network beyond 127.0.0.1): JSON calls and an event-stream reader.
import { request } from 'node:http';

export interface SseMessage {
  event: string;
  data: unknown;
}

export async function call(method: string, url: string, headers: Record<string, string> = {}, body?: unknown): Promise<{ status: number; json: any; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, json, text });
      });
    });
    req.on('error', reject);
    req.end(body !== undefined ? JSON.stringify(body) : undefined);
  });
}

/** Reads an event stream to its end: the events, the comment lines, the response headers. */
export function readEventStream(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; events: SseMessage[]; comments: string[] }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      const events: SseMessage[] = [];
      const comments: string[] = [];
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of frame.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length) events.push({ event, data: JSON.parse(data.join('\n')) });
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, events, comments }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
