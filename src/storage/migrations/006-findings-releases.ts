/**
 * Published releases of a campaign's public findings. Public aggregates change only here: a
 * visitor who fetches the findings before and after one donation sees the same release, so no
 * single donation or withdrawal can be read off them (see SECURITY.md, "Released findings").
 * A row holds only what is published (groups under k suppressed, counts rounded) and the
 * campaign revision it was computed at, which is never published: it says how many donations
 * have changed since. Shipped migrations are never edited: a change is a new numbered file.
 */
export const migration006 = {
  version: 6,
  name: 'findings-releases',
  sql: `
    CREATE TABLE findings_releases (
      campaign_slug TEXT NOT NULL,
      -- 1, 2, 3 … per campaign; two processes racing to cut the same release collide here.
      number        INTEGER NOT NULL CHECK (number > 0),
      -- UTC, to the second: for the interval between releases. Only the day is published.
      released_at   TEXT NOT NULL,
      -- The campaign revision read after the findings were computed (never published).
      revision      INTEGER NOT NULL CHECK (revision >= 0),
      findings_json TEXT NOT NULL,
      PRIMARY KEY (campaign_slug, number)
    ) STRICT;
  `,
};
