import { storefront, type Product } from '../api/products';
import { ProductList } from '../products/ProductList';
import { useProducts } from '../products/useProducts';
import { LikeButton } from './LikeButton';

const UNAVAILABLE = 'The shop is not available right now. Please try again in a moment.';

/** The shop window: every product with its likes, from main. */
export function Storefront() {
  const { load, setLoad, refresh, loadMore } = useProducts(storefront.page, UNAVAILABLE);

  function liked(product: Product) {
    setLoad((current) => current.kind === 'loaded'
      ? { ...current, products: current.products.map((p) => (p.id === product.id ? product : p)) }
      : current);
  }

  return (
    <section aria-labelledby="storefront-title">
      <header className="section-header">
        <h1 id="storefront-title">Products</h1>
      </header>
      <ProductList load={load} onRetry={() => void refresh()} onMore={() => void loadMore()}>
        {(products) => (
          <ul className="grid-cards">
            {products.map((product) => (
              <li key={product.id}>
                <article>
                  <img src={product.image} alt={product.title} loading="lazy" />
                  <h2>{product.title}</h2>
                  <p className="likes" aria-label={`${product.likes} likes`}>
                    {product.likes} {product.likes === 1 ? 'like' : 'likes'}
                  </p>
                  <LikeButton product={product} onLiked={liked} />
                </article>
              </li>
            ))}
          </ul>
        )}
      </ProductList>
    </section>
  );
}
