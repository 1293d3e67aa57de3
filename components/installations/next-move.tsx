import type { InstallationDetail } from '@/lib/data/installations';
import { describeCode } from '@/lib/rules/codes';
import { scenariosForCode } from '@/lib/rules/scenarios';
import { PARTY_ROLE_LABELS } from '@/lib/rules/types';

/** What the last code means, the MEHRS scenario it falls under, who owns the next move, and what to do. */
export function NextMove({ installation }: { installation: InstallationDetail }) {
  if (!installation.lastCode || (installation.status !== 'failed' && installation.status !== 'rolled-back')) {
    return null;
  }
  const code = describeCode(installation.lastCode);
  const scenarios = scenariosForCode(installation.lastCode);
  const dormant = installation.type !== 'active-only';
  return (
    <section className="card" aria-labelledby="next-move">
      <h2 id="next-move">What happens next</h2>
      <p>
        <code>{code.code}</code>: {code.description}
      </p>
      {scenarios.map((s) => (
        <p key={s.section}>
          MEHRS {s.section}, <em>{s.title}</em>.{' '}
          {s.owner
            ? `An incident is owned by the ${PARTY_ROLE_LABELS[s.owner]}.`
            : `No incident is raised (${s.handling === 'none' ? 'installation-level failure' : s.handling}).`}
        </p>
      ))}
      <div className="advice" data-testid="suggested-action">
        <strong>
          Next move:{' '}
          {dormant
            ? 'Migration Control Centre (dormant meter triage, MEHRS section 4)'
            : PARTY_ROLE_LABELS.supplier}
        </strong>
        <p style={{ margin: 0 }}>
          {code.supplierAction ??
            scenarios.find((s) => s.supplierAction)?.supplierAction ??
            'No supplier action: the Migration Control Centre handles this installation.'}
        </p>
      </div>
    </section>
  );
}
