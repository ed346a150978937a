export { seedPolaObjectivesDemo } from './pola-objectives.seed-demo.js';
export { polaRoutes } from './pola.route.js';
