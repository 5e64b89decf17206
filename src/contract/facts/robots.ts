// Facts of the `robots` probe (probes/robots/): what robots.txt lets each known AI agent read.

/** Why an AI agent fetches: to train models, to build a search/answer index, or because a user asked right now. */
export type AgentPurpose = 'training' | 'search' | 'user' | 'other';

export type Access = 'all' | 'partial' | 'none';

export interface AiAgentAccess {
  agent: string;
  operator: string | null;
  purpose: AgentPurpose;
  access: Access;
  /** The group that applies: the agent's token as written in robots.txt, '*', or null (no group). */
  group: string | null;
}

export interface RobotsFacts {
  /** The robots.txt URL fetched. */
  url: string;
  /** True for a 2xx response whose body is not an HTML page. */
  present: boolean;
  /** HTTP status (0: no response). */
  status: number;
  aiAgents: AiAgentAccess[];
  /** Absolute sitemap URLs from Sitemap lines (invalid ones are lint errors). */
  sitemaps: string[];
  /** One entry per agent of the group the line sits in; agent null when it is outside any group. */
  contentSignals: Array<{ agent: string | null; value: string; line: number }>;
  /** How many AI agents of each purpose have each access level. */
  blockedPurposes: Record<AgentPurpose, Record<Access, number>>;
  /** May portalprobe itself fetch the start URL? */
  portalprobeAllowed: boolean;
  sizeBytes: number;
  /** Lines some crawlers ignore or misread (syntax, unknown directives, rules outside groups…). */
  lintErrors: number;
  /** How many public content paths access was judged on. */
  checkedPaths: number;
}
