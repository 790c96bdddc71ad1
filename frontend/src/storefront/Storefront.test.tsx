import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, page, problem, routes } from '../test/http';
import { Storefront } from './Storefront';

const mug = { id: 7, title: 'Coffee mug', image: 'https://images.example.com/mug.png', likes: 3 };
const tea = { id: 8, title: 'Tea pot', image: 'https://images.example.com/tea.png', likes: 0 };

function card(title: string) {
  return screen.getByRole('heading', { name: title }).closest('article')!;
}

describe('Storefront', () => {
  it('shows every product of main with its likes', async () => {
    localStorage.setItem('microshop.shopper', '12');
    routes({ 'GET /main/api/products?limit=100': () => page([mug, tea]) });
    render(<Storefront />);

    expect(await screen.findByRole('heading', { name: 'Coffee mug' })).toBeInTheDocument();
    expect(within(card('Coffee mug')).getByLabelText('3 likes')).toHaveTextContent('3 likes');
    expect(within(card('Tea pot')).getByLabelText('0 likes')).toBeInTheDocument();
    expect(screen.getByLabelText('Shopper number')).toHaveValue(12);
  });

  it('shows the count main answered once a like is recorded', async () => {
    localStorage.setItem('microshop.shopper', '12');
    routes({
      'GET /main/api/products?limit=100': () => page([mug]),
      'POST /main/api/products/7/like': () => json(200, { ...mug, likes: 4 }),
    });
    render(<Storefront />);

    await userEvent.click(await screen.findByRole('button', { name: 'Like Coffee mug' }));

    expect(await within(card('Coffee mug')).findByText('4 likes')).toBeInTheDocument();
  });

  it('loads the next page when asked, following the list\'s Link header', async () => {
    localStorage.setItem('microshop.shopper', '12');
    routes({
      'GET /main/api/products?limit=100': () => page([mug], 7),
      'GET /main/api/products?limit=100&after=7': () => page([tea]),
    });
    render(<Storefront />);

    await userEvent.click(await screen.findByRole('button', { name: 'Show more products' }));

    expect(await screen.findByRole('heading', { name: 'Tea pot' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Coffee mug' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more products' })).not.toBeInTheDocument();
  });

  it('gives a first-time shopper one of admin\'s users, and keeps it', async () => {
    routes({
      'GET /main/api/products?limit=100': () => page([mug]),
      'GET /admin/api/user': () => json(200, { id: 57 }),
    });
    render(<Storefront />);

    expect(await screen.findByDisplayValue('57')).toBeInTheDocument();
    expect(localStorage.getItem('microshop.shopper')).toBe('57');
  });

  it('says when the shop is unavailable and offers to retry', async () => {
    localStorage.setItem('microshop.shopper', '12');
    routes({ 'GET /main/api/products?limit=100': () => problem(503, 'down') });
    render(<Storefront />);

    expect(await screen.findByRole('alert')).toHaveTextContent('The shop is not available right now.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
