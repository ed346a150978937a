/** The agreement as the API answers it (GET /api/v1/remote-work/agreements/{id}), named from the generated OpenAPI types. */
import type { ResultOf } from '../../../api/types';

export type Agreement = ResultOf<'showRemoteWorkAgreement'>;
export type AgreementStatus = Agreement['status'];
export type AgreementAction = Agreement['actions'][number];
