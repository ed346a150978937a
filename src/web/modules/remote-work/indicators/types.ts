/** The shapes of the indicators' API, named from the generated OpenAPI types (see src/modules/remote-work/indicators.schemas.ts). */
import type { ItemOf, ResultOf } from '../../../api/types';

export type BodyIndicators = ResultOf<'showRemoteWorkIndicators'>;
export type Figures = BodyIndicators['summary'];
export type MonthFigures = BodyIndicators['months'][number];
export type DayFigures = BodyIndicators['days'][number];
export type OfficeFigures = BodyIndicators['offices'][number];

/** Italy, a region or a province: the same answer at every level. */
export type TerritoryIndicators = ResultOf<'showNationalRemoteWorkIndicators'>;
export type TerritoryLevel = TerritoryIndicators['level'];
export type TerritoryChild = TerritoryIndicators['children'][number];

/** The bodies of a region or a province, a page at a time. */
export type TerritoryBodies = ResultOf<'listRegionalBodyRemoteWorkIndicators'>;
export type TerritoryBody = ItemOf<'listRegionalBodyRemoteWorkIndicators'>;

export type Target = ResultOf<'showRemoteWorkTarget'>;
