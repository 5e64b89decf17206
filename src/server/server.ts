// The thin shell around the app (fastify/demo style): builds it with a logger, listens, and
// closes it gracefully on SIGTERM/SIGINT — stop taking work, end event streams, abort and
// re-queue running audits, close the database. A second signal, or a close that hangs past the
// grace period, exits at once (the store is crash-safe: recovery re-queues at next start).
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app.js';
import type { ServerConfig } from './config.js';

const FORCE_EXIT_MARGIN_MS = 10_000;

export interface RunningServer {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  /** Graceful close (idempotent). */
  close(): Promise<void>;
  /** Settles once the server has closed, however that happened. */
  closed: Promise<void>;
}

export interface StartOptions extends Omit<AppOptions, 'config'> {
  /** Install SIGTERM/SIGINT handlers that close the server. @default false */
  handleSignals?: boolean;
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const app = await buildApp({ ...options, config }, { logger: loggerOption(config) });
  return listen(app, config, options.handleSignals === true);
}

export function loggerOption(config: Pick<ServerConfig, 'logLevel'>) {
  return config.logLevel === 'silent' ? false : { level: config.logLevel };
}

/** Listens, and closes gracefully on SIGTERM/SIGINT when asked (serve and worker alike). */
export async function listen(app: FastifyInstance, config: ServerConfig, handleSignals: boolean): Promise<RunningServer> {
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= app.close().then(resolveClosed, (err: unknown) => {
      app.log.error({ err }, 'error while closing');
      resolveClosed();
    });
    return closing;
  };

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`;

  if (handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        app.log.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      app.log.info({ signal }, 'shutting down: finishing requests, re-queueing running audits');
      setTimeout(() => {
        app.log.error('shutdown took too long: exiting');
        process.exit(1);
      }, config.shutdownGraceMs + FORCE_EXIT_MARGIN_MS).unref();
      void close();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    void closed.then(() => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    });
  }
  return { app, url, close, closed };
}
