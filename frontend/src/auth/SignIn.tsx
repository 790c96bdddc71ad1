import { useSession } from './session';

/** The header's part: who is signed in and a way out, or a way in. */
export function SignIn() {
  const session = useSession();
  if (session.loading) return <span aria-busy="true">Signing in…</span>;
  if (!session.signedIn) {
    return <button type="button" className="secondary" onClick={session.signIn}>Sign in</button>;
  }
  return (
    <span className="signed-in">
      Signed in as <strong>{session.name}</strong>{' '}
      <button type="button" className="secondary outline" onClick={session.signOut}>Sign out</button>
    </span>
  );
}
