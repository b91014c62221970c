/**
 * A donor can withdraw one optional purpose (e.g. ngo-sharing) and keep the rest (issue 12).
 * `donations.purposes_json` then holds what is still agreed to, which every reader already
 * filters on; this table records each withdrawal with the consent it withdraws from, so the
 * operator can show which consent ended when (GDPR Art. 7(1), 7(3)).
 *
 * The UTC day only, and no row id: a sequence or a time would order withdrawals and could be
 * matched to log lines. Deleting the donation deletes its withdrawals (ON DELETE CASCADE), so
 * nothing about a withdrawn donor is left behind. Shipped migrations are never edited.
 */
export const migration008 = {
  version: 8,
  name: 'consent-withdrawals',
  sql: `
    CREATE TABLE consent_withdrawals (
      donation_id     TEXT NOT NULL REFERENCES donations (id) ON DELETE CASCADE,
      purpose         TEXT NOT NULL,
      -- The consent the purpose was given under: its version and the SHA-256 stored with the donation.
      consent_version TEXT NOT NULL,
      consent_sha256  TEXT NOT NULL,
      withdrawn_on    TEXT NOT NULL,
      PRIMARY KEY (donation_id, purpose)
    ) STRICT, WITHOUT ROWID;
  `,
};
