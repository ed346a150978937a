export { createObjectiveReport } from './create-objective-report.js';
export { createObjective } from './create-objective.js';
export { createTeam } from './create-team.js';
export { listObjectives } from './list-objectives.js';
export { listTeams } from './list-teams.js';
export type { IndicatorInput } from './objective-rules.js';
export { objectivesRoutes } from './objectives.route.js';
