import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/index.ts';
import type { CodeSent } from './api.ts';
import { looksLikeEmail } from './form-helpers.ts';

/** Waiting for the code: where it went, until when it works, and whether it was sent again. */
export interface CodeSentStep {
  name: 'code';
  email: string;
  expiresAt: string;
  resent: boolean;
}

/**
 * What e-mail sign-in and My page's e-mail section share around the e-mailed code: the address
 * and code being typed, the one message under the field, sending and sending again, and the
 * focus following each new step. `Step` is the screen's own other steps (address, name, view…);
 * `check` is the screen's mutation that checks the code, reset whenever the step changes.
 */
export function useEmailCodeSteps<Step extends { name: string }>(
  first: Step,
  request: UseMutationResult<CodeSent, Error, string>,
  check: { reset: () => void },
) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step | CodeSentStep>(first);
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const box = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step.name);

  // A new step takes the focus to its first field (or its message), so screen readers and
  // keyboards follow; the first step leaves the focus where the page put it.
  useEffect(() => {
    if (shownStep.current === step.name) return;
    shownStep.current = step.name;
    focusFirstField(box.current);
  }, [step.name]);

  const go = (next: Step | CodeSentStep) => {
    setFieldError(undefined);
    request.reset();
    check.reset();
    setStep(next);
  };

  const sendCode = (event?: FormEvent) => {
    event?.preventDefault();
    if (email.trim() === '') return setFieldError(t('emailCode.emailRequired'));
    if (!looksLikeEmail(email)) return setFieldError(t('emailCode.emailInvalid'));
    setFieldError(undefined);
    check.reset();
    request.mutate(email, {
      onSuccess: (sent) => {
        setCode('');
        const resent = isCodeStep(step);
        setStep({ name: 'code', email: sent.sentTo, expiresAt: sent.expiresAt, resent });
        // Same step, so the effect above does not run: back to the emptied code field.
        if (resent) focusFirstField(box.current);
      },
    });
  };

  /** On submitting the code: what to check, or nothing (with the message) until all six digits are there. */
  const codeToCheck = (event: FormEvent): { email: string; code: string } | undefined => {
    event.preventDefault();
    if (!isCodeStep(step)) return undefined;
    if (code.length !== 6) {
      setFieldError(t('emailCode.codeRequired'));
      // Back to the field the message is about, so the person can type on at once.
      focusFirstField(box.current);
      return undefined;
    }
    setFieldError(undefined);
    request.reset();
    return { email: step.email, code };
  };

  /** Typing clears the message about the earlier input. */
  const typing = (set: (value: string) => void) => (value: string) => {
    setFieldError(undefined);
    set(value);
  };

  return {
    step,
    go,
    box,
    fieldError,
    setFieldError,
    setEmail,
    sendCode,
    codeToCheck,
    /** For EmailField on the address step. */
    emailField: { value: email, onChange: typing(setEmail), error: fieldError },
    /** For CodeStep, with the screen's own texts and check added. */
    codeEntry: {
      code,
      onCodeChange: typing(setCode),
      fieldError,
      resending: request.isPending,
      onResend: () => sendCode(),
    },
    /** Typing into another field of the screen's own (the display name). */
    typing,
  };
}

function isCodeStep(step: { name: string }): step is CodeSentStep {
  return step.name === 'code';
}

function focusFirstField(box: HTMLElement | null): void {
  box?.querySelector<HTMLElement>('input, [data-focus-first]')?.focus();
}
