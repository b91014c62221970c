/**
 * PostgreSQL's equivalent of SQLite's migration 006: published findings releases. The primary key
 * is what makes a release one per number across processes. Never edited once shipped.
 */
export const postgresMigration006 = {
  version: 6,
  name: 'findings-releases',
  sql: `
    CREATE TABLE findings_releases (
      campaign_slug TEXT NOT NULL,
      number        INTEGER NOT NULL CHECK (number > 0),
      released_at   TEXT NOT NULL,
      revision      BIGINT NOT NULL CHECK (revision >= 0),
      findings_json TEXT NOT NULL,
      PRIMARY KEY (campaign_slug, number)
    );
  `,
};
