import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { Product } from '../api/products';

export type ProductsLoad =
  | { kind: 'loading' }
  | { kind: 'loaded'; products: Product[] }
  | { kind: 'failed'; message: string };

/**
 * Loads a product list on mount and on refresh(). A failure becomes a message: `unavailable`
 * when the service is down, a general one otherwise.
 */
export function useProducts(list: () => Promise<Product[]>, unavailable: string) {
  const [load, setLoad] = useState<ProductsLoad>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setLoad({ kind: 'loaded', products: await list() });
    } catch (error) {
      setLoad({ kind: 'failed', message: error instanceof ApiError && error.unavailable
        ? unavailable : 'The products could not be loaded.' });
    }
  }, [list, unavailable]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { load, setLoad, refresh };
}

/** The loading, failed (with a retry) and empty states of a list; the list itself when it has products. */
export function ProductList({ load, onRetry, children }: {
  load: ProductsLoad;
  onRetry: () => void;
  children: (products: Product[]) => ReactNode;
}) {
  switch (load.kind) {
    case 'loading':
      return <p aria-busy="true">Loading products…</p>;
    case 'failed':
      return (
        <div role="alert" className="message error">
          {load.message} <button type="button" className="secondary" onClick={onRetry}>Retry</button>
        </div>
      );
    case 'loaded':
      return load.products.length === 0 ? <p>There are no products yet.</p> : <>{children(load.products)}</>;
  }
}
