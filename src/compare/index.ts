// The competitor comparison: build it from reports (pure), render it with reports/comparison-*.ts.
export { buildComparison, type ComparisonOptions } from './build.js';
export * from './types.js';
