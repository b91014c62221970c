/**
 * Who runs this instance, from OPERATOR_* environment variables (one variable a line in a
 * systemd unit, a docker-compose file or a .env file: what an NGO's admin already edits).
 * Donors must be told who "we" are (GDPR Art. 13), so in production the server refuses to start
 * without them; elsewhere a demo instance runs and says on every page that no operator is set.
 */
import { z } from 'zod';

const optionalText = z.string().trim().min(1).optional();

export const operatorEnvironmentSchema = z.object({
  OPERATOR_NAME: optionalText,
  /** Postal address; lines separated by `;` (e.g. "Musterstraße 1; 10115 Berlin; Germany"). */
  OPERATOR_ADDRESS: optionalText,
  OPERATOR_EMAIL: z.email().optional(),
  /** ISO 3166 two-letter code of the operator's seat: picks the supervisory authority. */
  OPERATOR_COUNTRY: z.string().trim().regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as DE').optional(),
  OPERATOR_DPO_EMAIL: z.email().optional(),
  OPERATOR_DPO_NAME: optionalText,
  OPERATOR_PHONE: optionalText,
  /** Who may act for the organisation (the board), as an imprint names it. */
  OPERATOR_REPRESENTATIVE: optionalText,
  /** Register entry, e.g. "Vereinsregister Amtsgericht Berlin-Charlottenburg VR 12345 B". */
  OPERATOR_REGISTER: optionalText,
  /** Slug of the competent authority in shared/recipients/supervisory-authorities.json. */
  OPERATOR_AUTHORITY: optionalText,
});

export interface OperatorConfig {
  name: string;
  addressLines: string[];
  email: string;
  /** Lower-case ISO 3166 code. */
  country: string;
  dataProtection: { email: string; name?: string };
  phone?: string;
  representative?: string;
  register?: string;
  /** Slug of the supervisory authority when the country alone does not decide it. */
  authority?: string;
}

const REQUIRED = ['OPERATOR_NAME', 'OPERATOR_ADDRESS', 'OPERATOR_EMAIL', 'OPERATOR_COUNTRY', 'OPERATOR_DPO_EMAIL'] as const;

type OperatorEnvironment = z.infer<typeof operatorEnvironmentSchema>;

export type OperatorParse = { success: true; operator?: OperatorConfig } | { success: false; problems: string[] };

/**
 * The operator, or none on a demo instance. Every required variable is named when missing: in
 * production always, elsewhere as soon as one OPERATOR_* variable is set (half an operator
 * would tell donors a wrong "we").
 */
export function operatorFromEnvironment(env: OperatorEnvironment, production: boolean): OperatorParse {
  const anySet = Object.keys(operatorEnvironmentSchema.shape).some((key) => env[key as keyof OperatorEnvironment] !== undefined);
  if (!production && !anySet) return { success: true };
  const missing = REQUIRED.filter((key) => env[key] === undefined);
  if (missing.length > 0) {
    const why = production ? 'required when NODE_ENV=production (donors must be told who runs this instance)' : 'required once any OPERATOR_* variable is set';
    return { success: false, problems: missing.map((key) => `${key}: ${why}`) };
  }
  return {
    success: true,
    operator: {
      name: env.OPERATOR_NAME!,
      addressLines: env.OPERATOR_ADDRESS!.split(/\s*;\s*/).filter((line) => line.length > 0),
      email: env.OPERATOR_EMAIL!,
      country: env.OPERATOR_COUNTRY!.toLowerCase(),
      dataProtection: { email: env.OPERATOR_DPO_EMAIL!, name: env.OPERATOR_DPO_NAME },
      phone: env.OPERATOR_PHONE,
      representative: env.OPERATOR_REPRESENTATIVE,
      register: env.OPERATOR_REGISTER,
      authority: env.OPERATOR_AUTHORITY,
    },
  };
}
