import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SHOPPER, session } from '../test/session';
import { SignIn } from './SignIn';

describe('SignIn', () => {
  it('offers a visitor to sign in', async () => {
    const visitor = session();
    render(<SignIn />, { wrapper: visitor.wrapper });

    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(visitor.signinRedirect).toHaveBeenCalledOnce();
  });

  it('shows who is signed in and signs them out', async () => {
    const sam = session(SHOPPER);
    render(<SignIn />, { wrapper: sam.wrapper });

    expect(screen.getByText('sam')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(sam.signoutRedirect).toHaveBeenCalledOnce();
  });
});
