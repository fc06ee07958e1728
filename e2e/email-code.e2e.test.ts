import { errorMessages } from '@kumamoto/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import type { ConsoleErrors } from './support/browser.ts';
import { literal, text, type Lang } from './support/i18n.ts';
import { demoSignIn, waitForLang, waitForTitle } from './support/page.ts';
import { personaName } from './support/personas.ts';
import { openPhone } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';
import { codeFrom, startSmtpReceiver, type SmtpReceiver } from './support/smtp-receiver.ts';

/** The e-mail code section of the sign-in page. */
function emailSignIn(page: Page, lang: Lang) {
  return page.getByRole('region', { name: text[lang].emailCode.heading });
}

async function requestCode(page: Page, lang: Lang, email: string): Promise<void> {
  const section = emailSignIn(page, lang);
  await section.getByRole('textbox', { name: text[lang].emailCode.emailLabel, exact: true }).fill(email);
  await section.getByRole('button', { name: text[lang].emailCode.send, exact: true }).click();
  await section.getByRole('textbox', { name: text[lang].emailCode.codeLabel }).waitFor();
}

/**
 * Chromium logs every 4xx answer as a console error; a refusal the journey provokes on purpose
 * is taken out (and must have been seen), anything else still fails the test.
 */
function expectRefusalLogged(errors: ConsoleErrors, status: number, path: string): void {
  const index = errors.messages.findIndex(
    (message) => message.includes(`status of ${status}`) && message.includes(path),
  );
  expect(index, `a logged ${status} for ${path}`).toBeGreaterThanOrEqual(0);
  errors.messages.splice(index, 1);
}

async function enterCode(page: Page, lang: Lang, code: string): Promise<void> {
  const section = emailSignIn(page, lang);
  await section.getByRole('textbox', { name: text[lang].emailCode.codeLabel }).fill(code);
  await section.getByRole('button', { name: text[lang].emailCode.verify, exact: true }).click();
}

