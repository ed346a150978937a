export { nonWorkingReason, shortItalianDate } from './calendar.js';
export type { CalendarOptions } from './calendar.js';
export { validatePlan } from './plan-validator.js';
export { planRemoteWork } from './planner.js';
export type { CoverageRule, EmployeeOutcome, IsoWeekday, PinConflict, Plan, PlanResult, PlannerEmployee, PlannerInput, PlannerOffice, ShortfallDay, Violation } from './planner.types.js';
