import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AuthProvider } from 'react-oidc-context';
import { WebStorageStateStore, type User } from 'oidc-client-ts';
import '@picocss/pico/css/pico.min.css';
import './styles.css';
import { App } from './App';
import { loadIdentity } from './auth/identity';
import { loadTelemetry } from './telemetry/config';

const root = createRoot(document.getElementById('root')!);

// Tracing (loaded only when this run serves /telemetry.json) starts before the first API call.
const tracing = loadTelemetry().then(async (telemetry) => {
  if (telemetry) (await import('./telemetry/tracing')).startTracing(telemetry);
});

Promise.all([loadIdentity(), tracing]).then(([identity]) => {
  // After the provider sends the browser back, drop the code from the address and return to
  // the page that asked for the sign-in (the session is in sessionStorage: a reload keeps it).
  const signedIn = (user: User | void) => {
    const back = typeof user?.state === 'string' && user.state.startsWith('/') ? user.state : '/';
    if (back === '/') window.history.replaceState({}, document.title, '/');
    else window.location.replace(back);
  };
  root.render(
    <StrictMode>
      <AuthProvider
        authority={identity.authority}
        client_id={identity.clientId}
        redirect_uri={window.location.origin + '/'}
        post_logout_redirect_uri={window.location.origin + '/'}
        scope="openid profile"
        userStore={new WebStorageStateStore({ store: window.sessionStorage })}
        onSigninCallback={signedIn}
      >
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </AuthProvider>
    </StrictMode>,
  );
}, (error: unknown) => {
  root.render(<main className="container"><p role="alert">The shop cannot start: {String(error)}</p></main>);
});
