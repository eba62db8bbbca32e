import type { Diagnostic } from '@docgen/core';
import type { MissedSource } from './workspaces.js';

/**
 * What the readers of one run meet and cannot read, said once after the run (a place two readers
 * meet, once). The run makes the lists and hands them to every reader it starts: no module-level
 * state lives on between runs.
 */
export interface RunNotes {
  /** The awilix registrations it cannot read (`unreadRegistrationWarnings`). */
  unreadRegistrations: Diagnostic[];
  /** The workspace packages imported by name whose source it does not find (`missedSourceWarnings`). */
  missedSources: MissedSource[];
}

/** Empty lists for a new run. */
export function newRunNotes(): RunNotes {
  return { unreadRegistrations: [], missedSources: [] };
}
