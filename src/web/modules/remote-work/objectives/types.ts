/** The objectives pages' constants, and the API's shapes named from the generated OpenAPI types (api/schema.ts). */
import type { ItemOf, ResultOf } from '../../../api/types';

export const SCOPES = ['office', 'team', 'person'] as const;
export type Scope = (typeof SCOPES)[number];
export const VALUE_TYPES = ['number', 'integer', 'percent'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];
export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const PERIODS = ['current', 'all', 'past', 'future'] as const;
export type Period = (typeof PERIODS)[number];

export type ObjectiveList = ResultOf<'listRemoteWorkObjectives'>;
export type ObjectiveSummary = ObjectiveList['items'][number];
export type ObjectiveDetail = ResultOf<'showRemoteWorkObjective'>;
export type ProgressStatus = ObjectiveSummary['progress']['status'];
export type Responsible = ObjectiveDetail['responsibles'][number];
export type Indicator = ObjectiveDetail['indicators'][number];
export type Report = ObjectiveDetail['reports'][number];
export type Team = ItemOf<'listRemoteWorkTeams'>;
export type Candidate = ItemOf<'listRemoteWorkObjectiveResponsibleCandidates'>;
