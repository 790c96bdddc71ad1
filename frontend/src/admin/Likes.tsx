/**
 * A product's likes as the admin version that served the list shows them, so that a canary can
 * be seen (as Bookinfo's reviews v1/v2/v3): v1 a number, v2 black stars, v3 red stars.
 */
export function Likes({ count, version }: { count: number; version?: string }) {
  if (version === 'v2' || version === 'v3') {
    return <span className={`stars stars-${version}`} aria-label={`${count} likes`}>★ {count}</span>;
  }
  return <>{count}</>;
}
