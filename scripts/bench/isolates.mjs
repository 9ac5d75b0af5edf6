// How many public requests reach D1 when many isolates serve them (issue 20, item 3). Each copy of
// the worker is an isolate of its own, with its own memory (answer-from-memory.ts), on the same D1
// and the same Cache API, as the isolates of one Cloudflare data centre are. Visitors' requests for
// the statements of many companies, in three URL forms, go to a random isolate each; every answer
// says where it came from (Server-Timing: memory, cache or d1, worker/routes/statements.ts).
//
// The share that reached D1 is what the cache layer achieves. Without it, every answer that did
// not come from the isolate's own memory would have gone to D1: the share the bench reports next
// to it, for the same requests.

/** Deterministic, so that runs compare (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMS = ["", ".json", ".html?lang=en&fragment"];

export async function measureIsolates({ mf, isolates, companies, requests, concurrency = 16, log }) {
  const next = random(20261207);
  // Visitors favour some companies (a few large websites): the k-th most visited gets ~1/k.
  const weights = companies.map((_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = next() * total;
    for (let k = 0; k < companies.length; k++) {
      r -= weights[k];
      if (r <= 0) return companies[k];
    }
    return companies.at(-1);
  };
  const plan = Array.from({ length: requests }, () => ({
    isolate: 1 + Math.floor(next() * isolates),
    path: `/v1/statements/conxillium/${pick()}${FORMS[Math.floor(next() * FORMS.length)]}`,
  }));
  const counts = { memory: 0, cache: 0, d1: 0, other: 0 };
  const started = performance.now();
  let at = 0;
  const worker = async () => {
    while (at < plan.length) {
      const { isolate, path } = plan[at++];
      const res = await mf.dispatchFetch(`http://isolate-${isolate}.bench${path}`);
      if (res.status !== 200) throw new Error(`${path} at isolate ${isolate}: ${res.status}`);
      await res.arrayBuffer();
      const source = res.headers.get("Server-Timing");
      counts[source in counts ? source : "other"]++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const share = (n) => Number((n / requests).toFixed(4));
  log(
    `  ${requests} requests over ${isolates} isolates in ${seconds.toFixed(1)} s: memory ${counts.memory}, cache ${counts.cache}, D1 ${counts.d1}`,
  );
  if (counts.other > 0) throw new Error(`${counts.other} answers did not say where they came from`);
  return {
    isolates,
    companies: companies.length,
    requests,
    seconds: Number(seconds.toFixed(1)),
    ...counts,
    d1Share: share(counts.d1),
    d1ShareWithoutCache: share(counts.cache + counts.d1),
  };
}
