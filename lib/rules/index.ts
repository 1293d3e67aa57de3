/**
 * The shared rules module: MEHRS codes, scenarios, stages, retry schedules, windows, Migration Week
 * arithmetic, MA validation, incident targets and dormant triage. Pure: no I/O, no hidden clock.
 */
export * from './codes';
export * from './config';
export * from './demand';
export * from './file-outcomes';
export * from './incident-management';
export * from './incident-targets';
export * from './incident-workflow';
export * from './ma-validation';
export * from './resolve';
export * from './retries';
export * from './scenarios';
export * from './split-supply';
export * from './stages';
export * from './triage';
export * from './triage-state';
export * from './types';
export * from './weeks';
export * from './windows';
