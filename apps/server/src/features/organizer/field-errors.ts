import { fieldErrorCodes, fieldErrorMessages, pickLocale, type FieldErrorCode } from '@kumamoto/domain';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';

/** Field errors leave with the reader's language (problem+json `errors`: item and text). */
export async function localizedFieldErrors<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || !error.fieldErrors) throw error;
    const messages = fieldErrorMessages[pickLocale(request.headers['accept-language'])];
    throw new AppError(error.code, {
      fieldErrors: error.fieldErrors.map(({ path, message }) => ({
        path,
        message: (fieldErrorCodes as readonly string[]).includes(message)
          ? messages[message as FieldErrorCode]
          : message,
      })),
    });
  }
}
