import { it } from 'vitest';
import { loadModel } from '../../src/model/load.js';
import { modelStats } from '../../src/model/stats.js';
it('stats', () => { console.log(JSON.stringify(modelStats(loadModel()), null, 1)); });
