// What a probe reports besides its facts: one observation with a severity and the evidence that
// shows it. Findings travel unchanged into report.json (`probes[].findings`).

export type Severity = 'info' | 'warning' | 'error';

export interface Finding {
  severity: Severity;
  message: string;
  url?: string;
  /** The header, element or line that shows it. */
  evidence?: string;
}
