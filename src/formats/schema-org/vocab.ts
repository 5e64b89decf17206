// schema.org names: how markup spells a type or property (`Product`, `schema:Product`,
// `http://schema.org/Product`, `https://schema.org/Product/`) is reduced to the bare schema.org name,
// and which types count as the business types the report asks about, subtypes included.
// Hierarchy from https://schema.org/docs/full.html (the table below is a deliberate subset: the
// subtypes a developer portal or its company plausibly uses, not the whole vocabulary).
import type { BusinessType } from '../../contract/index.js';

/** An IRI in the schema.org namespace (http or https, with or without www), capturing the rest. */
const SCHEMA_IRI = /^https?:\/\/(?:www\.)?schema\.org\/(.*)$/i;
/** A `@context` / `vocab` value that means schema.org (also its context document URLs). */
const SCHEMA_CONTEXT = /^https?:\/\/(?:www\.)?schema\.org(?:[/#?]|$)/i;
/** `prefix:local` where the part after the colon is not `//` (that is an IRI such as http://…). */
const CURIE = /^([A-Za-z_][\w.-]*):(?!\/\/)(.+)$/;
/**
 * Bare schema.org type/property names are ASCII letters and digits (`3DModel` starts with one);
 * never a leading underscore, which also keeps `__proto__` out of fact keys.
 */
const BARE_NAME = /^[A-Za-z0-9][A-Za-z0-9_]*$/;

/**
 * Prefixes every RDFa processor knows without a declaration (RDFa Core 1.1 initial context,
 * https://www.w3.org/2011/rdfa-context/rdfa-1.1), reduced to those seen beside schema.org.
 */
export const DEFAULT_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['schema', 'http://schema.org/'],
  ['og', 'http://ogp.me/ns#'],
  ['foaf', 'http://xmlns.com/foaf/0.1/'],
  ['dc', 'http://purl.org/dc/terms/'],
  ['dcterms', 'http://purl.org/dc/terms/'],
  ['rdf', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
  ['rdfa', 'http://www.w3.org/ns/rdfa#'],
  ['rdfs', 'http://www.w3.org/2000/01/rdf-schema#'],
  ['xsd', 'http://www.w3.org/2001/XMLSchema#'],
]);

/** Whether a `@context` string or RDFa `vocab` names schema.org. */
export function isSchemaOrgIri(value: string): boolean {
  return SCHEMA_CONTEXT.test(value.trim());
}

/** Whether a normalised name is a bare schema.org name (what the `types` fact lists). */
export function isSchemaName(name: string): boolean {
  return BARE_NAME.test(name);
}

/**
 * The bare schema.org name for a type or property as written, or the name resolved to an IRI
 * (other vocabularies), or the text itself when it cannot be resolved.
 * `prefixes` maps CURIE prefixes to IRIs (`schema` is always known).
 */
export function normalizeName(raw: string, prefixes: ReadonlyMap<string, string> = DEFAULT_PREFIXES): string {
  const text = raw.trim();
  const iri = SCHEMA_IRI.exec(text);
  if (iri) {
    const path = iri[1].split(/[?#]/, 1)[0].replace(/\/+$/, '');
    const last = path.slice(path.lastIndexOf('/') + 1);
    return last || text;
  }
  const curie = CURIE.exec(text);
  if (curie) {
    const [, prefix, local] = curie;
    const base = prefixes.get(prefix) ?? DEFAULT_PREFIXES.get(prefix);
    if (base === undefined) return text;
    return normalizeName(base + local, new Map());
  }
  return text;
}

/** The business types the report answers yes/no for (facts.businessTypes), in report order. */
export const BUSINESS_TYPES: readonly BusinessType[] = [
  'Organization',
  'WebSite',
  'SearchAction',
  'ContactPoint',
  'WebAPI',
  'APIReference',
  'TechArticle',
  'SoftwareApplication',
  'SoftwareSourceCode',
  'Product',
  'Offer',
  'Service',
  'FAQPage',
  'HowTo',
  'BreadcrumbList',
  'Event',
];

/**
 * Subtypes that count as each business type (transitively listed, so one lookup answers). Only
 * schema.org subclasses; none invented.
 */
export const SUBTYPES: Readonly<Record<BusinessType, readonly string[]>> = {
  Organization: [
    'Airline', 'Consortium', 'Cooperative', 'Corporation', 'EducationalOrganization', 'FundingScheme',
    'GovernmentOrganization', 'LibrarySystem', 'LocalBusiness', 'MedicalOrganization', 'NGO',
    'NewsMediaOrganization', 'OnlineBusiness', 'OnlineStore', 'PerformingGroup', 'PoliticalParty', 'Project',
    'FundingAgency', 'ResearchProject', 'ResearchOrganization', 'SearchRescueOrganization', 'SportsOrganization', 'SportsTeam',
    'WorkersUnion',
    // LocalBusiness subtypes a financial or professional-services company uses.
    'FinancialService', 'BankOrCreditUnion', 'InsuranceAgency', 'AccountingService', 'AutomatedTeller',
    'ProfessionalService', 'Store',
  ],
  WebSite: [],
  SearchAction: [],
  // PostalAddress is a schema.org subtype of ContactPoint, left out on purpose: a street address is
  // not the support or sales channel the business lens asks about.
  ContactPoint: [],
  WebAPI: [],
  APIReference: [],
  TechArticle: ['APIReference'],
  SoftwareApplication: ['MobileApplication', 'VideoGame', 'WebApplication'],
  SoftwareSourceCode: [],
  Product: [
    'DietarySupplement', 'Drug', 'IndividualProduct', 'ProductCollection', 'ProductGroup', 'ProductModel',
    'SomeProducts', 'Vehicle', 'Car', 'BusOrCoach', 'Motorcycle', 'MotorizedBicycle',
  ],
  Offer: ['AggregateOffer', 'OfferForLease', 'OfferForPurchase'],
  Service: [
    'WebAPI', 'BroadcastService', 'CableOrSatelliteService', 'FoodService', 'GovernmentService', 'TaxiService',
    'FinancialProduct', 'BankAccount', 'CurrencyConversionService', 'InvestmentOrDeposit', 'LoanOrCredit',
    'PaymentCard', 'PaymentService',
  ],
  FAQPage: [],
  // Recipe is schema.org's subtype of HowTo.
  HowTo: ['Recipe'],
  BreadcrumbList: [],
  Event: [
    'BusinessEvent', 'ChildrensEvent', 'ComedyEvent', 'CourseInstance', 'DanceEvent', 'DeliveryEvent',
    'EducationEvent', 'EventSeries', 'ExhibitionEvent', 'Festival', 'FoodEvent', 'Hackathon', 'LiteraryEvent',
    'MusicEvent', 'PublicationEvent', 'BroadcastEvent', 'OnDemandEvent', 'SaleEvent', 'ScreeningEvent',
    'SocialEvent', 'SportsEvent', 'TheaterEvent', 'VisualArtsEvent',
  ],
};

const FAMILIES: ReadonlyMap<BusinessType, ReadonlySet<string>> = new Map(
  BUSINESS_TYPES.map((t) => [t, new Set([t, ...SUBTYPES[t]])] as const),
);

/** Whether a normalised type is `business` or one of its listed subtypes. */
export function isA(type: string, business: BusinessType): boolean {
  return FAMILIES.get(business)?.has(type) ?? false;
}

/** Whether any of the types is `business` or one of its subtypes. */
export function anyIsA(types: readonly string[], business: BusinessType): boolean {
  return types.some((t) => isA(t, business));
}
