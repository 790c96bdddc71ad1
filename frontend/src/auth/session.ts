import { useAuth } from 'react-oidc-context';

/** The role of the shop's identity provider that the admin dashboard needs. */
export const CATALOG_ADMIN = 'catalog-admin';

/** Who is signed in, as the app needs it; the tokens themselves stay with oidc-client-ts. */
export interface Session {
  /** Still reading a stored session or finishing a sign-in. */
  loading: boolean;
  signedIn: boolean;
  name?: string;
  roles: string[];
  signIn: () => void;
  signOut: () => void;
}

export function useSession(): Session {
  const auth = useAuth();
  const profile = auth.user?.profile;
  const groups = profile?.groups;
  return {
    loading: auth.isLoading,
    signedIn: auth.isAuthenticated,
    name: profile?.preferred_username ?? profile?.name,
    roles: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    signIn: () => void auth.signinRedirect({ state: window.location.pathname + window.location.search }),
    signOut: () => void auth.signoutRedirect({ post_logout_redirect_uri: window.location.origin + '/' }),
  };
}
