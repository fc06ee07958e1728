import type { Locale } from '@kumamoto/domain';

/** What a one-time code is for: signing in (or signing up), or confirming an address to add. */
export type CodePurpose = 'sign_in' | 'add_email';

interface CodeMailInput {
  locale: Locale;
  purpose: CodePurpose;
  code: string;
  /** Minutes until the code expires (10). */
  validMinutes: number;
  publicUrl: string;
}

/**
 * The e-mail carrying a one-time code, plain text, in the recipient's language: what the code
 * is for, when it expires, that nobody will ever ask for it, and to ignore the mail if they
 * did not ask for it. The code is in the subject too, so a phone's notification shows it.
 */
export function codeMail({ locale, purpose, code, validMinutes, publicUrl }: CodeMailInput): {
  subject: string;
  text: string;
} {
  switch (locale) {
    case 'ja': {
      const what =
        purpose === 'sign_in'
          ? 'くまもとアプリにログインするための確認コードです。'
          : 'くまもとアプリのアカウントに、このメールアドレスを登録するための確認コードです。';
      return {
        subject: `くまもとアプリの確認コード ${code}`,
        text: [
          what,
          '',
          `確認コード: ${code}`,
          '',
          'くまもとアプリの画面に戻って、この6桁の数字を入力してください。',
          `コードの有効期限は${validMinutes}分です。期限が切れたら、新しいコードを送ってください。`,
          'このコードはだれにも教えないでください。市の職員がコードをたずねることはありません。',
          '',
          'このメールに心当たりがない場合は、何もしないでください。このメールは削除してかまいません。アカウントは変わりません。',
          '',
          '--',
          'くまもとアプリ（熊本市）',
          publicUrl,
          'このメールは送信専用です。返信はできません。',
        ].join('\n'),
      };
    }
    case 'en': {
      const what =
        purpose === 'sign_in'
          ? 'Here is your confirmation code to sign in to the Kumamoto App.'
          : 'Here is your confirmation code to add this e-mail address to your Kumamoto App account.';
      return {
        subject: `Your Kumamoto App code: ${code}`,
        text: [
          what,
          '',
          `Confirmation code: ${code}`,
          '',
          'Go back to the Kumamoto App and enter these 6 digits.',
          `The code expires in ${validMinutes} minutes. After that, ask for a new code.`,
          'Do not share this code with anyone. City staff will never ask you for it.',
          '',
          'If you did not ask for this code, you do not need to do anything: you can delete this e-mail. Your account stays as it is.',
          '',
          '--',
          'Kumamoto App (Kumamoto City)',
          publicUrl,
          'This address does not receive replies.',
        ].join('\n'),
      };
    }
  }
}
