-- Every page of a group's companies (the dashboard, the rollout status, a rollout run's chunks)
-- is in the group's order, position then slug, and continues after the last company of the page
-- before: `(t.position, t.slug) > (?, ?)`. With an index on (group_id, position) only, SQLite
-- read each page from the group's first company on and sorted by slug on top, so the 400 chunks
-- of a 10,000-company rollout read 2 million rows between them (issue 20). With the slug in the
-- index, a page is one seek to where the previous one ended. The new index serves everything the
-- old one did, which goes.
CREATE INDEX tenants_in_group_order ON tenants (group_id, position, slug);
DROP INDEX tenants_by_group;
