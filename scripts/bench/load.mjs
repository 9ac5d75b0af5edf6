// One load scenario, run by scripts/bench/run.mjs in a process of its own so that the load
// generator never shares an event loop with anything it measures.
// Usage: node scripts/bench/load.mjs '{"url", "headers", "connections", "warmupSeconds", "durationSeconds"}'
// Prints one JSON line: requests/s, latency percentiles (ms, from every response's own timing,
// not autocannon's whole-millisecond histogram), status counts, errors and timeouts, and with
// "keepLatencies" every latency, so that run.mjs can pool the slices of one scenario.
import autocannon from "autocannon";

const spec = JSON.parse(process.argv[2] ?? "{}");
if (!spec.url || !spec.durationSeconds) {
  console.error('usage: node scripts/bench/load.mjs \'{"url": …, "durationSeconds": …}\'');
  process.exit(2);
}

/** Runs autocannon for `seconds`; with `record`, keeps the latency of every response. */
function fire(seconds, record) {
  const latencies = [];
  const statuses = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        headers: spec.headers ?? {},
        connections: spec.connections ?? 20,
        pipelining: 1,
        duration: seconds,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, statuses })),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (record) latencies.push(responseTime);
    });
  });
}

// Nearest-rank percentile of sorted values.
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

if (spec.warmupSeconds > 0) await fire(spec.warmupSeconds, false);
const { result, latencies, statuses } = await fire(spec.durationSeconds, true);
const sorted = Float64Array.from(latencies).sort();
const round = (n, digits = 3) => (n === undefined ? null : Number(n.toFixed(digits)));
console.log(
  JSON.stringify({
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: round(result.requests.total / result.duration, 1),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1]),
      mean: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
    },
    statuses,
    bytes: result.throughput.total,
    errors: result.errors,
    timeouts: result.timeouts,
    ...(spec.keepLatencies ? { latencies: Array.from(latencies, (l) => round(l)) } : {}),
  }),
);
