import { useState } from 'react';
import { ApiError } from '../api/client';
import { storefront, type Product } from '../api/products';
import { useSession } from '../auth/session';

type State =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'liked' }
  | { kind: 'failed'; message: string };

/**
 * Likes a product as the signed-in shopper and says what the server answered; asks a visitor
 * who is not signed in to sign in first.
 */
export function LikeButton({ product, onLiked }: {
  product: Product;
  onLiked: (product: Product) => void;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const session = useSession();

  async function like() {
    if (!session.signedIn) {
      session.signIn();
      return;
    }
    setState({ kind: 'pending' });
    try {
      onLiked(await storefront.like(product.id));
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
      {!session.signedIn && !session.loading && <small>Sign in to like</small>}
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
    if (error.status === 401) return 'Your sign-in has ended. Please sign in again.';
    if (error.status === 403) return 'Your account cannot like products.';
    if (error.status === 404) return 'This product is no longer available.';
    if (error.unavailable) return 'Likes are not available right now. Please try again in a moment.';
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}
