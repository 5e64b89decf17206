// Marks a plugin as not encapsulated, so its decorators and hooks reach the app that registers it.
// This is what fastify-plugin does; the `skip-override` symbol is Fastify's documented way to do
// it without the package (https://fastify.dev/docs/latest/Reference/Plugins/).
import type { FastifyPluginAsync } from 'fastify';

export function shared<O extends object>(name: string, plugin: FastifyPluginAsync<O>): FastifyPluginAsync<O> {
  const p = plugin as FastifyPluginAsync<O> & Record<symbol, unknown>;
  p[Symbol.for('skip-override')] = true;
  p[Symbol.for('fastify.display-name')] = name;
  return p;
}
