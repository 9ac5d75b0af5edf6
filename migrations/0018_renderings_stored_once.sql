-- Renderings stored once and compressed (issue 20, item 1). A version used to store its ten
-- renderings (five formats × two languages) as ten full texts: about 170 KB for a demo company,
-- 360 KB in a group of 1,000 companies whose baseline names every member. The five formats of one
-- language say the same words (the HTML page even contains the fragment byte for byte), so they are
-- now stored together as one pack, compressed, and addressed by the SHA-256 of its bytes:
--
--   rendering_packs        one row per distinct pack: its hash, how it is encoded, its bytes;
--   statement_renderings   per version, language and format: the rendering's own hash (its ETag)
--                          and where its bytes are: which pack, from which byte, how many.
--
-- Identical packs are one row, whichever versions and companies they belong to. Serving a
-- rendering stays one indexed lookup: the rendering's row joined to its pack's bytes. The worker
-- decodes the pack, takes the range and checks it against the rendering's hash before serving it
-- (worker/storage/rendering-packs.ts); GET …/integrity does the same for every rendering and pack.
-- Why D1 and not R2 for the bytes is in the README ("Storage").

-- The existing renderings move as they are: each becomes a pack of its own, stored once per
-- distinct body and uncompressed (SQL cannot compress); published bytes are never rewritten.
DROP TRIGGER statement_renderings_no_update;
DROP TRIGGER statement_renderings_no_delete;
DROP TRIGGER statement_renderings_no_replace;
ALTER TABLE statement_renderings RENAME TO statement_renderings_0001;

CREATE TABLE rendering_packs (
  id INTEGER PRIMARY KEY,
  -- SHA-256 (hex) of the decoded bytes: the pack's address.
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
  -- identity: the bytes as served; deflate-raw: RFC 1951, as CompressionStream("deflate-raw") writes it.
  encoding TEXT NOT NULL CHECK (encoding IN ('identity', 'deflate-raw')),
  -- Decoded length in bytes.
  size INTEGER NOT NULL CHECK (size >= 0),
  bytes BLOB NOT NULL,
  CHECK (encoding <> 'identity' OR length(bytes) = size)
) STRICT;

CREATE TABLE statement_renderings (
  version_id INTEGER NOT NULL REFERENCES statement_versions (id),
  language TEXT NOT NULL CHECK (language IN ('nl', 'en')),
  format TEXT NOT NULL CHECK (format IN ('html', 'fragment', 'json', 'md', 'txt')),
  -- SHA-256 (hex) of the rendering's UTF-8 bytes: the strong ETag of this representation.
  body_hash TEXT NOT NULL CHECK (length(body_hash) = 64 AND body_hash NOT GLOB '*[^0-9a-f]*'),
  pack_id INTEGER NOT NULL REFERENCES rendering_packs (id),
  -- The rendering is bytes [byte_start, byte_start + byte_length) of the decoded pack.
  byte_start INTEGER NOT NULL CHECK (byte_start >= 0),
  byte_length INTEGER NOT NULL CHECK (byte_length >= 0),
  PRIMARY KEY (version_id, language, format)
) STRICT, WITHOUT ROWID;
CREATE INDEX statement_renderings_by_pack ON statement_renderings (pack_id);

INSERT INTO rendering_packs (hash, encoding, size, bytes)
SELECT body_hash, 'identity', length(CAST(MIN(body) AS BLOB)), CAST(MIN(body) AS BLOB)
FROM statement_renderings_0001 GROUP BY body_hash ORDER BY MIN(version_id);

INSERT INTO statement_renderings (version_id, language, format, body_hash, pack_id, byte_start, byte_length)
SELECT o.version_id, o.language, o.format, o.body_hash, p.id, 0, p.size
FROM statement_renderings_0001 o JOIN rendering_packs p ON p.hash = o.body_hash;

DROP TABLE statement_renderings_0001;

-- Published bytes never change: no update, no delete, and no INSERT OR REPLACE (which deletes
-- the row it conflicts with without running DELETE triggers; see 0009).
CREATE TRIGGER rendering_packs_no_update BEFORE UPDATE ON rendering_packs
BEGIN SELECT RAISE(ABORT, 'published renderings are immutable'); END;
CREATE TRIGGER rendering_packs_no_delete BEFORE DELETE ON rendering_packs
BEGIN SELECT RAISE(ABORT, 'published renderings are immutable'); END;
CREATE TRIGGER rendering_packs_no_replace BEFORE INSERT ON rendering_packs
WHEN EXISTS (SELECT 1 FROM rendering_packs WHERE id = NEW.id OR hash = NEW.hash)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: rendering_packs.hash: a stored pack is never replaced'); END;

CREATE TRIGGER statement_renderings_no_update BEFORE UPDATE ON statement_renderings
BEGIN SELECT RAISE(ABORT, 'published renderings are immutable'); END;
CREATE TRIGGER statement_renderings_no_delete BEFORE DELETE ON statement_renderings
BEGIN SELECT RAISE(ABORT, 'published renderings are immutable'); END;
CREATE TRIGGER statement_renderings_no_replace BEFORE INSERT ON statement_renderings
WHEN EXISTS (
  SELECT 1 FROM statement_renderings
  WHERE version_id = NEW.version_id AND language = NEW.language AND format = NEW.format
)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: statement_renderings.version_id, statement_renderings.language, statement_renderings.format: a published rendering is never replaced'); END;
-- A rendering lies inside its pack.
CREATE TRIGGER statement_renderings_in_pack BEFORE INSERT ON statement_renderings
WHEN NOT EXISTS (
  SELECT 1 FROM rendering_packs WHERE id = NEW.pack_id AND NEW.byte_start + NEW.byte_length <= size
)
BEGIN SELECT RAISE(ABORT, 'a rendering must lie inside its pack'); END;
