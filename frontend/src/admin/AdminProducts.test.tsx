import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { answers, json, problem } from '../test/http';
import { AdminProducts } from './AdminProducts';

const mug = { id: 7, title: 'Coffee mug', image: 'https://images.example.com/mug.png', likes: 3 };

describe('AdminProducts', () => {
  it('lists the products with id, image, title, likes and actions', async () => {
    answers(json(200, [mug]));
    render(<AdminProducts />);

    const row = (await screen.findByText('Coffee mug', { selector: 'td' })).closest('tr')!;
    expect(within(row).getByRole('img', { name: 'Coffee mug' })).toHaveAttribute('src', mug.image);
    expect(within(row).getByRole('cell', { name: '3' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Edit Coffee mug' })).toBeInTheDocument();
  });

  it('says when there are no products, and when they cannot be loaded', async () => {
    answers(json(200, []));
    const { unmount } = render(<AdminProducts />);
    expect(await screen.findByText('There are no products yet.')).toBeInTheDocument();
    unmount();

    answers(problem(503, 'down'));
    render(<AdminProducts />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The catalogue is not available right now.');
  });

  it('deletes nothing when the confirmation is cancelled', async () => {
    const fetch = answers(json(200, [mug]));
    const confirm = vi.fn(() => false);
    render(<AdminProducts confirm={confirm} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Delete Coffee mug' }));

    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Coffee mug'));
    expect(screen.getByRole('status')).toHaveTextContent('Nothing was deleted.');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Coffee mug', { selector: 'td' })).toBeInTheDocument();
  });

  it('deletes after a confirmation and shows the list without it', async () => {
    const fetch = answers(json(200, [mug]), new Response(null, { status: 204 }), json(200, []));
    render(<AdminProducts confirm={() => true} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Delete Coffee mug' }));

    expect(await screen.findByText('There are no products yet.')).toBeInTheDocument();
    expect(fetch).toHaveBeenNthCalledWith(2, '/admin/api/products/7', expect.objectContaining({ method: 'DELETE' }));
  });
});
