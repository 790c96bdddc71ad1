/** Which admin version served the dashboard, when admin says (X-Service-Version). */
export function ServedBy({ version }: { version?: string }) {
  if (!version) return null;
  return <p className="served-by"><small>Served by <mark>admin {version}</mark></small></p>;
}
