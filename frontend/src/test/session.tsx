import type { ReactNode } from 'react';
import { AuthContext, type AuthContextProps } from 'react-oidc-context';
import { vi } from 'vitest';

/** A signed-in person, or nobody, as react-oidc-context would provide them after a real sign-in. */
export interface TestPerson {
  name: string;
  groups: string[];
}

export const SHOPPER: TestPerson = { name: 'sam', groups: ['shopper'] };
export const ADMINISTRATOR: TestPerson = { name: 'alex', groups: ['shopper', 'catalog-admin'] };

/**
 * Wraps a component in an auth context of a signed-in person (or none). The sign-in and sign-out
 * calls are spies: the real redirect to the provider is the end-to-end test's to make.
 */
export function session(person?: TestPerson) {
  const signinRedirect = vi.fn(async () => undefined);
  const signoutRedirect = vi.fn(async () => undefined);
  const value = {
    isLoading: false,
    isAuthenticated: person !== undefined,
    user: person && { access_token: `token-of-${person.name}`, profile: { preferred_username: person.name, groups: person.groups } },
    signinRedirect,
    signoutRedirect,
  } as unknown as AuthContextProps;
  const wrapper = ({ children }: { children: ReactNode }) => <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
  return { wrapper, signinRedirect, signoutRedirect };
}
