import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from '../../../i18n/index.ts';
import { Button, buttonClasses } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { WarningIcon } from '../../../ui/icons.tsx';
import { ProblemAlert } from '../../ProblemAlert.tsx';
import { useDeleteAccount } from './use-delete-account.ts';
import type { HomeState } from '../../home/HomePage.tsx';

/**
 * My page: deleting the account (issue 3 part 7). First what is deleted and what stays without
 * the person's name, then a confirmation (a checkbox and a red button), then Home, signed out.
 */
export function DeleteAccountSection() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const startButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    if (!open && cancelled.current) startButton.current?.focus();
  }, [open]);

  return (
    <Card as="section" aria-labelledby="delete-account" className="mt-6">
      <h2 id="delete-account" className="text-std-20B-150">
        {t('deleteAccount.heading')}
      </h2>
      <p className="mt-2 text-std-16N-170 text-solid-gray-800">{t('deleteAccount.lead')}</p>
      {open ? (
        <DeleteAccountConfirmation
          onCancel={() => {
            cancelled.current = true;
            setOpen(false);
          }}
        />
      ) : (
        <button
          ref={startButton}
          type="button"
          className={buttonClasses('secondary', 'mt-4 w-full sm:w-auto')}
          onClick={() => setOpen(true)}
        >
          {t('deleteAccount.start')}
        </button>
      )}
    </Card>
  );
}

function DeleteAccountConfirmation({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const deletion = useDeleteAccount();
  const [agreed, setAgreed] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const checkboxId = useId();
  const errorId = useId();

  useEffect(() => heading.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!agreed) {
      setUnconfirmed(true);
      return;
    }
    deletion.mutate(true, {
      onSuccess: () => {
        const state: HomeState = { accountDeleted: true };
        void navigate('/', { replace: true, state });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate className="mt-4">
      <h3 ref={heading} tabIndex={-1} className="text-std-18B-160">
        {t('deleteAccount.confirmHeading')}
      </h3>

      <h4 className="mt-4 text-std-17B-170">{t('deleteAccount.removedHeading')}</h4>
      <ul className="list-disc pl-6 text-std-16N-170">
        <li>{t('deleteAccount.removedSignIn')}</li>
        <li>{t('deleteAccount.removedCard')}</li>
        <li>{t('deleteAccount.removedEmail')}</li>
        <li>{t('deleteAccount.removedOther')}</li>
        <li>{t('deleteAccount.removedPoints')}</li>
      </ul>

      <h4 className="mt-4 text-std-17B-170">{t('deleteAccount.keptHeading')}</h4>
      <p className="text-std-16N-170">{t('deleteAccount.keptLead')}</p>
      <ul className="list-disc pl-6 text-std-16N-170">
        <li>{t('deleteAccount.keptAttendance')}</li>
        <li>{t('deleteAccount.keptCertificates')}</li>
      </ul>

      <h4 className="mt-4 text-std-17B-170">{t('deleteAccount.againHeading')}</h4>
      <p className="text-std-16N-170">{t('deleteAccount.again')}</p>

      <div className="mt-4">
        {unconfirmed && !agreed && (
          <p id={errorId} role="alert" className="mb-2 text-std-16B-170 text-red-900">
            {t('account_deletion_unconfirmed', { ns: 'errors' })}
          </p>
        )}
        <label
          htmlFor={checkboxId}
          className={
            'flex min-h-12 cursor-pointer items-start gap-3 rounded-8 border-2 bg-white p-3 text-std-17N-170 ' +
            (unconfirmed && !agreed ? 'border-red-900' : 'border-solid-gray-600 hover:border-solid-gray-900')
          }
        >
          <input
            id={checkboxId}
            type="checkbox"
            checked={agreed}
            onChange={(event) => setAgreed(event.target.checked)}
            aria-describedby={unconfirmed && !agreed ? errorId : undefined}
            aria-invalid={unconfirmed && !agreed ? true : undefined}
            className="mt-1 size-6 shrink-0 accent-red-900"
          />
          <span>{t('deleteAccount.confirm')}</span>
        </label>
      </div>

      <ProblemAlert error={deletion.error} className="mt-4" />

      <div className="mt-4 flex flex-wrap gap-3">
        <button
          type="submit"
          disabled={deletion.isPending}
          className={
            'inline-flex min-h-12 min-w-12 items-center justify-center gap-2 rounded-8 px-5 py-2 text-center ' +
            'text-std-17B-170 w-full sm:w-auto bg-red-900 text-white hover:bg-red-1000 hover:underline ' +
            'active:bg-red-1100 disabled:cursor-not-allowed disabled:bg-solid-gray-300 disabled:text-solid-gray-50'
          }
        >
          <WarningIcon className="size-6 shrink-0 narrow:hidden" />
          {deletion.isPending ? t('deleteAccount.deleting') : t('deleteAccount.delete')}
        </button>
        <Button
          variant="tertiary"
          className="w-full sm:w-auto"
          disabled={deletion.isPending}
          onClick={onCancel}
        >
          {t('deleteAccount.cancel')}
        </Button>
      </div>
    </form>
  );
}
