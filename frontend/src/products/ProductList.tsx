import type { ReactNode } from 'react';
import type { Product } from '../api/products';
import type { ProductsLoad } from './useProducts';

/**
 * The loading, failed (with a retry) and empty states of a list; the list itself when it has
 * products, with a button for the next page while there is one.
 */
export function ProductList({ load, onRetry, onMore, children }: {
  load: ProductsLoad;
  onRetry: () => void;
  onMore: () => void;
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
      if (load.products.length === 0) return <p>There are no products yet.</p>;
      return (
        <>
          {children(load.products)}
          {load.moreFailed && <p role="alert" className="message error">{load.moreFailed}</p>}
          {load.after !== undefined && (
            <button type="button" className="secondary more" onClick={onMore} aria-busy={load.loadingMore}
                    disabled={load.loadingMore}>
              Show more products
            </button>
          )}
        </>
      );
  }
}
