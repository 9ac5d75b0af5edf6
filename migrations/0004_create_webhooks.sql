-- Publish webhooks: a company's website is told the moment a new version is published, and
-- every delivery attempt is logged so an editor can see why a site did not refresh.

CREATE TABLE webhooks (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  -- https only; plain http just for a receiver on the developer's own machine.
  url TEXT NOT NULL CHECK (
    length(url) <= 2048
    AND (
      url GLOB 'https://?*'
      OR url GLOB 'http://localhost[:/]*' OR url = 'http://localhost'
      OR url GLOB 'http://127.0.0.1[:/]*' OR url = 'http://127.0.0.1'
    )
  ),
  -- Kept in clear, unlike session and invitation secrets: it is an HMAC key the consumer signs
  -- every delivery with, so a hash would be useless. It only proves a request came from us;
  -- it grants no access to Verklaring, and the API shows it once and then only its last 4.
  secret TEXT NOT NULL CHECK (length(secret) = 64 AND secret NOT GLOB '*[^0-9a-f]*'),
  created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  disabled_at TEXT CHECK (disabled_at IS NULL OR disabled_at >= created_at)
) STRICT;
CREATE INDEX webhooks_by_tenant ON webhooks (tenant_id, disabled_at);
-- Registering the same address twice would deliver every event twice.
CREATE UNIQUE INDEX webhooks_unique_active ON webhooks (tenant_id, url) WHERE disabled_at IS NULL;

-- A webhook is disabled, never edited or re-enabled: a new address or secret is a new webhook,
-- so the delivery log always says which secret and address an attempt used.
CREATE TRIGGER webhooks_disable_only BEFORE UPDATE ON webhooks
WHEN OLD.disabled_at IS NOT NULL OR NEW.disabled_at IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.tenant_id IS NOT OLD.tenant_id OR NEW.url IS NOT OLD.url
  OR NEW.secret IS NOT OLD.secret OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a webhook can only be disabled, once'); END;

CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY,
  webhook_id INTEGER NOT NULL REFERENCES webhooks (id),
  -- The Verklaring-Delivery header: the same on every attempt, so a receiver can drop repeats.
  event_id TEXT NOT NULL CHECK (length(event_id) BETWEEN 1 AND 64),
  version_number INTEGER NOT NULL CHECK (version_number >= 1),
  attempt INTEGER NOT NULL CHECK (attempt >= 1),
  attempted_at TEXT NOT NULL CHECK (attempted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  -- NULL when no answer came (timeout, refused connection).
  status_code INTEGER CHECK (status_code IS NULL OR status_code BETWEEN 100 AND 599),
  error TEXT CHECK (error IS NULL OR length(error) <= 1000),
  duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
  succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
  CHECK (succeeded = 0 OR (status_code BETWEEN 200 AND 299 AND error IS NULL))
) STRICT;
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);

CREATE TRIGGER webhook_deliveries_no_update BEFORE UPDATE ON webhook_deliveries
BEGIN SELECT RAISE(ABORT, 'delivery attempts are a log: append only'); END;
