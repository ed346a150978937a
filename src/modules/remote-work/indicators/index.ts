export { currentMonth } from './indicator-rules.js';
export { indicatorRoutes } from './indicators.route.js';
export { figures, monthFigures, officeFigures } from './indicators.schemas.js';
export { seedIndicatorsDemo } from './indicators.seed-demo.js';
export { INDICATOR_SCHEDULES, indicatorJobHandlers } from './refresh-indicators.js';
export { readBodyIndicators } from './show-body-indicators.js';
export type { BodyIndicators } from './show-body-indicators.js';
