/**
 * The migration stages in order (STAGE_IDS), with the files and checkers of each, and the codes and MEHRS
 * scenarios that belong to it, derived from the catalogues in codes.ts and scenarios.ts.
 * Sources: MEHRS v1.2 (seed 002) section 2 headings 2.2–2.7; docs/domain.md.
 */
import { ERROR_CODES, type ErrorCode, REASON_CODES, type ReasonCode } from './codes';
import { SCENARIOS, type ScenarioSection } from './scenarios';
import { type PartyRole, STAGE_IDS, type StageId } from './types';

interface StageDef {
  readonly label: string;
  readonly mainFiles: readonly string[];
  /** Who checks the stage's files (parties of types.ts). */
  readonly checkedBy: readonly PartyRole[];
  readonly description: string;
}

const STAGE_DEFS: Record<StageId, StageDef> = {
  // MEHRS 2.2: demand allocation per the Migration Scaling Methodology; the MCC reports against commitments.
  demand: {
    label: 'Demand',
    mainFiles: [
      'Indicative Migration Forecast',
      'Daily Migration Demand Request',
      'Migration Demand Commitment',
    ],
    checkedBy: ['mcc'],
    description:
      'Suppliers forecast and request migration demand; DCC commits capacity per the Migration Scaling Methodology and reports MAs received against it (Report 8).',
  },
  // MEHRS 2.3: the MCC checks MA signatures (2.3.1), the Requesting Party validates MAs (2.3.2).
  authorisation: {
    label: 'Authorisation',
    mainFiles: ['Migration Authorisation', 'Migration Authorisation Validation Response'],
    checkedBy: ['mcc', 'rp'],
    description:
      'The supplier authorises installations for a Migration Week; the MCC checks the signature and the Requesting Party validates each installation (MA001–MA018).',
  },
  // MEHRS 2.4: S1SP and DCO check the MCF (TMAD Table 5.9, 5.10); the RP and DCO check the MCVF.
  'common-file': {
    label: 'Common File',
    mainFiles: ['Migration Common File', 'Migration Common Validation File'],
    checkedBy: ['rp', 's1sp', 'dco'],
    description:
      'The Requesting Party generates the Migration Common File; the S1SP validates it and returns the Migration Common Validation File with any installation-level FailedStepNumbers.',
  },
  // MEHRS 2.5: SIM cutover by the RP/SMSO/CSP; the S1SP and DCO check the MGF/MEF and Required File Sets.
  'sim-cutover': {
    label: 'SIM cutover',
    mainFiles: [
      'Migration Group File',
      'Migration Group Encrypted File',
      'S1SP Required File Set',
      'DCO Required File Set',
    ],
    checkedBy: ['rp', 'smso', 'csp', 's1sp', 'dco'],
    description:
      'The installation is cut over to the DCC network and the Requesting Party generates the group files, which must reach the S1SP and DCO within 24 hours of the validation file (TMAD 5.24, 5.18).',
  },
  // MEHRS 2.6: device validation and key rotation by the S1SP and DCO before commissioning.
  'device-validation': {
    label: 'Device validation',
    mainFiles: ['S1SP Migration Audit Files', 'S1SP Commissioning File'],
    checkedBy: ['s1sp', 'dco'],
    description:
      'The S1SP connects to the Communications Hub, validates the devices and rotates keys with the DCO, commissions the CHF, and reports the outcome in the S1SP Commissioning File; failures may end in rollback to the SMSO.',
  },
  // MEHRS 2.7: the Commissioning Party commissions devices for DCC; the DSP and S1SP validate its requests.
  commissioning: {
    label: 'Commissioning',
    mainFiles: ['Commissioning Request', 'Service Response', 'S1SP Alert', 'Commissioning Outcome File'],
    checkedBy: ['cp', 'dsp', 's1sp'],
    description:
      'The Commissioning Party commissions the devices (all installations with a Dormant Meter, and Active ones with two suppliers who authorised the same week); results go in the Commissioning Outcome File.',
  },
  // MEHRS 2.5.8/2.6.x: success is confirmed in the MA Completion Response (reported in S1MIG-001/006).
  migrated: {
    label: 'Migrated',
    mainFiles: ['Migration Authorisation Completion Response'],
    checkedBy: [],
    description: 'The installation is migrated and its success is reported in the MA Completion Response.',
  },
};

export interface StageInfo extends StageDef {
  readonly id: StageId;
  /** 1-based position (1 Demand … 7 Migrated). */
  readonly number: number;
  readonly reasonCodes: readonly ReasonCode[];
  readonly errorCodes: readonly ErrorCode[];
  readonly scenarios: readonly ScenarioSection[];
}

/** The stages in STAGE_IDS order, with their codes and scenarios derived from the catalogues. */
export const STAGES: readonly StageInfo[] = STAGE_IDS.map((id, index) => ({
  id,
  number: index + 1,
  ...STAGE_DEFS[id],
  reasonCodes: REASON_CODES.filter(
    (c) => c.stage === id || ('alsoAt' in c && (c.alsoAt as readonly StageId[]).includes(id)),
  ).map((c) => c.code),
  errorCodes: ERROR_CODES.filter((c) => c.stage === id).map((c) => c.code),
  scenarios: SCENARIOS.filter((s) => s.stage === id).map((s) => s.section),
}));

/** 0-based position of a stage in STAGE_IDS (so stageIndex(a) < stageIndex(b) means a comes first). */
export function stageIndex(id: StageId): number {
  return STAGE_IDS.indexOf(id);
}

export function stage(id: StageId): StageInfo {
  const found = STAGES[stageIndex(id)];
  if (!found) throw new Error(`Unknown stage: ${id}`);
  return found;
}
