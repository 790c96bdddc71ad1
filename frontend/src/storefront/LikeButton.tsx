import { useState } from 'react';
import { ApiError } from '../api/client';
import { storefront, type Product } from '../api/products';

type State =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'liked' }
  | { kind: 'failed'; message: string };

/** Likes a product as the current shopper and says what the server answered. */
export function LikeButton({ product, shopper, onLiked }: {
  product: Product;
  /** Absent until the shopper is known: admin then picks a user, as the original did. */
  shopper?: number;
  onLiked: (product: Product) => void;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function like() {
    setState({ kind: 'pending' });
    try {
      onLiked(await storefront.like(product.id, shopper));
      setState({ kind: 'liked' });
    } catch (error) {
      setState({ kind: 'failed', message: explain(error) });
    }
  }

  return (
    <div className="like">
      <button type="button" onClick={like} aria-busy={state.kind === 'pending'} disabled={state.kind === 'pending'}
              aria-label={`Like ${product.title}`}>
        ♥ Like
      </button>
      <p role="status" className={state.kind === 'failed' ? 'message error' : 'message'}>
        {state.kind === 'liked' && 'Thanks for your like!'}
        {state.kind === 'failed' && state.message}
      </p>
    </div>
  );
}

function explain(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 409) return 'You already liked this.';
    if (error.status === 404) return 'This product is no longer available.';
    if (error.unavailable) return 'Likes are not available right now. Please try again in a moment.';
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}
