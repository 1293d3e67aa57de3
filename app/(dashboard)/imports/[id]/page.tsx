import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProblemTable, RowCounts } from '@/components/imports/import-report';
import { LondonTime } from '@/components/ui/london-time';
import { SectionCard } from '@/components/ui/section-card';
import { requirePermission } from '@/lib/auth/viewer';
import { getImport } from '@/lib/data/imports';
import { IMPORT_KIND_LABELS } from '@/lib/data/imports/kinds';
import { formatCount } from '@/lib/format';

export const metadata: Metadata = { title: 'Import report' };
export const dynamic = 'force-dynamic';

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('imports.view');
  const id = Number((await params).id);
  const detail = Number.isSafeInteger(id) && id > 0 ? await getImport(viewer, id) : null;
  if (!detail) notFound();
  return (
    <div className="stack">
      <p>
        <Link href="/imports">← All imports</Link>
      </p>
      <h1>
        Import #{detail.id}: {IMPORT_KIND_LABELS[detail.kind]}
      </h1>
      <SectionCard title={detail.status === 'rejected' ? 'Rejected: nothing changed' : 'Applied'}>
        <dl className="facts">
          <dt>File</dt>
          <dd className="mono">{detail.filename}</dd>
          <dt>Submitted</dt>
          <dd>
            <LondonTime iso={detail.uploadedAt} /> by {detail.uploadedBy}
          </dd>
          <dt>Size</dt>
          <dd>{formatCount(detail.byteSize)} bytes</dd>
          <dt>SHA-256</dt>
          <dd className="mono" style={{ overflowWrap: 'anywhere' }}>
            {detail.sha256}
          </dd>
          {detail.partySignifier ? (
            <>
              <dt>SEC party and file counter</dt>
              <dd>
                {detail.partySignifier}, file {detail.fileCounter}
              </dd>
            </>
          ) : null}
        </dl>
        <RowCounts
          total={detail.rowsTotal}
          accepted={detail.rowsAccepted}
          rejected={detail.rowsRejected}
          skipped={detail.rowsSkipped}
        />
      </SectionCard>
      {detail.status === 'rejected' ? (
        <SectionCard title="Problems, by line and column">
          <ProblemTable
            caption="Problems in the file, by line"
            problems={detail.problems}
            total={detail.problemCount}
            empty="No problems."
          />
        </SectionCard>
      ) : (
        <SectionCard title="Rows reported and not applied">
          <ProblemTable
            caption="Rows reported and not applied, by line"
            problems={detail.notices}
            total={detail.notices.length}
            empty="Every row applied."
          />
        </SectionCard>
      )}
    </div>
  );
}
