import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import type { Product, ProductPage } from '../api/products';

export type ProductsLoad =
  | { kind: 'loading' }
  | { kind: 'loaded'; products: Product[]; after?: number; servedBy?: string; loadingMore: boolean; moreFailed?: string }
  | { kind: 'failed'; message: string };

/**
 * A product list, a page at a time: the first page on mount, the next one on loadMore() (it
 * follows the list's `Link: rel="next"`), and on refresh() as many pages again as are shown, so
 * that a change does not take the reader back to the first page. A failure becomes a message:
 * `unavailable` when the service is down, a general one otherwise. `servedBy` is the version of
 * the service that answered the last page.
 */
export function useProducts(page: (after?: number) => Promise<ProductPage>, unavailable: string) {
  const [load, setLoad] = useState<ProductsLoad>({ kind: 'loading' });

  const explain = useCallback((error: unknown) => (error instanceof ApiError && error.unavailable
    ? unavailable : 'The products could not be loaded.'), [unavailable]);

  const refresh = useCallback(async (atLeast = 0) => {
    try {
      let next = await page();
      const products = [...next.products];
      while (products.length < atLeast && next.after !== undefined) {
        next = await page(next.after);
        products.push(...next.products);
      }
      setLoad({ kind: 'loaded', products, after: next.after, servedBy: next.servedBy, loadingMore: false });
    } catch (error) {
      setLoad({ kind: 'failed', message: explain(error) });
    }
  }, [page, explain]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const reload = useCallback(() => refresh(load.kind === 'loaded' ? load.products.length : 0), [refresh, load]);

  const loadMore = useCallback(async () => {
    if (load.kind !== 'loaded' || load.after === undefined || load.loadingMore) return;
    setLoad({ ...load, loadingMore: true, moreFailed: undefined });
    try {
      const next = await page(load.after);
      setLoad({
        kind: 'loaded', products: [...load.products, ...next.products], after: next.after, servedBy: next.servedBy,
        loadingMore: false,
      });
    } catch (error) {
      setLoad({ ...load, loadingMore: false, moreFailed: explain(error) });
    }
  }, [load, page, explain]);

  return { load, setLoad, refresh: reload, loadMore };
}
