/**
 * What an outcome may be compared within: which records it applies to, which context fields
 * make records comparable (strata), which legitimate factors matter for it alone, and where a
 * stratum's scale runs the other way. Declared per outcome in the data dictionary, so no code
 * names a campaign's field: the findings read it from here.
 */
import { z } from 'zod';

const fieldName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a field name');
/** Field → the answers that match (any of them). */
const matchSchema = z.record(fieldName, z.array(z.string().min(1)).min(1)).refine((match) => Object.keys(match).length > 0, 'must name at least one field');

export const comparabilitySchema = z
  .object({
    /** Only records whose fields take one of these answers carry this outcome (e.g. pay only for jobs). */
    appliesWhere: matchSchema.optional(),
    /** Context fields: records are compared only within one combination of their answers (a stratum). */
    within: z.array(fieldName).min(1).optional(),
    /** Legitimate factors that matter for this outcome only (e.g. a job's distance for its pay); other outcomes leave them out. */
    adjustFor: z.array(fieldName).min(1).optional(),
    /** Strata whose scale runs the other way: the outcome's `favourable` reversed there. */
    favourableWhere: z.array(z.object({ where: matchSchema, favourable: z.enum(['higher', 'lower']) }).strict()).min(1).optional(),
  })
  .strict();

export type Comparability = z.infer<typeof comparabilitySchema>;

interface CheckedField {
  name: string;
  type: string;
  role: string;
  favourable?: string;
  constraints: { enum?: string[] };
  comparable?: Comparability;
}

type AddIssue = (issue: { code: 'custom'; path: Array<string | number>; message: string }) => void;

/** Cross-checks against the other fields of the campaign; each issue names the outcome's key. */
export function checkComparability(fields: readonly CheckedField[], addIssue: AddIssue): void {
  const byName = new Map(fields.map((field) => [field.name, field]));
  fields.forEach((field, index) => {
    const comparable = field.comparable;
    if (!comparable) return;
    const path = (...rest: Array<string | number>) => ['schema', 'fields', index, 'comparable', ...rest];
    if (field.role !== 'outcome') addIssue({ code: 'custom', path: path(), message: 'only an outcome says within what it is comparable' });
    const checkMatch = (match: Record<string, string[]>, at: Array<string | number>) => {
      for (const [name, answers] of Object.entries(match)) {
        const other = byName.get(name);
        if (!other || other.role !== 'context') {
          addIssue({ code: 'custom', path: [...at, name], message: `"${name}" is not a context field of the campaign` });
          continue;
        }
        for (const answer of answers) {
          if (!other.constraints.enum?.includes(answer)) addIssue({ code: 'custom', path: [...at, name], message: `"${answer}" is not one of the answers of "${name}"` });
        }
      }
    };
    if (comparable.appliesWhere) checkMatch(comparable.appliesWhere, path('appliesWhere'));
    (comparable.within ?? []).forEach((name, position) => {
      const other = byName.get(name);
      // An enum keeps stratum names to known answers: a free-text stratum could name a person.
      if (!other || other.role !== 'context' || !other.constraints.enum) {
        addIssue({ code: 'custom', path: path('within', position), message: `"${name}" must be a context field with an enum` });
      }
    });
    if (new Set(comparable.within ?? []).size !== (comparable.within ?? []).length) addIssue({ code: 'custom', path: path('within'), message: 'names a field twice' });
    (comparable.adjustFor ?? []).forEach((name, position) => {
      if (byName.get(name)?.role !== 'legitimate') addIssue({ code: 'custom', path: path('adjustFor', position), message: `"${name}" is not a legitimate field of the campaign` });
    });
    comparable.favourableWhere?.forEach((rule, position) => {
      if (!field.favourable) addIssue({ code: 'custom', path: path('favourableWhere'), message: 'needs the outcome\'s own "favourable" to reverse' });
      checkMatch(rule.where, path('favourableWhere', position, 'where'));
      for (const name of Object.keys(rule.where)) {
        if (!comparable.within?.includes(name)) addIssue({ code: 'custom', path: path('favourableWhere', position, 'where', name), message: `"${name}" must be one of "within": a scale is the same throughout a stratum` });
      }
    });
  });
}
