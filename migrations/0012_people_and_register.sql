-- People and the processor register over the years (issue 18, items 2 and 4).

-- A processor leaves the register only while no company's draft uses it: the check and the delete
-- are one statement, so a draft that starts using it at the same moment cannot slip between them.
-- (A published version keeps its recipients' details in its own content; it does not need the entry.)
CREATE TRIGGER processors_delete_unused BEFORE DELETE ON processors
WHEN EXISTS (
  SELECT 1 FROM tenant_drafts d JOIN tenants t ON t.id = d.tenant_id, json_each(d.content, '$.lists.recipients') r
  WHERE t.group_id = OLD.group_id AND t.status != 'deleted' AND json_extract(r.value, '$.processor') = OLD.key
)
BEGIN SELECT RAISE(ABORT, 'processor_in_use'); END;

-- A group keeps at least one privacy lead, also when two of them remove or demote each other at
-- the same moment (the app's count before the write cannot see the other request).
CREATE TRIGGER memberships_keep_a_lead_on_delete BEFORE DELETE ON memberships
WHEN OLD.role = 'group_admin'
  AND (SELECT COUNT(*) FROM memberships WHERE group_id = OLD.group_id AND role = 'group_admin') <= 1
BEGIN SELECT RAISE(ABORT, 'last_group_admin'); END;
CREATE TRIGGER memberships_keep_a_lead_on_update BEFORE UPDATE OF role ON memberships
WHEN OLD.role = 'group_admin' AND NEW.role != 'group_admin'
  AND (SELECT COUNT(*) FROM memberships WHERE group_id = OLD.group_id AND role = 'group_admin') <= 1
BEGIN SELECT RAISE(ABORT, 'last_group_admin'); END;

-- Each member's last sign-in, as the privacy lead sees it, from the group's sign-in log.
CREATE INDEX audit_log_sign_ins_by_actor ON audit_log (chain, actor_user_id, created_at)
  WHERE action = 'auth.sign_in';
