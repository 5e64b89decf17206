// Opens the store when the app starts (SQLite file or PostgreSQL URL, from config.db) and closes
// it last (onClose runs after the jobs plugin's preClose has re-queued running audits).
import { openStore, type Store } from '../../store/index.js';
import { shared } from '../shared.js';

export interface StorePluginOptions {
  /** An open store to use instead of opening config.db (tests). It is still closed on close. */
  store?: Store;
}

export default shared<StorePluginOptions>('store', async (fastify, opts) => {
  const store = opts.store ?? (await openStore(fastify.config.db, { log: fastify.log }));
  fastify.decorate('store', store);
  fastify.addHook('onClose', async () => store.close());
});
