import { useCallback, useEffect, useState } from 'react';

/** Where a paged list stands: loading a page, showing what it has, or failed. */
export type PagedStatus = 'loading' | 'ready' | { error: unknown };

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A list read page by page (the API's cursor pagination): the first page
 * when `key` changes, the next one on `more()`.
 */
export function usePaged<T>(fetchPage: (after: string | null) => Promise<Page<T>>, key: string) {
  const [nodes, setNodes] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<PagedStatus>('loading');

  useEffect(() => {
    let current = true;
    setStatus('loading');
    setNodes([]);
    fetchPage(null).then(
      (page) => {
        if (!current) return;
        setNodes(page.nodes);
        setCursor(page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
        setStatus('ready');
      },
      (error: unknown) => current && setStatus({ error }),
    );
    return () => {
      current = false;
    };
    // `key` names what fetchPage reads: a new function with the same key is the same list.
  }, [key]);

  const more = useCallback(async () => {
    setStatus('loading');
    try {
      const page = await fetchPage(cursor);
      setNodes((before) => [...before, ...page.nodes]);
      setCursor(page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
      setStatus('ready');
    } catch (error) {
      setStatus({ error });
    }
  }, [cursor, fetchPage]);

  return { nodes, status, hasMore: cursor !== null, more };
}
