-- What a privacy lead's written reason published over (checklist items and legal lint rules), kept
-- on the publish request so that approving it keeps the list, not only the reason, and the approver
-- sees it. A JSON object {reason, completeness: [...], lint: [...]}; NULL when nothing was
-- overridden. For a baseline request this is the only place the reason is kept (the CHECKs of 0006
-- keep completeness_override for company requests).
ALTER TABLE publish_requests ADD COLUMN override TEXT
  CHECK (override IS NULL OR (json_valid(override) AND json_type(override, '$.reason') = 'text'
    AND json_type(override, '$.completeness') = 'array' AND json_type(override, '$.lint') = 'array'));
