import { NotFoundCard } from '@/components/ui/not-found-card';

export default function InstallationNotFound() {
  return <NotFoundCard thing="installation" backHref="/installations" backLabel="Back to installations" />;
}
