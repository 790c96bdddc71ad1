import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { answers, json, problem } from '../test/http';
import { LikeButton } from './LikeButton';

const mug = { id: 7, title: 'Coffee mug', image: 'https://images.example.com/mug.png', likes: 3 };

function renderButton() {
  const onLiked = vi.fn();
  render(<LikeButton product={mug} shopper={12} onLiked={onLiked} />);
  return onLiked;
}

describe('LikeButton', () => {
  it('sends the shopper and hands over the count the server answered', async () => {
    const fetch = answers(json(200, { ...mug, likes: 4 }));
    const onLiked = renderButton();

    await userEvent.click(screen.getByRole('button', { name: 'Like Coffee mug' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Thanks for your like!');
    expect(onLiked).toHaveBeenCalledWith({ ...mug, likes: 4 });
    expect(fetch).toHaveBeenCalledWith('/main/api/products/7/like', expect.objectContaining({
      method: 'POST', body: JSON.stringify({ userId: 12 }) }));
  });

  it('says so when this shopper already liked the product, and counts nothing', async () => {
    answers(problem(409, 'User 12 already liked product 7.'));
    const onLiked = renderButton();

    await userEvent.click(screen.getByRole('button', { name: 'Like Coffee mug' }));

    expect(await screen.findByText('You already liked this.')).toBeInTheDocument();
    expect(onLiked).not.toHaveBeenCalled();
  });

  it.each([
    ['a 503 answer', () => problem(503, 'admin is unavailable')],
    ['no answer at all', () => new TypeError('Failed to fetch')],
  ])('explains an unavailable service on %s', async (_, reply) => {
    answers(reply());
    const onLiked = renderButton();

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