describe('sign-in with an e-mail code, through a real SMTP server', () => {
  let receiver: SmtpReceiver;
  const email = 'haruka.kumamoto@example.jp';
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });
  const app = useAppUnderTest({ env: () => ({ SMTP_URL: receiver.url }) });

  test('a new resident: address → code from the mail → name → signed in → My page shows the address', async () => {
    const { context, errors, page } = await openPhone(app, 'ja');
    try {
      await page.goto('/signin');
      await waitForLang(page, 'ja');
      await waitForTitle(page, text.ja.signIn.title);
      await emailSignIn(page, 'ja').scrollIntoViewIfNeeded();
      await expectAccessible(page, 'sign-in with e-mail: address (ja)');
      await screenshot(page, 'email-01-address-ja');

      // A missing address is caught on the page, with the field marked.
      await emailSignIn(page, 'ja')
        .getByRole('button', { name: text.ja.emailCode.send, exact: true })
        .click();
      await page.getByText(text.ja.emailCode.emailRequired).waitFor();

      const before = receiver.messages.length;
      await requestCode(page, 'ja', email);
      const codeBox = emailSignIn(page, 'ja').getByRole('textbox', { name: text.ja.emailCode.codeLabel });
      expect(await codeBox.getAttribute('inputmode')).toBe('numeric');
      expect(await codeBox.getAttribute('autocomplete')).toBe('one-time-code');
      // The code step has the focus on the code: the number pad opens at once.
      expect(await page.evaluate('document.activeElement?.getAttribute("autocomplete")')).toBe(
        'one-time-code',
      );
      const sentNotice = emailSignIn(page, 'ja').getByRole('status');
      await sentNotice.getByText(text.ja.emailCode.sent).waitFor();
      await sentNotice.getByText(email, { exact: true }).waitFor();
      await expectAccessible(page, 'sign-in with e-mail: code (ja)');
      await screenshot(page, 'email-02-code-ja');

      const mail = await receiver.waitForMail(email, { after: before });
      expect(mail.subject).toMatch(/くまもとアプリの確認コード \d{6}/);
      expect(mail.text).toContain('有効期限は10分');
      await enterCode(page, 'ja', codeFrom(mail));

      const nameBox = page.getByRole('textbox', { name: text.ja.emailCode.nameLabel, exact: true });
      await nameBox.waitFor();
      await page.getByText(text.ja.emailCode.nameLead).waitFor();
      // R-ID-3: a 12-digit number is refused on the page and never sent.
      await nameBox.fill('1234 5678 9012');
      await page.getByRole('button', { name: text.ja.emailCode.createAccount, exact: true }).click();
      await page.getByText(errorMessages.ja.individual_number_refused).first().waitFor();
      await nameBox.fill('熊本 はるか');
      await expectAccessible(page, 'sign-in with e-mail: name (ja)');
      await screenshot(page, 'email-03-name-ja');
      await page.getByRole('button', { name: text.ja.emailCode.createAccount, exact: true }).click();

      await page.getByText(text.ja.emailCode.created).waitFor();
      await page.getByText(text.ja.emailCode.passkeyLead).waitFor();
      await expectAccessible(page, 'sign-in with e-mail: signed in (ja)');
      await screenshot(page, 'email-04-signed-in-ja');

      await page.getByRole('link', { name: text.ja.emailCode.addPasskey }).click();
      await waitForTitle(page, text.ja.myPage.title);
      await page.getByText('熊本 はるか', { exact: true }).first().waitFor();
      const section = page.getByRole('region', { name: text.ja.emailSection.heading });
      await section.getByText(email, { exact: true }).waitFor();
      await section.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'My page with the confirmed address (ja)');
      await screenshot(page, 'email-05-mypage-ja');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });

  test('in English: a wrong code is refused clearly, the right one signs in to the same account', async () => {
    const { context, errors, page } = await openPhone(app, 'en');
    try {
      await page.goto('/signin?next=/notifications');
      await waitForLang(page, 'en');
      await waitForTitle(page, text.en.signIn.title);
      const before = receiver.messages.length;
      await requestCode(page, 'en', email.toUpperCase());
      const mail = await receiver.waitForMail(email, { after: before });
      const code = codeFrom(mail);
      // The account was created in Japanese: its mail stays Japanese.
      expect(mail.subject).toContain('確認コード');

      await enterCode(page, 'en', code === '000000' ? '000001' : '000000');
      await page.getByRole('alert').getByText(errorMessages.en.email_code_wrong).waitFor();
      expectRefusalLogged(errors, 400, '/api/sign-in/email-code/verify');
      await expectAccessible(page, 'sign-in with e-mail: wrong code (en)');
      await screenshot(page, 'email-06-wrong-code-en');

      await enterCode(page, 'en', code);
      await page.getByText(text.en.emailCode.signedIn, { exact: true }).waitFor();
      await expectAccessible(page, 'sign-in with e-mail: signed in (en)');
      await screenshot(page, 'email-07-signed-in-en');
      await page.getByRole('button', { name: text.en.emailCode.continue, exact: true }).click();
      await waitForTitle(page, text.en.notifications.title);

      await page.goto('/mypage');
      await page.getByText('熊本 はるか', { exact: true }).first().waitFor();
      errors.assertNone();
    } finally {
      await context.close();
    }
  });

  test('My page: a signed-in resident adds an address with the code sent to it', async () => {
    const newcomer = await personaName(app.url, 'newcomer');
    const { context, errors, page } = await openPhone(app, 'ja');
    try {
      await demoSignIn(page, 'ja', newcomer);
      const section = page.getByRole('region', { name: text.ja.emailSection.heading });
      await section.getByText(text.ja.emailSection.none).waitFor();
      await section.getByRole('button', { name: text.ja.emailSection.add, exact: true }).click();
      const address = 'taro.higo@example.jp';
      await section.getByRole('textbox', { name: text.ja.emailSection.newEmailLabel }).fill(address);
      const before = receiver.messages.length;
      await section.getByRole('button', { name: text.ja.emailSection.send, exact: true }).click();
      const codeBox = section.getByRole('textbox', { name: text.ja.emailCode.codeLabel });
      await codeBox.waitFor();
      await section.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'My page: e-mail code (ja)');
      await screenshot(page, 'email-08-mypage-code-ja');

      const mail = await receiver.waitForMail(address, { after: before });
      expect(mail.text).toContain('このメールアドレスを登録するための確認コード');
      await codeBox.fill(codeFrom(mail));
      await section.getByRole('button', { name: text.ja.emailSection.confirm, exact: true }).click();
      await section.getByText(text.ja.emailSection.saved).waitFor();
      await section.getByText(address, { exact: true }).waitFor();
      await expectAccessible(page, 'My page: address registered (ja)');
      await screenshot(page, 'email-09-mypage-saved-ja');

      // The address already belongs to the resident who signed up above: refused after the code.
      await section.getByRole('button', { name: text.ja.emailSection.change, exact: true }).click();
      await section.getByRole('textbox', { name: text.ja.emailSection.newEmailLabel }).fill(email);
      const again = receiver.messages.length;
      await section.getByRole('button', { name: text.ja.emailSection.send, exact: true }).click();
      await codeBox.fill(codeFrom(await receiver.waitForMail(email, { after: again })));
      await section.getByRole('button', { name: text.ja.emailSection.confirm, exact: true }).click();
      await section.getByRole('alert').getByText(errorMessages.ja.email_in_use).waitFor();
      expectRefusalLogged(errors, 409, '/api/me/email/verify');
      await screenshot(page, 'email-10-mypage-in-use-ja');
      await section.getByRole('button', { name: text.ja.emailSection.cancel, exact: true }).click();
      await section.getByText(address, { exact: true }).waitFor();
      errors.assertNone();
    } finally {
      await context.close();
    }
  });
});

