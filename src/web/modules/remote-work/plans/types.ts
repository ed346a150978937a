/** The shapes of the planner's API the pages read, named from the generated OpenAPI types (api/schema.ts). */
import type { ItemOf, ResultOf } from '../../../api/types';

export type PlanRun = ResultOf<'showRemoteWorkPlan'>;
export type PlanReport = NonNullable<PlanRun['report']>;
export type PlanGrid = ResultOf<'showRemoteWorkPlanGrid'>;
export type GridOffice = PlanGrid['offices'][number];
export type GridEmployee = GridOffice['employees'][number];
export type GridCoverage = GridOffice['coverage'][number];
export type CellKind = GridEmployee['kinds'][number];
export type PinsResult = ResultOf<'updateRemoteWorkPins'>;
export type PinConflict = PinsResult['pinConflicts'][number];
export type OfficeShortfall = NonNullable<PlanGrid['latestRun']>['shortfalls'][number];
export type ViolationKind = PinConflict['kind'];
export type SwapRequest = ItemOf<'listRemoteWorkSwapRequests'>;
export type SwapViolation = SwapRequest['violations'][number];
export type MyCalendar = ResultOf<'showMyRemoteWorkCalendar'>;
export type MyDayKind = MyCalendar['days'][number]['kind'];
export type FeedCreated = ResultOf<'createMyRemoteWorkCalendarFeed'>;
