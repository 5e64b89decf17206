// An OpenAI-compatible chat-completions server for tests (POST /v1/chat/completions) on
// 127.0.0.1, port 0. A handler decides each reply from the question id (read from the
// "Question id: …" line of the prompt) and how many times that question was asked before.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MockRequest {
  questionId: string | null;
  /** 0 for the first request about this question. */
  attempt: number;
  /** When it arrived (ms since the epoch). */
  at: number;
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
    [key: string]: unknown;
  };
}

export type MockReply =
  | { kind: 'answer'; answer: unknown; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: 'content'; content: string; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: 'error'; status: number; headers?: Record<string, string>; message?: string }
  | { kind: 'hang' };

export interface MockLlm {
  /** Base URL for the SDK, e.g. http://127.0.0.1:1234/v1 */
  baseURL: string;
  requests: MockRequest[];
  maxInFlight: number;
  close(): Promise<void>;
}

export const USAGE = { prompt_tokens: 100, completion_tokens: 10 };

export async function startMockLlm(handler: (req: MockRequest) => MockReply, delayMs = 0): Promise<MockLlm> {
  const requests: MockRequest[] = [];
  const attempts = new Map<string, number>();
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as MockRequest['body'];
      const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
      const questionId = /Question id: ([a-z0-9-]+)/.exec(user)?.[1] ?? null;
      const attempt = attempts.get(questionId ?? '') ?? 0;
      attempts.set(questionId ?? '', attempt + 1);
      const request = { questionId, attempt, at: Date.now(), body };
      requests.push(request);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const reply = handler(request);
      const done = () => { inFlight--; };
      if (reply.kind === 'hang') {
        res.on('close', done);
        return;
      }
      if (reply.kind === 'error') {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify({ error: { message: reply.message ?? `mock error ${reply.status}`, type: 'mock' } }));
        done();
        return;
      }
      const content = reply.kind === 'answer' ? JSON.stringify(reply.answer) : reply.content;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        id: `chatcmpl-${requests.length}`, object: 'chat.completion', created: 1_767_225_600, model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { ...(reply.usage ?? USAGE), total_tokens: (reply.usage ?? USAGE).prompt_tokens + (reply.usage ?? USAGE).completion_tokens },
      }));
      done();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
