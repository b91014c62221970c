/**
 * The operator as the pages and the consent show it: the configured one with its competent
 * supervisory authority resolved, or the demo stand-in. Resolved once when the app is built, so
 * an unknown or ambiguous authority stops the server at start instead of a donor's page.
 */
import type { Authority, Recipients } from '../evidence/letters/recipients';
import type { OperatorConfig } from './operator-config';

export interface OperatorProfile {
  /** True on a demo instance: no real operator, every page says so. */
  demo: boolean;
  name: string;
  addressLines: string[];
  email?: string;
  phone?: string;
  representative?: string;
  register?: string;
  dataProtection: { email?: string; name?: string };
  /** The authority a donor may complain to (Art. 77), the one competent for the operator's seat. */
  authority?: Authority;
}

export const DEMO_OPERATOR_NAME = 'Demo instance — operator not configured';

export class OperatorConfigError extends Error {}

export function operatorProfile(config: OperatorConfig | undefined, recipients: Recipients): OperatorProfile {
  if (!config) return { demo: true, name: DEMO_OPERATOR_NAME, addressLines: [], dataProtection: {} };
  return {
    demo: false,
    name: config.name,
    addressLines: config.addressLines,
    email: config.email,
    phone: config.phone,
    representative: config.representative,
    register: config.register,
    dataProtection: config.dataProtection,
    authority: competentAuthority(config, recipients),
  };
}

/**
 * OPERATOR_AUTHORITY when given, else the one authority of OPERATOR_COUNTRY. Germany (one per
 * Land, plus church and broadcasting authorities) and any country with several need the slug.
 */
function competentAuthority(config: OperatorConfig, recipients: Recipients): Authority {
  if (config.authority) {
    const named = recipients.authorities.find((authority) => authority.slug === config.authority);
    if (!named) throw new OperatorConfigError(`Invalid configuration: OPERATOR_AUTHORITY: "${config.authority}" is not an authority in supervisory-authorities.json`);
    return named;
  }
  const ofCountry = recipients.authorities.filter((authority) => authority['relevant-countries'].includes(config.country));
  if (ofCountry.length === 1) return ofCountry[0];
  if (ofCountry.length === 0) {
    throw new OperatorConfigError(`Invalid configuration: OPERATOR_COUNTRY: no supervisory authority is known for "${config.country}"; set OPERATOR_AUTHORITY`);
  }
  throw new OperatorConfigError(
    `Invalid configuration: OPERATOR_AUTHORITY: "${config.country}" has several supervisory authorities; set OPERATOR_AUTHORITY to one of ${ofCountry.map((authority) => authority.slug).join(', ')}`,
  );
}

/** What of the operator the donor agrees to give data to: hashed into the consent (see `operator-consent.ts`). */
export function operatorIdentity(operator: OperatorProfile): { name: string; address: string[]; email: string | null; dataProtectionEmail: string | null } {
  return { name: operator.name, address: operator.addressLines, email: operator.email ?? null, dataProtectionEmail: operator.dataProtection.email ?? null };
}
