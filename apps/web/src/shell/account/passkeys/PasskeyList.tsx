import { useState, type FormEvent } from 'react';
import { looksLikeIndividualNumber } from '@kumamoto/domain';
import { formatDateTime } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { ProblemAlert } from '../../ProblemAlert.tsx';
import { useAddPasskey, usePasskeys, useRemovePasskey, useRenamePasskey, type Passkey } from './api.ts';
import { passkeysSupported } from './ceremony.ts';
import { PasskeyProblem } from './PasskeyProblem.tsx';

type Done = 'added' | 'renamed' | 'removed' | null;

/**
 * The account's passkeys. The last one can be removed only when a confirmed e-mail address
 * can stand in for it (the server decides; the screen explains instead of offering it).
 */
export function PasskeyList() {
  const { t } = useTranslation();
  const passkeys = usePasskeys();
  const add = useAddPasskey();
  const [done, setDone] = useState<Done>(null);
  const supported = passkeysSupported();
  const list = passkeys.data?.passkeys ?? [];
  const canRemove = list.length > 1 || passkeys.data?.hasEmail === true;

  return (
    <Card as="section" aria-labelledby="my-passkeys" className="mb-6">
      <h2 id="my-passkeys" className="text-std-20B-150">
        {t('passkeys.heading')}
      </h2>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('passkeys.lead')}</p>
      {passkeys.isPending ? (
        <Loading />
      ) : passkeys.error ? (
        <ProblemAlert error={passkeys.error} className="mt-4" />
      ) : list.length === 0 ? (
        <p className="mt-4 text-std-16N-170 text-solid-gray-800">{t('passkeys.empty')}</p>
      ) : (
        <ul className="mt-4 flex flex-col gap-3">
          {list.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} canRemove={canRemove} onDone={setDone} />
          ))}
        </ul>
      )}
      {list.length > 0 && !canRemove && (
        <p className="mt-3 text-std-16N-170 text-solid-gray-800">{t('passkeys.lastOneNote')}</p>
      )}
      {done && (
        <Alert tone="success" live className="mt-4">
          {t(`passkeys.${done}`)}
        </Alert>
      )}
      <PasskeyProblem error={add.error} step="add" className="mt-4" />
      {supported ? (
        <Button
          className="mt-4 w-full sm:w-auto"
          disabled={add.isPending}
          onClick={() => {
            setDone(null);
            add.mutate(undefined, { onSuccess: () => setDone('added') });
          }}
        >
          {add.isPending ? t('passkeys.adding') : t('passkeys.add')}
        </Button>
      ) : (
        <Alert tone="warning" className="mt-4">
          {t('passkeys.unsupported')}
        </Alert>
      )}
    </Card>
  );
}

function PasskeyItem({
  passkey,
  canRemove,
  onDone,
}: {
  passkey: Passkey;
  canRemove: boolean;
  onDone: (done: Done) => void;
}) {
  const { t, locale } = useTranslation();
  const [mode, setMode] = useState<'view' | 'rename' | 'remove'>('view');
  const remove = useRemovePasskey();

  return (
    <li className="rounded-8 border border-solid-gray-300 p-4 narrow:p-3">
      <p className="text-std-17B-170 break-words">{passkey.name}</p>
      <p className="text-std-16N-170 text-solid-gray-800">
        {t('passkeys.createdAt', { date: formatDateTime(passkey.createdAt, locale) })}
      </p>
      <p className="text-std-16N-170 text-solid-gray-800">
        {passkey.lastUsedAt
          ? t('passkeys.lastUsed', { date: formatDateTime(passkey.lastUsedAt, locale) })
          : t('passkeys.neverUsed')}
      </p>
      {passkey.synced && <p className="text-std-16N-170 text-solid-gray-800">{t('passkeys.synced')}</p>}

      {mode === 'rename' && (
        <RenameForm
          passkey={passkey}
          onClose={(renamed) => {
            setMode('view');
            if (renamed) onDone('renamed');
          }}
        />
      )}
      {mode === 'remove' && (
        <Alert tone="warning" className="mt-3">
          <p>{t('passkeys.removeConfirm', { name: passkey.name })}</p>
          <ProblemAlert error={remove.error} className="mt-3" />
          <div className="mt-3 flex flex-wrap gap-2">
            <Button
              disabled={remove.isPending}
              onClick={() => remove.mutate(passkey.id, { onSuccess: () => onDone('removed') })}
            >
              {t('passkeys.removeYes')}
            </Button>
            <Button variant="secondary" onClick={() => setMode('view')}>
              {t('passkeys.cancel')}
            </Button>
          </div>
        </Alert>
      )}
      {mode === 'view' && (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button
            variant="secondary"
            aria-label={t('passkeys.renameNamed', { name: passkey.name })}
            onClick={() => {
              onDone(null);
              setMode('rename');
            }}
          >
            {t('passkeys.rename')}
          </Button>
          {canRemove && (
            <Button
              variant="secondary"
              aria-label={t('passkeys.removeNamed', { name: passkey.name })}
              onClick={() => {
                onDone(null);
                remove.reset();
                setMode('remove');
              }}
            >
              {t('passkeys.remove')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

function RenameForm({ passkey, onClose }: { passkey: Passkey; onClose: (renamed: boolean) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(passkey.name);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const rename = useRenamePasskey();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setFieldError(t('passkeys.nameRequired'));
    if (looksLikeIndividualNumber(trimmed))
      return setFieldError(t('individual_number_refused', { ns: 'errors' }));
    setFieldError(undefined);
    rename.mutate({ id: passkey.id, name: trimmed }, { onSuccess: () => onClose(true) });
  };

  return (
    <form noValidate onSubmit={submit} className="mt-3 flex flex-col gap-3">
      <TextField
        label={t('passkeys.renameLabel')}
        hint={t('passkeys.renameHint')}
        error={fieldError}
        maxLength={60}
        value={name}
        autoFocus
        onChange={(event) => setName(event.target.value)}
      />
      <ProblemAlert error={rename.error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={rename.isPending}>
          {t('passkeys.save')}
        </Button>
        <Button variant="secondary" onClick={() => onClose(false)}>
          {t('passkeys.cancel')}
        </Button>
      </div>
    </form>
  );
}
