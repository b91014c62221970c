/**
 * PostgreSQL's equivalent of SQLite's migration 002: a revision per campaign raised, by trigger,
 * by every insert or delete of a donation, and a count of deletions. The triggers are plpgsql
 * functions doing what SQLite's trigger bodies do. Shipped migrations are never edited.
 */
export const postgresMigration002 = {
  version: 2,
  name: 'campaign-revisions',
  sql: `
    CREATE TABLE campaign_revisions (
      campaign_slug TEXT PRIMARY KEY,
      revision      BIGINT NOT NULL,
      deletions     BIGINT NOT NULL DEFAULT 0
    );

    CREATE FUNCTION donations_inserted_revise() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO campaign_revisions (campaign_slug, revision) VALUES (NEW.campaign_slug, 1)
        ON CONFLICT (campaign_slug) DO UPDATE SET revision = campaign_revisions.revision + 1;
      RETURN NULL;
    END $$;

    CREATE FUNCTION donations_deleted_revise() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO campaign_revisions (campaign_slug, revision, deletions) VALUES (OLD.campaign_slug, 1, 1)
        ON CONFLICT (campaign_slug) DO UPDATE SET revision = campaign_revisions.revision + 1,
          deletions = campaign_revisions.deletions + 1;
      RETURN NULL;
    END $$;

    -- Deferred to the commit: the campaign's revision row is locked by every donation, and held
    -- from the trigger to the end of the transaction; fired at commit, the lock is held for the
    -- commit alone, not while the records are written.
    CREATE CONSTRAINT TRIGGER donations_inserted_revise AFTER INSERT ON donations
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION donations_inserted_revise();
    CREATE CONSTRAINT TRIGGER donations_deleted_revise AFTER DELETE ON donations
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION donations_deleted_revise();
  `,
};
