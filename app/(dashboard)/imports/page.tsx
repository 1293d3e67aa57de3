import type { Metadata } from 'next';
import { ImportHistory } from '@/components/imports/import-history';
import { UploadForm } from '@/components/imports/upload-form';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { SectionCard } from '@/components/ui/section-card';
import { requirePermission } from '@/lib/auth/viewer';
import { listImports, uploadableKinds } from '@/lib/data/imports';
import { IMPORT_KIND_LABELS } from '@/lib/data/imports/kinds';

export const metadata: Metadata = { title: 'Imports' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function cursor(params: Record<string, string | string[] | undefined>) {
  const at = typeof params.before === 'string' ? params.before : undefined;
  const id = Number(params.id);
  return at && !Number.isNaN(new Date(at).getTime()) && Number.isSafeInteger(id)
    ? { uploadedAt: at, id }
    : undefined;
}

export default async function ImportsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePermission('imports.view');
  const before = cursor(await searchParams);
  const kinds = uploadableKinds(viewer).map((value) => ({ value, label: IMPORT_KIND_LABELS[value] }));
  const history = await listImports(viewer, before);
  const next = history.next
    ? `/imports?${new URLSearchParams({ before: history.next.uploadedAt, id: String(history.next.id) })}`
    : null;
  return (
    <div className="stack">
      <h1>Imports</h1>
      {kinds.length > 0 ? (
        <SectionCard title="Submit a file">
          <UploadForm kinds={kinds} />
        </SectionCard>
      ) : null}
      <SectionCard title="Import history">
        <ImportHistory rows={history.rows} />
        <KeysetPager firstHref={before ? '/imports' : null} nextHref={next} />
      </SectionCard>
    </div>
  );
}
