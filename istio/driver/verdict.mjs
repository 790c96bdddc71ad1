// The scenario driver's counting and judging, apart from the network: what each scenario sends,
// what it expects, and whether the answers meet it.

/** The p-th percentile (0-100) of a list of numbers, nearest rank. */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A group of answers: { status, version, ms } each. */
export function summarize(answers) {
  const versions = {};
  for (const a of answers) versions[a.version ?? "none"] = (versions[a.version ?? "none"] ?? 0) + 1;
  const errors = answers.filter((a) => a.status === 0 || a.status >= 500).length;
  const ms = answers.map((a) => a.ms);
  return { n: answers.length, versions, errors, errorRate: answers.length ? errors / answers.length : 0,
    p50: percentile(ms, 50), p90: percentile(ms, 90), p99: percentile(ms, 99),
    statuses: answers.reduce((s, a) => ({ ...s, [a.status]: (s[a.status] ?? 0) + 1 }), {}) };
}

/** Whether `count` of `n` is a plausible draw at probability `p` (within 4 standard deviations). */
export function plausibleShare(count, n, p) {
  const sigma = Math.sqrt(n * p * (1 - p));
  return Math.abs(count - n * p) <= Math.max(4 * sigma, 0.5);
}

const share = (version, p) => ({
  text: `${Math.round(p * 100)}% ${version}`,
  holds: (s) => plausibleShare(s.versions[version] ?? 0, s.n, p) && s.errors === 0,
});

/**
 * Each scenario: the groups of requests it sends ({ name, kind: "admin" | "like", headers }) and
 * what each group's summary must show. `budgetMs` is how long a like may take to answer: main's
 * own (ADMIN_RETRIES + 1) x ADMIN_TIMEOUT_MS plus the retry's delay, and the way to the gateway.
 */
export function plan(scenario, budgetMs = 2575) {
  const admin = (name, headers, expectation) => ({ name, kind: "admin", headers, expectation });
  const like = (name, headers, expectation) => ({ name, kind: "like", headers, expectation });
  // 200 for a shopper's first like, 409 after; a refused token (401, 403) is a failed run.
  const unaffected = { text: "no 503 and no refusal, as usual", holds: (s) => s.errors === 0 && !s.statuses[401] && !s.statuses[403] };
  switch (scenario) {
    case "all-v1": return [admin("everyone", {}, share("v1", 1))];
    case "canary-10": return [admin("everyone", {}, share("v3", 0.1))];
    case "canary-50": return [admin("everyone", {}, share("v3", 0.5))];
    case "all-v3": return [admin("everyone", {}, share("v3", 1))];
    case "mirror-v3": return [admin("everyone", {}, share("v1", 1))];
    case "header-v2": return [admin("end-user: jason", { "end-user": "jason" }, share("v2", 1)), admin("everyone else", {}, share("v1", 1))];
    case "delay-test-user": return [
      like("end-user: tester", { "end-user": "tester" }, {
        text: `all 503, each within ${budgetMs} ms`,
        holds: (s) => s.statuses[503] === s.n && s.p99 <= budgetMs,
      }),
      like("everyone else", {}, unaffected)];
    case "abort-test-user": return [
      like("end-user: tester", { "end-user": "tester" }, { text: "all 503, at once (< 500 ms)", holds: (s) => s.statuses[503] === s.n && s.p99 < 500 }),
      like("everyone else", {}, unaffected)];
    default: throw new Error(`no such scenario: ${scenario}`);
  }
}

/** One line per group: what was seen, what was expected, PASS or FAIL. */
export function report(scenario, results) {
  return results.map(({ group, summary }) => {
    const split = Object.entries(summary.versions).sort().map(([v, c]) => `${v} ${((100 * c) / summary.n).toFixed(1)}%`).join(", ");
    const verdict = group.expectation.holds(summary) ? "PASS" : "FAIL";
    return `${verdict}  ${scenario} / ${group.name}: n=${summary.n}, ${split}, errors ${(100 * summary.errorRate).toFixed(1)}%,`
      + ` p50 ${summary.p50} ms, p90 ${summary.p90} ms, p99 ${summary.p99} ms; expected ${group.expectation.text}`;
  });
}
