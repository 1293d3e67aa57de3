'use client';

import { ErrorPanel } from '@/components/states/error-panel';
import './globals.css';

// The last resort, when the root layout itself failed: it must render its own <html> and <body>.
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body>
        <main id="main" className="shell-content">
          <ErrorPanel {...props} />
        </main>
      </body>
    </html>
  );
}
