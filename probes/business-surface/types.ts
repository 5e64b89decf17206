// Types of the business-surface read-out: the kinds of page a business buyer (or the agent working
// for one) looks for on a developer portal, the signals that point to them, and the facts the probe
// reports. Pure declarations.
import type { BusinessSurfaceFacts, Kind, PricingModel } from '../../src/contract/index.js';

/** The page kinds, in report order. The English keyword file must define every one of them. */
export const KINDS: readonly Kind[] = [
  'pricing', 'freeTier', 'useCases', 'caseStudies', 'compliance', 'sla', 'statusPage', 'changelog', 'roadmap',
  'deprecationPolicy', 'support', 'sandbox', 'gettingStarted', 'apiKeys', 'sdks', 'apiReference', 'community',
  'blog', 'events', 'partners', 'termsOfUse', 'privacy', 'dataResidency', 'rateLimits', 'webhooks',
  'authentication', 'errors', 'faq',
];

/** Pages a buyer needs before committing; missing ones are warnings. */
/** What analyzeSurface reads from the pages; the probe adds the machine-readable status check. */
export type SurfaceFacts = Omit<BusinessSurfaceFacts, 'statusMachineReadable'>;

/** Pages a buyer needs before committing; missing ones are warnings. */
export const KEY_BUYER_KINDS: readonly Kind[] = ['pricing', 'sandbox', 'useCases', 'compliance', 'sla', 'support'];

export const PRICING_MODELS: readonly PricingModel[] = ['freeTier', 'perCall', 'tiered', 'contactSales', 'subscription'];

