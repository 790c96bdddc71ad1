/**
 * Where the browser signs in: the OpenID Connect provider (its issuer URL) and this app's client
 * there. Read at start from /identity.json, so that one build serves every environment: the
 * file in public/ is the local provider of scripts/run.sh; a cluster or a test mounts its own.
 */
export interface IdentityConfig {
  authority: string;
  clientId: string;
}

export async function loadIdentity(url = '/identity.json'): Promise<IdentityConfig> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const config = (await response.json()) as Partial<IdentityConfig>;
  if (typeof config.authority !== 'string' || typeof config.clientId !== 'string') {
    throw new Error(`${url} does not name an authority and a clientId`);
  }
  return { authority: config.authority, clientId: config.clientId };
}
