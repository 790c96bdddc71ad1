import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { answers, json, page, problem, routes } from '../test/http';
import { ADMINISTRATOR, session } from '../test/session';
import { AdminProducts } from './AdminProducts';

const mug = { id: 7, title: 'Coffee mug', image: 'https://images.example.com/mug.png', likes: 3 };

describe('AdminProducts', () => {
  it('lists the products with id, image, title, likes and actions', async () => {
    answers(json(200, [mug]));
    render(<AdminProducts />, { wrapper: session(ADMINISTRATOR).wrapper });

    const row = (await screen.findByText('Coffee mug', { selector: 'td' })).closest('tr')!;
    expect(within(row).getByRole('img', { name: 'Coffee mug' })).toHaveAttribute('src', mug.image);
    expect(within(row).getByRole('cell', { name: '3' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Edit Coffee mug' })).toBeInTheDocument();
  });

  it('shows which admin version served it, and the likes as that version shows them', async () => {
    answers(json(200, [mug], 'application/json', { 'X-Service-Version': 'v1' }));
    const { unmount } = render(<AdminProducts />, { wrapper: session(ADMINISTRATOR).wrapper });
    expect(await screen.findByText('admin v1')).toBeInTheDocument();
    const plain = (await screen.findByText('Coffee mug', { selector: 'td' })).closest('tr')!;
    expect(within(plain).getByRole('cell', { name: '3' })).toBeInTheDocument();
    unmount();

    for (const version of ['v2', 'v3']) {
      answers(json(200, [mug], 'application/json', { 'X-Service-Version': version }));
      const { unmount: done } = render(<AdminProducts />, { wrapper: session(ADMINISTRATOR).wrapper });
      expect(await screen.findByText(`admin ${version}`)).toBeInTheDocument();
      const stars = screen.getByLabelText('3 likes');
      expect(stars).toHaveTextContent('★ 3');
      expect(stars).toHaveClass(`stars-${version}`);
      done();
    }
  });

  it('names no version when admin does not say', async () => {
    answers(json(200, [mug]));
    render(<AdminProducts />, { wrapper: session(ADMINISTRATOR).wrapper });
    await screen.findByText('Coffee mug', { selector: 'td' });
    expect(screen.queryByText(/Served by/)).not.toBeInTheDocument();
  });

  it('says when there are no products, and when they cannot be loaded', async () => {
    answers(json(200, []));
    const { unmount } = render(<AdminProducts />, { wrapper: session(ADMINISTRATOR).wrapper });
    expect(await screen.findByText('There are no products yet.')).toBeInTheDocument();
    unmount();

    answers(problem(503, 'down'));
    render(<AdminProducts />, { wrapper: session(ADMINISTRATOR).wrapper });
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

  it('shows every product, a page at a time, and stays on the pages shown after a change', async () => {
    const tea = { id: 8, title: 'Tea pot', image: 'https://images.example.com/tea.png', likes: 0 };
    const fetch = routes({
      'GET /admin/api/products?limit=100': () => page([mug], 7),
      'GET /admin/api/products?limit=100&after=7': () => page([tea]),
      'DELETE /admin/api/products/7': () => new Response(null, { status: 204 }),
    });
    render(<AdminProducts confirm={() => true} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Show more products' }));
    expect(await screen.findByText('Tea pot', { selector: 'td' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete Coffee mug' }));

    expect(await screen.findByText('Deleted “Coffee mug”.')).toBeInTheDocument();
    expect(screen.getByText('Tea pot', { selector: 'td' })).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/admin/api/products?limit=100&after=7', expect.anything());
  });

  it('deletes after a confirmation and shows the list without it', async () => {
    const fetch = answers(json(200, [mug]), new Response(null, { status: 204 }), json(200, []));
    render(<AdminProducts confirm={() => true} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Delete Coffee mug' }));

    expect(await screen.findByText('There are no products yet.')).toBeInTheDocument();
    expect(fetch).toHaveBeenNthCalledWith(2, '/admin/api/products/7', expect.objectContaining({ method: 'DELETE' }));
  });
});
