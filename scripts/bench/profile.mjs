// CPU profiles of workerd itself, for finding where a bench scenario's time goes
// (BENCH_PROFILE=republish npm run bench). Miniflare opens workerd's inspector on `port`; every
// target it lists (the app, and the internal workers that hold the local D1 and the queues) is
// profiled through the Chrome DevTools protocol, as DevTools' Performance tab would.

/** Starts the sampling profiler in every target; `stop(dir)` writes a .cpuprofile per target. */
export async function startProfiling(port, { samplingIntervalUs = 200, only = null } = {}) {
  const listed = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  // Profiling every target slows the run several times over; `only` keeps those whose title has
  // one of its comma-separated parts.
  const parts = only?.split(",") ?? null;
  const targets = parts
    ? listed.filter((target) => parts.some((part) => target.title.includes(part)))
    : listed;
  const sessions = await Promise.all(targets.map((target) => openSession(target, port)));
  for (const session of sessions) {
    await session.send("Profiler.enable");
    await session.send("Profiler.setSamplingInterval", { interval: samplingIntervalUs });
    await session.send("Profiler.start");
  }
  return {
    async stop() {
      const profiles = [];
      for (const session of sessions) {
        const { profile } = await session.send("Profiler.stop");
        session.close();
        profiles.push({ target: session.title, profile });
      }
      return profiles;
    },
  };
}

async function openSession(target, port) {
  const url = target.webSocketDebuggerUrl ?? `ws://127.0.0.1:${port}/${target.id}`;
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", () => reject(new Error(`cannot open the inspector at ${url}`)), {
      once: true,
    });
  });
  let nextId = 1;
  const waiting = new Map();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data));
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.error) pending.reject(new Error(`${message.error.message} (${url})`));
    else pending.resolve(message.result);
  });
  return {
    title: target.title ?? target.id,
    send(method, params = {}) {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    },
    close: () => socket.close(),
  };
}

const frameName = (frame) =>
  `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}`;

/** The functions with the most time of their own, and with the most time including what they call. */
export function summarizeProfile(profile, top = 25) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((sample, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const own = frameName(nodes.get(sample).callFrame);
    self.set(own, (self.get(own) ?? 0) + delta);
    const seen = new Set();
    for (let id = sample; id !== undefined; id = parents.get(id)) {
      const name = frameName(nodes.get(id).callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
  });
  const ranked = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: Number((us / total).toFixed(3)) }));
  return { totalMs: Math.round(total / 1000), self: ranked(self), inclusive: ranked(inclusive) };
}
