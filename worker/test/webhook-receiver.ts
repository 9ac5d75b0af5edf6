// A company website receiving publish webhooks, run by the tests as a worker of its own (see
// worker/vitest.config.ts) and reached through the WEBHOOK_RECEIVER service binding. It checks
// each delivery with the exported recipe and keeps what it got per mailbox for the test to read.
// Loaded with its types stripped: erasable syntax only, and no imports but sign.ts.
import { SIGNATURE_HEADER, verifyWebhookSignature, type SignatureVerdict } from "../webhooks/sign.ts";

interface Mailbox {
  secret: string;
  /** What a correctly signed delivery is answered with; 500 plays a website that is down. */
  status: number;
  received: Received[];
}

export interface Received {
  headers: Record<string, string>;
  body: string;
  verdict: SignatureVerdict;
  answered: number;
}

const mailboxes = new Map<string, Mailbox>();

async function receive(mailbox: Mailbox, request: Request): Promise<Response> {
  const body = await request.text();
  // The test plays "later" by moving the receiver's clock; a real website uses its own.
  const clock = request.headers.get("X-Test-Clock");
  const now = clock ? new Date(Number(clock) * 1000) : new Date();
  const verdict = await verifyWebhookSignature(
    mailbox.secret,
    request.headers.get(SIGNATURE_HEADER),
    body,
    now,
  );
  const answered = verdict.valid ? mailbox.status : 401;
  const headers = Object.fromEntries(
    [...request.headers].filter(([name]) => name.startsWith("verklaring-") || name === "content-type"),
  );
  mailbox.received.push({ headers, body, verdict, answered });
  return new Response(verdict.valid ? null : verdict.reason, { status: answered });
}

export default {
  async fetch(request: Request): Promise<Response> {
    const name = /^\/mailboxes\/([\w-]+)$/.exec(new URL(request.url).pathname)?.[1];
    if (!name) return new Response("no such mailbox", { status: 404 });
    if (request.method === "PUT") {
      const setup = await request.json<{ secret: string; status?: number }>();
      mailboxes.set(name, { secret: setup.secret, status: setup.status ?? 204, received: [] });
      return new Response(null, { status: 204 });
    }
    const mailbox = mailboxes.get(name);
    if (!mailbox) return new Response("no such mailbox", { status: 404 });
    if (request.method === "GET") return Response.json({ received: mailbox.received });
    return receive(mailbox, request);
  },
} satisfies ExportedHandler;
