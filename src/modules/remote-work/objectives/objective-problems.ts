/** The rules' problems as the module's errors: the first problem gives the code, all of them go in `errors`. */
import type { Problem } from './objective-rules.js';
import { objectiveErrors as E } from '../remote-work.errors.js';

const FACTORIES = {
  'objective.invalid': E.invalid,
  'objective.invalid_indicator': E.invalidIndicator,
  'objective.report_outside_period': E.reportOutsidePeriod,
  'objective.report_in_future': E.reportInFuture,
  'objective.report_invalid_value': E.reportInvalidValue,
} as const;

export function throwProblems(problems: Problem[]): void {
  if (!problems.length) return;
  const first = problems[0];
  throw FACTORIES[first.code](
    problems.map((p) => p.message).join('; '),
    undefined,
    problems.map((p) => ({ field: p.field, message: p.message })),
  );
}
