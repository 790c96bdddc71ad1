import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, page, problem, routes } from '../test/http';
import { SHOPPER, session } from '../test/session';
import { Storefront } from './Storefront';

const mug = { id: 7, title: 'Coffee mug', image: 'https://images.example.com/mug.png', likes: 3 };
const tea = { id: 8, title: 'Tea pot', image: 'https://images.example.com/tea.png', likes: 0 };

function card(title: string) {
  return screen.getByRole('heading', { name: title }).closest('article')!;
}

describe('Storefront', () => {
  it('shows every product of main with its likes', async () => {
    routes({ 'GET /main/api/products?limit=100': () => page([mug, tea]) });
    render(<Storefront />, { wrapper: session(SHOPPER).wrapper });

    expect(await screen.findByRole('heading', { name: 'Coffee mug' })).toBeInTheDocument();
    expect(within(card('Coffee mug')).getByLabelText('3 likes')).toHaveTextContent('3 likes');
    expect(within(card('Tea pot')).getByLabelText('0 likes')).toBeInTheDocument();
  });

  it('shows the count main answered once a like is recorded', async () => {
    routes({
      'GET /main/api/products?limit=100': () => page([mug]),
      'POST /main/api/products/7/like': () => json(200, { ...mug, likes: 4 }),
    });
    render(<Storefront />, { wrapper: session(SHOPPER).wrapper });

    await userEvent.click(await screen.findByRole('button', { name: 'Like Coffee mug' }));

    expect(await within(card('Coffee mug')).findByText('4 likes')).toBeInTheDocument();
  });

  it('loads the next page when asked, following the list\'s Link header', async () => {
    routes({
      'GET /main/api/products?limit=100': () => page([mug], 7),
      'GET /main/api/products?limit=100&after=7': () => page([tea]),
    });
    render(<Storefront />, { wrapper: session(SHOPPER).wrapper });

    await userEvent.click(await screen.findByRole('button', { name: 'Show more products' }));

    expect(await screen.findByRole('heading', { name: 'Tea pot' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Coffee mug' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more products' })).not.toBeInTheDocument();
  });

  it('shows the products to a visitor who is not signed in', async () => {
    routes({ 'GET /main/api/products?limit=100': () => page([mug]) });
    render(<Storefront />, { wrapper: session().wrapper });

    expect(await screen.findByRole('heading', { name: 'Coffee mug' })).toBeInTheDocument();
    expect(screen.getByText('Sign in to like')).toBeInTheDocument();
  });

  it('says when the shop is unavailable and offers to retry', async () => {
    routes({ 'GET /main/api/products?limit=100': () => problem(503, 'down') });
    render(<Storefront />, { wrapper: session(SHOPPER).wrapper });

    expect(await screen.findByRole('alert')).toHaveTextContent('The shop is not available right now.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
