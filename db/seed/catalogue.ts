/** The code catalogue, as the generator uses it (checked against lib/rules at load: codes are never invented). */
import { ERROR_CODES, isFailedStepNumber, REASON_CODES, tmadStepReference } from '@/lib/rules/codes';
import type { GroupId, InstallationType, StageId } from '@/lib/rules/types';
import { SMSOS } from './parties';
import { type WeightedTable, weightedTable } from './random';
import {
  CODE_GROUPS,
  CODE_SMSOS,
  CODE_WEIGHTS,
  COMMISSIONING_FAILED_STEPS,
  FAILED_STEPS,
  type FailStage,
  OTHER_FAILURE_WEIGHT,
  ROLLED_BACK_CODES,
  TAIL_CODE_WEIGHT,
} from './shape';

interface CatalogueCode {
  readonly code: string;
  /** null: MA999, any stage. */
  readonly stage: StageId | null;
  readonly dormantOnly: boolean;
  /** The MEHRS section the catalogue files the code under. */
  readonly section: string;
}

const CATALOGUE: readonly CatalogueCode[] = [
  ...REASON_CODES.map((c) => ({
    code: c.code,
    stage: c.stage,
    dormantOnly: c.dormantOnly,
    section: c.section,
  })),
  ...ERROR_CODES.map((c) => ({ code: c.code, stage: c.stage, dormantOnly: false, section: c.section })),
];
export const CATALOGUE_BY_CODE = new Map(CATALOGUE.map((c) => [c.code, c]));

function requireCatalogueCode(code: string, where: string): CatalogueCode {
  const entry = CATALOGUE_BY_CODE.get(code);
  if (!entry) throw new Error(`${where}: ${code} is not in the lib/rules code catalogue`);
  return entry;
}

/** The shape constants above must only name catalogue codes, with steps of their own stage. */
function checkShapeConstants(): void {
  for (const code of [
    ...Object.keys(CODE_WEIGHTS),
    ...Object.keys(CODE_GROUPS),
    ...Object.keys(CODE_SMSOS),
    ...ROLLED_BACK_CODES,
  ]) {
    requireCatalogueCode(code, 'seed constants');
  }
  const checkStep = (step: string, stage: StageId | null, code: string) => {
    const ref = isFailedStepNumber(step) ? tmadStepReference(step) : undefined;
    if (!ref || ref.stage !== stage)
      throw new Error(`FailedStepNumber ${step} does not belong to ${code}'s stage`);
  };
  for (const [code, steps] of Object.entries(FAILED_STEPS)) {
    const entry = requireCatalogueCode(code, 'FAILED_STEPS');
    for (const [step] of steps) checkStep(step, entry.stage, code);
  }
  for (const [step] of COMMISSIONING_FAILED_STEPS) checkStep(step, 'commissioning', 'commissioning codes');
  for (const smsos of Object.values(CODE_SMSOS)) {
    for (const slug of smsos) {
      if (!SMSOS.some((s) => s.slug === slug)) throw new Error(`CODE_SMSOS names an unknown SMSO ${slug}`);
    }
  }
}
checkShapeConstants();

/** What the code tables need to know about an installation to pick only codes that can happen to it. */
export interface CodeProfile {
  readonly groupId: GroupId;
  readonly smsoSlug: string;
  readonly hasElectricity: boolean;
  readonly hasGas: boolean;
  readonly electricityActive: boolean;
  readonly gasActive: boolean;
  readonly type: InstallationType;
  readonly split: boolean;
  /** The Commissioning Party commissions it (dormant meter or split supply): only then the 2.7 codes apply. */
  readonly commissionedByCp: boolean;
}

/** Code-specific conditions read from each code's description in Appendix A.1. */
const CODE_CONDITIONS: Readonly<Record<string, (p: CodeProfile) => boolean>> = {
  // A code about a meter point needs an MA that names it: the Active Supplier's, or the DCC's for Dormant/Dormant.
  MA001: (p) => p.electricityActive || (p.type === 'dormant-dormant' && p.hasElectricity),
  MA002: (p) => p.gasActive || (p.type === 'dormant-dormant' && p.hasGas),
  MA007: (p) => p.electricityActive,
  MA008: (p) => p.gasActive,
  MA009: (p) => sameSupplierDual(p),
  MA010: (p) => p.electricityActive,
  MA011: (p) => p.gasActive,
  MA012: (p) => p.type === 'active-dormant',
  MA013: (p) => p.type === 'dormant-dormant' && p.hasElectricity && p.hasGas,
  // MA014, MA015, MA017: checks on the DCC's MA, which only a Dormant/Dormant installation has (MEHRS 2.3.2).
  MA014: (p) => p.type === 'dormant-dormant' && p.hasElectricity,
  // Certificates are the suppliers' (MA010, MA011, MA016); the DCC's MA names Supplier Ids instead.
  MA016: (p) => p.type !== 'dormant-dormant',
  MA015: (p) => p.type === 'dormant-dormant' && p.hasElectricity && p.hasGas,
  // MA018 needs two MAs where one would do, a case the registry model cannot hold apart from MA009 (its check
  // always reports MA009 first), so the demo never sends such a pair.
  MA018: () => false,
  MA017: (p) => p.type === 'dormant-dormant',
  MA102: (p) => p.hasElectricity,
  MA103: (p) => p.hasGas,
  MA104: (p) => p.electricityActive,
  MA105: (p) => p.gasActive,
  MA106: (p) => p.split,
  MA108: (p) => p.type === 'dormant-dormant' && p.hasElectricity && p.hasGas,
};

function sameSupplierDual(p: CodeProfile): boolean {
  return p.type === 'active-only' && p.hasElectricity && p.hasGas && !p.split;
}

function codeApplies(entry: CatalogueCode, p: CodeProfile): boolean {
  if (entry.dormantOnly && p.type === 'active-only') return false;
  const groups = CODE_GROUPS[entry.code];
  if (groups && !groups.includes(p.groupId)) return false;
  const smsos = CODE_SMSOS[entry.code];
  if (smsos && !smsos.includes(p.smsoSlug)) return false;
  const condition = CODE_CONDITIONS[entry.code];
  return condition ? condition(p) : true;
}

export function codeTableFor(stage: FailStage, p: CodeProfile): WeightedTable<string> {
  const entries: [string, number][] = [];
  for (const entry of CATALOGUE) {
    if (entry.stage === null) {
      // MA999 is never an MA validation response: MEHRS 2.3.2 returns only MA001–MA018.
      if (stage !== 'authorisation') entries.push([entry.code, OTHER_FAILURE_WEIGHT]);
    } else if (entry.stage === stage && codeApplies(entry, p)) {
      entries.push([entry.code, CODE_WEIGHTS[entry.code] ?? TAIL_CODE_WEIGHT]);
    }
  }
  return weightedTable(entries);
}