describe('the development mail page, without SMTP_URL', () => {
  const app = useAppUnderTest();

  test('shows the kept code mail, newest first, and its code signs in', async () => {
    const { context, errors, page } = await openPhone(app, 'ja');
    try {
      await page.goto('/signin');
      await waitForTitle(page, text.ja.signIn.title);
      await requestCode(page, 'ja', 'older@example.jp');
      await emailSignIn(page, 'ja')
        .getByRole('button', { name: text.ja.emailCode.changeEmail, exact: true })
        .click();
      await requestCode(page, 'ja', 'dev.mail@example.jp');

      const mailPage = await context.newPage();
      await mailPage.goto('/dev/mail');
      await waitForTitle(mailPage, text.ja.devMail.title);
      const articles = mailPage.getByRole('article');
      await articles.first().getByText('dev.mail@example.jp').waitFor();
      expect(await articles.count()).toBe(2);
      await articles.nth(1).getByText('older@example.jp').waitFor();
      const subject = await articles.first().getByRole('heading', { level: 2 }).innerText();
      const code = /\d{6}/.exec(subject)?.[0] ?? '';
      expect(code).toMatch(/^\d{6}$/);
      await articles.first().getByText(code, { exact: true }).waitFor();
      await expectAccessible(mailPage, 'development mail page (ja)');
      await screenshot(mailPage, 'email-11-dev-mail-ja');

      await mailPage.getByRole('button', { name: literal(text.ja.language.switchTo.trim()) }).click();
      await waitForTitle(mailPage, text.en.devMail.title);
      await expectAccessible(mailPage, 'development mail page (en)');
      await screenshot(mailPage, 'email-12-dev-mail-en');

      await enterCode(page, 'ja', code);
      await page.getByRole('textbox', { name: text.ja.emailCode.nameLabel, exact: true }).fill('開発 メール');
      await page.getByRole('button', { name: text.ja.emailCode.createAccount, exact: true }).click();
      await page.getByText(text.ja.emailCode.created).waitFor();
      errors.assertNone();
    } finally {
      await context.close();
    }
  });
});
