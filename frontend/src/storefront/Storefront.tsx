import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { storefront, type Product } from '../api/products';
import { LikeButton } from './LikeButton';
import { useShopper } from './useShopper';

type Load = { kind: 'loading' } | { kind: 'loaded'; products: Product[] } | { kind: 'failed'; message: string };

/** The shop window: every product with its likes, from main. */
export function Storefront() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [shopper, setShopper] = useShopper();

  const refresh = useCallback(async () => {
    try {
      setLoad({ kind: 'loaded', products: await storefront.list() });
    } catch (error) {
      setLoad({ kind: 'failed', message: error instanceof ApiError && error.unavailable
        ? 'The shop is not available right now. Please try again in a moment.'
        : 'The products could not be loaded.' });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  function liked(product: Product) {
    setLoad((current) => current.kind === 'loaded'
      ? { kind: 'loaded', products: current.products.map((p) => (p.id === product.id ? product : p)) }
      : current);
  }

  return (
    <section aria-labelledby="storefront-title">
      <header className="section-header">
        <h1 id="storefront-title">Products</h1>
        <label className="shopper">
          Shopper number
          <input type="number" min={1} value={shopper}
                 onChange={(event) => setShopper(Number(event.target.value))} />
        </label>
      </header>
      {load.kind === 'loading' && <p aria-busy="true">Loading products…</p>}
      {load.kind === 'failed' && (
        <div role="alert" className="message error">
          {load.message} <button type="button" className="secondary" onClick={() => void refresh()}>Retry</button>
        </div>
      )}
      {load.kind === 'loaded' && load.products.length === 0 && <p>There are no products yet.</p>}
      {load.kind === 'loaded' && load.products.length > 0 && (
        <ul className="grid-cards">
          {load.products.map((product) => (
            <li key={product.id}>
              <article>
                <img src={product.image} alt={product.title} loading="lazy" />
                <h2>{product.title}</h2>
                <p className="likes" aria-label={`${product.likes} likes`}>
                  {product.likes} {product.likes === 1 ? 'like' : 'likes'}
                </p>
                <LikeButton product={product} shopper={shopper} onLiked={liked} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
