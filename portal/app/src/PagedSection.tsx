import type { ReactNode } from 'react';

import { ErrorMessage } from './ErrorMessage';
import { useT } from './i18n';
import type { PagedStatus } from './usePaged';

/**
 * A list read page by page (usePaged), as every list page shows one: what
 * went wrong, that nothing matches, the items, that more is loading, and
 * the button that loads the next page. Changes are announced (aria-live).
 */
export function PagedSection({
  status,
  empty,
  hasMore,
  more,
  children,
}: {
  status: PagedStatus;
  empty: boolean;
  hasMore: boolean;
  more: () => Promise<void>;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section aria-live="polite" aria-busy={status === 'loading'}>
      {typeof status === 'object' && <ErrorMessage error={status.error} />}
      {status === 'ready' && empty && <p>{t('nothingPublished')}</p>}
      {children}
      {status === 'loading' && <p>{t('loading')}</p>}
      {status === 'ready' && hasMore && (
        <button type="button" onClick={() => void more()}>
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}
