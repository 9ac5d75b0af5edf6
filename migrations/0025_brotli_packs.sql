-- Packs may also be Brotli (RFC 7932), which new packs are (worker/storage/rendering-packs.ts): at
-- Brotli's quality 1 a rollout compresses a company's two packs in about half the time zlib's
-- level 4 takes in workerd, for packs about 5 % larger (scripts/bench/README.md, "Session 12"). Packs
-- already stored keep their encoding and their bytes; a reader decodes each by its own encoding.
--
-- SQLite cannot change a CHECK constraint in place, so the table is made again: its rows are
-- copied aside, the table is dropped and created with the new CHECK, and the rows go back with
-- the same ids (statement_renderings points at them by id), then the same triggers. The foreign
-- keys are checked when the migration commits, after the rows are back, not while the table is
-- away (https://www.sqlite.org/foreignkeys.html#fk_deferred; D1 runs a migration as one
-- transaction and allows exactly this: https://developers.cloudflare.com/d1/sql-api/foreign-keys/).
-- Done now, while the table is small: on a database holding years of packs the copy would take as
-- long as the packs are large.
PRAGMA defer_foreign_keys = on;

DROP TRIGGER rendering_packs_no_update;
DROP TRIGGER rendering_packs_no_delete;
DROP TRIGGER rendering_packs_no_replace;
DROP TRIGGER statement_renderings_in_pack;

CREATE TABLE rendering_packs_0018 (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  encoding TEXT NOT NULL,
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL
) STRICT;
INSERT INTO rendering_packs_0018 (id, hash, encoding, size, bytes)
SELECT id, hash, encoding, size, bytes FROM rendering_packs;

DROP TABLE rendering_packs;

CREATE TABLE rendering_packs (
  id INTEGER PRIMARY KEY,
  -- SHA-256 (hex) of the decoded bytes: the pack's address.
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
  -- identity: the bytes as served; deflate-raw: RFC 1951, as CompressionStream("deflate-raw")
  -- writes it; br: Brotli, RFC 7932.
  encoding TEXT NOT NULL CHECK (encoding IN ('identity', 'deflate-raw', 'br')),
  -- Decoded length in bytes.
  size INTEGER NOT NULL CHECK (size >= 0),
  bytes BLOB NOT NULL,
  CHECK (encoding <> 'identity' OR length(bytes) = size)
) STRICT;

INSERT INTO rendering_packs (id, hash, encoding, size, bytes)
SELECT id, hash, encoding, size, bytes FROM rendering_packs_0018 ORDER BY id;
DROP TABLE rendering_packs_0018;

-- As in 0018: published bytes never change, and a rendering lies inside its pack.
CREATE TRIGGER rendering_packs_no_update BEFORE UPDATE ON rendering_packs
BEGIN SELECT RAISE(ABORT, 'published renderings are immutable'); END;
CREATE TRIGGER rendering_packs_no_delete BEFORE DELETE ON rendering_packs
BEGIN SELECT RAISE(ABORT, 'published renderings are immutable'); END;
CREATE TRIGGER rendering_packs_no_replace BEFORE INSERT ON rendering_packs
WHEN EXISTS (SELECT 1 FROM rendering_packs WHERE id = NEW.id OR hash = NEW.hash)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: rendering_packs.hash: a stored pack is never replaced'); END;
CREATE TRIGGER statement_renderings_in_pack BEFORE INSERT ON statement_renderings
WHEN NOT EXISTS (
  SELECT 1 FROM rendering_packs WHERE id = NEW.pack_id AND NEW.byte_start + NEW.byte_length <= size
)
BEGIN SELECT RAISE(ABORT, 'a rendering must lie inside its pack'); END;
