/**
 * A release's document becomes bytes: gzip-compressed from now on (release-document.ts). At
 * 100,000 donations the document is 6.2 MB of text; storing it took 42–52 ms of the server's
 * event loop and reading it 25 ms, its 0.9 MB compressed take 1.5 and 0.5 ms. SQLite cannot
 * change a STRICT column's type, so the table is rebuilt with the same rows; a release stored
 * before keeps its text, as UTF-8 bytes, and reads as before (compressed bytes start with gzip's
 * 1f 8b, text with `{`). Shipped migrations are never edited.
 */
export const migration010 = {
  version: 10,
  name: 'compressed-releases',
  sql: `
    CREATE TABLE findings_releases_010 (
      campaign_slug TEXT NOT NULL,
      number        INTEGER NOT NULL CHECK (number > 0),
      released_at   TEXT NOT NULL,
      revision      INTEGER NOT NULL CHECK (revision >= 0),
      -- gzip of the document's text; rows stored before this migration: the text's UTF-8 bytes.
      document      BLOB NOT NULL,
      PRIMARY KEY (campaign_slug, number)
    ) STRICT;
    INSERT INTO findings_releases_010 (campaign_slug, number, released_at, revision, document)
      SELECT campaign_slug, number, released_at, revision, CAST(findings_json AS BLOB) FROM findings_releases;
    DROP TABLE findings_releases;
    ALTER TABLE findings_releases_010 RENAME TO findings_releases;
  `,
};
