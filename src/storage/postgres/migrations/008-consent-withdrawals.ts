/** PostgreSQL's equivalent of SQLite's migration 008: withdrawals of one purpose. Never edited once shipped. */
export const postgresMigration008 = {
  version: 8,
  name: 'consent-withdrawals',
  sql: `
    CREATE TABLE consent_withdrawals (
      donation_id     TEXT NOT NULL REFERENCES donations (id) ON DELETE CASCADE,
      purpose         TEXT NOT NULL,
      consent_version TEXT NOT NULL,
      consent_sha256  TEXT NOT NULL,
      withdrawn_on    TEXT NOT NULL,
      PRIMARY KEY (donation_id, purpose)
    );
  `,
};
