import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMINISTRATOR, SHOPPER, session } from '../test/session';
import { RequireRole } from './RequireRole';

function renderGate(person = session()) {
  render(<RequireRole role="catalog-admin" what="manage the catalogue"><p>The forms</p></RequireRole>,
    { wrapper: person.wrapper });
}

describe('RequireRole', () => {
  it('asks a visitor to sign in before it shows anything', async () => {
    const visitor = session();
    renderGate(visitor);

    expect(screen.queryByText('The forms')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(visitor.signinRedirect).toHaveBeenCalledOnce();
  });

  it('tells a signed-in shopper that the page needs another role', () => {
    renderGate(session(SHOPPER));

    expect(screen.queryByText('The forms')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('You are signed in as sam, who may not manage the catalogue');
  });

  it('shows an administrator the page', () => {
    renderGate(session(ADMINISTRATOR));

    expect(screen.getByText('The forms')).toBeInTheDocument();
  });
});
