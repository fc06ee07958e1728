import {
  accessDecision,
  type DenialReason,
  type ErrorCode,
  type GroupRole,
  type SignedInAction,
} from '@kumamoto/domain';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { Viewer } from './viewer.ts';

/** The answer to each refusal: sign in (401), verify with the card (403), or not yours (403). */
const errorByReason: Record<DenialReason, ErrorCode> = {
  sign_in_required: 'unauthenticated',
  verification_required: 'verification_required',
  role_required: 'forbidden',
};

/**
 * Routes call this first: the access policy (packages/domain/src/policy.ts) decides whether
 * the caller may take the action, and a refusal leaves as problem+json with the reason's code.
 * For group actions pass the caller's role in the group the request is about (none: `null`).
 * Refusals of a signed-in person are logged (who, what, why; no personal data).
 */
export function authorize(
  request: FastifyRequest,
  action: SignedInAction,
  groupRole?: GroupRole | null,
): Viewer {
  const viewer = request.viewer;
  const decision = accessDecision(
    viewer ? { identity: viewer.identity, roles: viewer.roles, groupRole: groupRole ?? null } : null,
    action,
  );
  if (decision.allowed && viewer) return viewer;
  const reason: DenialReason = decision.allowed ? 'sign_in_required' : decision.reason;
  if (viewer) request.log.warn({ userId: viewer.userId, action, reason }, 'access refused');
  throw new AppError(errorByReason[reason]);
}

/**
 * For group actions whose group comes from the request: signs-in first (401 before any lookup),
 * then asks `roleOf` for the caller's role in that group and lets the policy decide.
 * `roleOf` runs only for a signed-in caller, so it never sees a missing user id.
 */
export async function authorizeInGroup(
  request: FastifyRequest,
  action: SignedInAction,
  roleOf: (userId: string) => Promise<GroupRole | null | undefined>,
): Promise<Viewer> {
  if (!request.viewer) return authorize(request, action);
  return authorize(request, action, (await roleOf(request.viewer.userId)) ?? null);
}
