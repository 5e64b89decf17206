// Server-Sent Events (https://html.spec.whatwg.org/multipage/server-sent-events.html) over a
// hijacked Fastify reply: `event:`/`data:` frames, comment lines as heartbeats so proxies keep the
// connection open, and a registry so shutdown can end every stream (an open stream would
// otherwise hold server.close() until its client leaves).
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface EventStream {
  send(event: string, data: unknown): void;
  comment(text: string): void;
  close(): void;
  readonly closed: boolean;
  onClose(fn: () => void): void;
}

/** One SSE frame. Data is JSON on a single line (JSON.stringify never emits a raw newline). */
export function formatEvent(event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export class EventStreams {
  private readonly open = new Set<EventStream>();

  get size(): number {
    return this.open.size;
  }

  /** Takes over the response and starts the stream; heartbeats every `heartbeatMs`. */
  start(request: FastifyRequest, reply: FastifyReply, heartbeatMs: number): EventStream {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
      // Tells nginx not to buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.write(': stream open\n\n');
    let closed = false;
    let seq = 0;
    const closers: (() => void)[] = [];
    const heartbeat = setInterval(() => stream.comment('heartbeat'), heartbeatMs);
    const finish = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      this.open.delete(stream);
      for (const fn of closers) fn();
    };
    const stream: EventStream = {
      send: (event, data) => {
        if (!closed) res.write(formatEvent(event, data, ++seq));
      },
      comment: (text) => {
        if (!closed) res.write(`: ${text}\n\n`);
      },
      close: () => {
        if (closed) return;
        finish();
        res.end();
      },
      get closed() {
        return closed;
      },
      onClose: (fn) => closers.push(fn),
    };
    request.raw.on('close', finish);
    res.on('close', finish);
    this.open.add(stream);
    return stream;
  }

  closeAll(): void {
    for (const stream of [...this.open]) {
      stream.comment('server shutting down');
      stream.close();
    }
  }
}
