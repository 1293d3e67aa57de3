import { NotFoundCard } from '@/components/ui/not-found-card';

export default function IncidentNotFound() {
  return <NotFoundCard thing="incident" backHref="/incidents" backLabel="Back to incidents" />;
}
