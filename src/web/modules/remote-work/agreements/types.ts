/** The agreement as the API answers it (GET /remote-work/agreements/{id}). */
export type AgreementStatus = 'requested' | 'approved' | 'refused' | 'registered' | 'withdrawn' | 'expired';
export type AgreementAction = 'approve' | 'refuse' | 'register' | 'withdraw' | 'renew' | 'acknowledgeSafety';

export interface Agreement {
  id: string;
  organizationId: string;
  employeeId: string;
  employeeName: string;
  employeeUserId: string | null;
  officeId: string;
  officeName: string;
  status: AgreementStatus;
  startsOn: string;
  endsOn: string | null;
  lastDayInForce: string | null;
  maxRemotePerWeek: number | null;
  maxRemotePerMonth: number | null;
  allowedWeekdays: number[];
  monthlyPlan: Record<string, string> | null;
  reachability: Record<string, [string, string][]>;
  workingFrom: string;
  workingTo: string;
  disconnectionFrom: string;
  disconnectionTo: string;
  disconnectionMeasures: string;
  placeRules: string;
  equipment: string;
  activities: string;
  safetyInfoAcknowledgedAt: string | null;
  requestedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  registeredAt: string | null;
  withdrawnByParty: 'employee' | 'employer' | null;
  withdrawalNotifiedOn: string | null;
  withdrawalEffectiveOn: string | null;
  withdrawalReason: string | null;
  withdrawalJustified: boolean | null;
  renewedFrom: string | null;
  timeline: { event: string; at: string; note: string | null }[];
  actions: AgreementAction[];
}
