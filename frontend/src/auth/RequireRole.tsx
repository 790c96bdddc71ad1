import type { ReactNode } from 'react';
import { useSession } from './session';

/** Shows its children only to a signed-in person with the role; asks everyone else to sign in. */
export function RequireRole({ role, what, children }: { role: string; what: string; children: ReactNode }) {
  const session = useSession();
  if (session.loading) return <p aria-busy="true">Signing in…</p>;
  if (!session.signedIn) {
    return (
      <section aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in</h1>
        <p>Sign in with an administrator's account to {what}.</p>
        <button type="button" onClick={session.signIn}>Sign in</button>
      </section>
    );
  }
  if (!session.roles.includes(role)) {
    return (
      <p role="alert">
        You are signed in as {session.name}, who may not {what} (that needs the role {role}).
      </p>
    );
  }
  return <>{children}</>;
}
