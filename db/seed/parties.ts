/** The demo's parties: fictional suppliers, SMSOs and CSPs, and one party of each DCC service role. */
import type { GroupId, PartyRole } from '@/lib/rules/types';
import type { DemandBias } from './shape';

interface SupplierSpec {
  readonly slug: string;
  readonly name: string;
  readonly secPartyId: string;
  /** Share of the installations' active meters (percent, normalised). */
  readonly share: number;
  readonly bias: DemandBias;
}

/** Fictional suppliers: four big-six-like, a middle tier and a long tail under 1%. */
export const SUPPLIERS: readonly SupplierSpec[] = [
  { slug: 'brightwater', name: 'Brightwater Energy', secPartyId: 'BRTW', share: 19, bias: 'on' },
  { slug: 'northvale', name: 'Northvale Power', secPartyId: 'NVLP', share: 17, bias: 'under' },
  { slug: 'albion', name: 'Albion Gas & Electric', secPartyId: 'ALBN', share: 15, bias: 'over' },
  { slug: 'crownfield', name: 'Crownfield Energy', secPartyId: 'CRWN', share: 14, bias: 'on' },
  { slug: 'meadowlark', name: 'Meadowlark Energy', secPartyId: 'MDWL', share: 8, bias: 'under' },
  { slug: 'harbourline', name: 'Harbourline Utilities', secPartyId: 'HRBL', share: 6, bias: 'on' },
  { slug: 'kestrel', name: 'Kestrel Power', secPartyId: 'KSTR', share: 5, bias: 'over' },
  { slug: 'ember-oak', name: 'Ember & Oak Energy', secPartyId: 'EMBO', share: 4, bias: 'under' },
  { slug: 'tidewell', name: 'Tidewell Energy', secPartyId: 'TDWL', share: 3, bias: 'on' },
  { slug: 'greenhollow', name: 'Greenhollow Power', secPartyId: 'GRNH', share: 2.5, bias: 'under' },
  { slug: 'pennine', name: 'Pennine Supply Co', secPartyId: 'PNNE', share: 2, bias: 'over' },
  { slug: 'solent', name: 'Solent Energy', secPartyId: 'SLNT', share: 1.5, bias: 'on' },
  { slug: 'fernbrook', name: 'Fernbrook Energy', secPartyId: 'FRNB', share: 1.2, bias: 'under' },
  { slug: 'cobalt', name: 'Cobalt Home Energy', secPartyId: 'CBLT', share: 0.6, bias: 'over' },
  { slug: 'wrenfield', name: 'Wrenfield Power', secPartyId: 'WRNF', share: 0.5, bias: 'on' },
  { slug: 'ashdown', name: 'Ashdown Energy', secPartyId: 'ASHD', share: 0.4, bias: 'under' },
  { slug: 'lanterne', name: 'Lanterne Energy', secPartyId: 'LNTN', share: 0.3, bias: 'on' },
  { slug: 'quayside', name: 'Quayside Power', secPartyId: 'QYSD', share: 0.25, bias: 'over' },
  { slug: 'thistle', name: 'Thistle Energy', secPartyId: 'THSL', share: 0.2, bias: 'under' },
  { slug: 'bramble', name: 'Bramble Power', secPartyId: 'BRMB', share: 0.15, bias: 'on' },
];

/** One party of each DCC service role (docs/domain.md). */
const SERVICE_PARTIES: readonly { slug: string; name: string; role: PartyRole }[] = [
  { slug: 'mcc', name: 'Migration Control Centre', role: 'mcc' },
  { slug: 'dcc', name: 'Data Communications Company', role: 'dcc' },
  { slug: 'requesting-party', name: 'Requesting Party', role: 'rp' },
  { slug: 's1sp', name: 'SMETS1 Service Provider', role: 's1sp' },
  { slug: 'dco', name: 'Dual Control Organisation', role: 'dco' },
  { slug: 'dsp', name: 'Data Service Provider', role: 'dsp' },
  { slug: 'cp', name: 'Commissioning Party', role: 'cp' },
];

const CSPS: readonly { slug: string; name: string }[] = [
  { slug: 'aerwave', name: 'Aerwave Communications' },
  { slug: 'pennant-mobile', name: 'Pennant Mobile Networks' },
  { slug: 'skylink', name: 'Skylink Networks' },
];

/** Fictional SMETS1 SMSOs, each serving one or more GroupIDs through its CSP. */
export const SMSOS: readonly { slug: string; name: string; groups: readonly GroupId[]; csp: string }[] = [
  { slug: 'meridian-metering', name: 'Meridian Metering Services', groups: ['AA', 'BA'], csp: 'aerwave' },
  { slug: 'calder-smart-networks', name: 'Calder Smart Networks', groups: ['CB'], csp: 'pennant-mobile' },
  { slug: 'keystone-metering', name: 'Keystone Metering', groups: ['DA'], csp: 'aerwave' },
  {
    slug: 'larchfield-data-services',
    name: 'Larchfield Data Services',
    groups: ['EA'],
    csp: 'pennant-mobile',
  },
  {
    slug: 'thornbury-meter-operations',
    name: 'Thornbury Meter Operations',
    groups: ['BA', 'EA'],
    csp: 'skylink',
  },
];

export interface PartyRow {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly role: PartyRole;
  readonly secPartyId: string | null;
}

/** The SEC party id an MA carries: the supplier's, or the party's slug for the DCC (which has none in the demo). */
export function secPartyIdOf(party: { readonly secPartyId: string | null; readonly slug: string }): string {
  return party.secPartyId ?? party.slug.toUpperCase();
}

export interface SupplierParty extends PartyRow {
  readonly share: number;
  readonly bias: DemandBias;
}

export interface SmsoParty extends PartyRow {
  readonly groups: readonly GroupId[];
  readonly cspId: number;
}

export interface PartyDirectory {
  readonly rows: readonly PartyRow[];
  readonly suppliers: readonly SupplierParty[];
  readonly smsos: readonly SmsoParty[];
  /** The one party of a DCC service role. */
  readonly service: Readonly<Record<Exclude<PartyRole, 'supplier' | 'smso' | 'csp'>, PartyRow>>;
}

/** Parties with fixed ids 1..n (suppliers first), so user rows and tests can refer to them. */
export function buildParties(): PartyDirectory {
  const rows: PartyRow[] = [];
  const add = <T extends PartyRow>(row: T): T => {
    rows.push(row);
    return row;
  };
  const suppliers = SUPPLIERS.map((s) =>
    add({
      id: rows.length + 1,
      slug: s.slug,
      name: s.name,
      role: 'supplier',
      secPartyId: s.secPartyId,
      share: s.share,
      bias: s.bias,
    }),
  );
  const service = Object.fromEntries(
    SERVICE_PARTIES.map((p) => [
      p.role,
      add({ id: rows.length + 1, slug: p.slug, name: p.name, role: p.role, secPartyId: null }),
    ]),
  ) as unknown as PartyDirectory['service'];
  const cspIds = new Map(
    CSPS.map((c) => [
      c.slug,
      add({ id: rows.length + 1, slug: c.slug, name: c.name, role: 'csp', secPartyId: null }).id,
    ]),
  );
  const smsos = SMSOS.map((s) =>
    add({
      id: rows.length + 1,
      slug: s.slug,
      name: s.name,
      role: 'smso',
      secPartyId: null,
      groups: s.groups,
      cspId: cspIds.get(s.csp) ?? 0,
    }),
  );
  return { rows, suppliers, smsos, service };
}
