/**
 * A server caught mid-write: opens the database as the server does (getDatabase, the PGlite lock included), applies
 * a bulk triage decision to every installation awaiting triage inside a transaction, says so, and waits there,
 * uncommitted, until a test kills it with SIGKILL.
 */
import { randomUUID } from 'node:crypto';
import { inTransaction } from '@/db/client';
import { ANALYST_USER_ID } from '@/db/seed/rows';
import { decideTriage } from '@/lib/data/triage-decisions';
import { triageFilterSchema } from '@/lib/filters/triage';

const analyst = {
  userId: ANALYST_USER_ID,
  name: 'MCC Analyst',
  email: 'analyst@mcc.demo',
  role: 'analyst',
  supplierId: null,
} as const;

await inTransaction(undefined, async (tx) => {
  const report = await decideTriage(
    analyst,
    {
      submissionId: randomUUID(),
      detail: { decision: 'exclude' },
      note: 'fault test',
      overruleReason: 'fault test',
      supplierVisible: false,
      target: { kind: 'filter', filter: triageFilterSchema.parse({}) },
    },
    new Date(),
    tx,
  );
  const done = report.items.filter((item) => item.outcome === 'done').length;
  console.log(`written, not committed: ${done} installations excluded`);
  await new Promise(() => setInterval(() => {}, 60_000));
});
