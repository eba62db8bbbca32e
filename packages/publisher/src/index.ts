export { Publisher, connect, authFrom, defaultDocSet } from './publisher.js';
export type { PublisherConfig, ConnectionConfig, PublishResult, PlannedSync, PageDiff } from './publisher.js';
export { planSync, summarize } from './plan.js';
export type {
  Plan,
  Operation,
  Action,
  Change,
  ConflictPolicy,
  DesiredPage,
  DesiredAttachment,
  PlanInput,
} from './plan.js';
export { planReorder } from './order.js';
export type { Reorder } from './order.js';
export { applyPlan } from './apply.js';
export type { Outcome, OutcomeStatus, ApplyOptions } from './apply.js';
export { desiredPages, labelName } from './desired.js';
export { pageDiff } from './diff.js';
// Outcome.resolvedComments holds these; the carry-over itself is the publisher's own business.
export type { LostMarker } from './comment-markers.js';
export { loadConverter, fallbackNormalize } from './converter.js';
export type { Converter } from './converter.js';
export {
  OWNERSHIP_PROPERTY,
  parseOwnership,
  pageHash,
  versionMessage,
  markerHash,
  attachmentComment,
  commentHash,
} from './state.js';
export type { Ownership } from './state.js';
export { Redactor } from './redact.js';
export { Transport, assertSafeTransport, parseRetryAfter } from './client/transport.js';
export { parseConfluenceUrl, type ConfluenceUrlOptions } from './client/url.js';
export type { Auth, TransportOptions, TransportStats } from './client/transport.js';
export { resolveEndpoint, discoverCloudId } from './client/endpoint.js';
export type { Endpoint, Flavor } from './client/endpoint.js';
export { ConfluenceError, SignInRefusedError, UncertainWriteError } from './client/errors.js';
export type {
  ConfluenceApi,
  CurrentUser,
  RemotePage,
  SpaceInfo,
  SearchHit,
  SearchPage,
  OwnershipRecord,
  PageRead,
} from './client/types.js';
