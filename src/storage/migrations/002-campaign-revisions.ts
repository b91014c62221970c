/**
 * A revision number per campaign that every insert or delete of a donation raises, by trigger,
 * and a count of deletions.
 * Cached analyses are keyed by it, so every writer — the API, the form, a bulk import, the
 * retention purge, a donor's deletion — makes stale results unreachable without knowing that a
 * cache exists. Shipped migrations are never edited: a change is a new numbered file.
 */
export const migration002 = {
  version: 2,
  name: 'campaign-revisions',
  sql: `
    CREATE TABLE campaign_revisions (
      campaign_slug TEXT PRIMARY KEY,
      revision      INTEGER NOT NULL,
      -- Raised by deletions only: a result computed before a deletion must never be shown again.
      deletions     INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TRIGGER donations_inserted_revise AFTER INSERT ON donations BEGIN
      INSERT INTO campaign_revisions (campaign_slug, revision) VALUES (NEW.campaign_slug, 1)
        ON CONFLICT (campaign_slug) DO UPDATE SET revision = revision + 1;
    END;

    CREATE TRIGGER donations_deleted_revise AFTER DELETE ON donations BEGIN
      INSERT INTO campaign_revisions (campaign_slug, revision, deletions) VALUES (OLD.campaign_slug, 1, 1)
        ON CONFLICT (campaign_slug) DO UPDATE SET revision = revision + 1, deletions = deletions + 1;
    END;
  `,
};
