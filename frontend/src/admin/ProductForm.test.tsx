import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { ProductForm } from './ProductForm';

describe('ProductForm', () => {
  it('has a labelled field for the title and one for the image URL', async () => {
    const onSubmit = vi.fn(async () => ({ id: 1, title: 'Mug', image: 'https://i.example.com/m.png', likes: 0 }));
    render(<ProductForm submitLabel="Create product" onSubmit={onSubmit} />);

    await userEvent.type(screen.getByLabelText('Title'), 'Mug');
    await userEvent.type(screen.getByLabelText('Image URL'), 'https://i.example.com/m.png');
    await userEvent.click(screen.getByRole('button', { name: 'Create product' }));

    expect(onSubmit).toHaveBeenCalledWith({ title: 'Mug', image: 'https://i.example.com/m.png' });
    expect(screen.getByLabelText('Title')).toHaveValue('');
  });

  it('shows the server\'s validation errors next to the fields they name', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, { status: 400, detail: 'Invalid field(s): image, title.', errors: [
        { field: 'title', message: 'must not be blank' },
        { field: 'image', message: 'must be an absolute http or https URL' },
      ] });
    });
    render(<ProductForm submitLabel="Create product" onSubmit={onSubmit} />);

    await userEvent.click(screen.getByRole('button', { name: 'Create product' }));

    expect(await screen.findByText('must not be blank')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('must not be blank');
    expect(screen.getByLabelText('Image URL')).toHaveAccessibleDescription('must be an absolute http or https URL');
  });

  it('keeps what was typed and says nothing was saved when the catalogue is unavailable', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(0, { title: 'Service unavailable' });
    });
    render(<ProductForm submitLabel="Create product" onSubmit={onSubmit} />);

    await userEvent.type(screen.getByLabelText('Title'), 'Mug');
    await userEvent.click(screen.getByRole('button', { name: 'Create product' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing was saved');
    expect(screen.getByLabelText('Title')).toHaveValue('Mug');
  });
});
