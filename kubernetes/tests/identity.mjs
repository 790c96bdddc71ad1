// The tests' own identity provider (scripts/test.sh starts it and seeds its test users; its
// address, the users' password and main's client secret come in IT_IDENTITY_URL,
// IT_IDENTITY_PASSWORD and IT_IDENTITY_MAIN_SECRET): real tokens for the calls these tests make,
// and the settings that point a server at it.
import assert from "node:assert/strict";

const URL_ = process.env.IT_IDENTITY_URL ?? "http://localhost:18180";
const REALM = `${URL_}/realms/microshop`;
const tokens = new Map();

/** A bearer token of a test user (test-admin, shopper-1 … shopper-100), kept while it is fresh. */
export async function token(username) {
  const held = tokens.get(username);
  if (held && held.expires > Date.now() + 60_000) return held.value;
  assert.ok(process.env.IT_IDENTITY_PASSWORD, "IT_IDENTITY_PASSWORD is not set: scripts/test.sh starts the tests' identity provider");
  const response = await fetch(`${REALM}/protocol/openid-connect/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "password", client_id: "microshop-tests", username, password: process.env.IT_IDENTITY_PASSWORD }),
  });
  const body = await response.json();
  assert.equal(response.status, 200, `a token for ${username}: ${JSON.stringify(body)}`);
  tokens.set(username, { value: body.access_token, expires: Date.now() + body.expires_in * 1000 });
  return body.access_token;
}

/** What a cluster's identity settings become on this machine: the tests' provider. */
export const identityOnThisMachine = {
  MP_JWT_VERIFY_ISSUER: REALM,
  MP_JWT_VERIFY_PUBLICKEY_LOCATION: `${REALM}/protocol/openid-connect/certs`,
  IDENTITY_TOKEN_URL: `${REALM}/protocol/openid-connect/token`,
  IDENTITY_CLIENT_SECRET: process.env.IT_IDENTITY_MAIN_SECRET ?? "",
};
