import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setAccessToken } from '../api/client';
import { answers, json, problem } from '../test/http';
import { SHOPPER, session, type TestPerson } from '../test/session';
import { LikeButton } from './LikeButton';

const mug = { id: 7, title: 'Coffee mug', image: 'https://images.example.com/mug.png', likes: 3 };

/** As the test shopper, or (null) as a visitor who is not signed in. */
function renderButton(person: TestPerson | null = SHOPPER) {
  const onLiked = vi.fn();
  const signedIn = session(person ?? undefined);
  setAccessToken(person ? `token-of-${person.name}` : undefined);
  render(<LikeButton product={mug} onLiked={onLiked} />, { wrapper: signedIn.wrapper });
  return { onLiked, signIn: signedIn.signinRedirect };
}

describe('LikeButton', () => {
  it('likes with the shopper\'s token, no shopper in the body, and hands over the count the server answered', async () => {
    const fetch = answers(json(200, { ...mug, likes: 4 }));
    const { onLiked } = renderButton();

    await userEvent.click(screen.getByRole('button', { name: 'Like Coffee mug' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Thanks for your like!');
    expect(onLiked).toHaveBeenCalledWith({ ...mug, likes: 4 });
    expect(fetch).toHaveBeenCalledWith('/main/api/products/7/like', expect.objectContaining({ method: 'POST' }));
    const init = fetch.mock.calls[0][1] as RequestInit;
    expect(init.body).toBeUndefined();
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer token-of-sam');
  });

  it('asks a visitor who is not signed in to sign in, and sends nothing', async () => {
    const fetch = answers();
    const { onLiked, signIn } = renderButton(null);

    expect(screen.getByText('Sign in to like')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Like Coffee mug' }));

    expect(signIn).toHaveBeenCalledOnce();
    expect(fetch).not.toHaveBeenCalled();
    expect(onLiked).not.toHaveBeenCalled();
  });

  it('asks for a new sign-in when the service refuses the token', async () => {
    answers(problem(401, 'The bearer token is not valid here.'));
    renderButton();

    await userEvent.click(screen.getByRole('button', { name: 'Like Coffee mug' }));

    expect(await screen.findByText('Your sign-in has ended. Please sign in again.')).toBeInTheDocument();
  });

  it('says so when this shopper already liked the product, and counts nothing', async () => {
    answers(problem(409, 'User 12 already liked product 7.'));
    const { onLiked } = renderButton();

    await userEvent.click(screen.getByRole('button', { name: 'Like Coffee mug' }));

    expect(await screen.findByText('You already liked this.')).toBeInTheDocument();
    expect(onLiked).not.toHaveBeenCalled();
  });

  it.each([
    ['a 503 answer', () => problem(503, 'admin is unavailable')],
    ['no answer at all', () => new TypeError('Failed to fetch')],
  ])('explains an unavailable service on %s', async (_, reply) => {
    answers(reply());
    const { onLiked } = renderButton();

    await userEvent.click(screen.getByRole('button', { name: 'Like Coffee mug' }));

    expect(await screen.findByText(/Likes are not available right now/)).toBeInTheDocument();
    expect(onLiked).not.toHaveBeenCalled();
  });

  it('says when the product is gone', async () => {
    answers(problem(404, 'No product 7.'));
    renderButton();

    await userEvent.click(screen.getByRole('button', { name: 'Like Coffee mug' }));

    expect(await screen.findByText('This product is no longer available.')).toBeInTheDocument();
  });
});
