import { expect } from 'vitest';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { callerFor, createUser, type Caller } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';

/** Smallest real files of each accepted kind (the server sniffs the first bytes). */
export const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const pngBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

/** A multipart/form-data body with one file. */
export function multipart(fileName: string, bytes: Buffer, type = 'application/octet-stream') {
  const boundary = '----organizer-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface Person {
  id: string;
  caller: Caller;
}

export async function person(
  test: TestApp,
  input: Parameters<typeof createUser>[1] = { identity: 'verified' },
): Promise<Person> {
  const user = await createUser(test.database.db, input);
  return { id: user.id, caller: await callerFor(test, user.id) };
}

export function request(test: TestApp, who: Person | Caller, method: string, url: string, body?: unknown) {
  const caller = 'caller' in who ? who.caller : who;
  return test.app.inject({
    method: method as 'GET',
    url,
    headers: { ...caller.headers, 'accept-language': 'ja' },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

export async function upload(test: TestApp, who: Person, fileName: string, bytes: Buffer, type?: string) {
  const { payload, contentType } = multipart(fileName, bytes, type);
  return test.app.inject({
    method: 'POST',
    url: '/api/organizer/documents',
    headers: { ...who.caller.headers, 'content-type': contentType },
    payload,
  });
}

/** A complete PTA application (R-ORG-3) with its two documents uploaded by `who`. */
export async function completeDraft(test: TestApp, who: Person, name = '熊本市立手取小学校PTA') {
  const officers = await upload(test, who, '役員名簿.pdf', pdfBytes);
  const bylaws = await upload(test, who, '会則.png', pngBytes);
  expect(officers.statusCode).toBe(201);
  expect(bylaws.statusCode).toBe(201);
  return {
    category: 'pta',
    name,
    representative: '会長 熊本 太郎',
    address: '熊本県熊本市中央区手取本町1-1',
    overview: '児童の健全育成と地域との交流を目的とする。会員約300世帯。',
    website: '',
    phone: '096-328-2477',
    email: '',
    activityFields: ['children_youth', 'environment'],
    trackRecord: '',
    officerList: { id: officers.json<{ id: string }>().id },
    bylaws: { id: bylaws.json<{ id: string }>().id },
    declaration: true,
  };
}

/** Creates and submits an application; returns its id. */
export async function submitted(test: TestApp, who: Person, name?: string): Promise<string> {
  const created = await request(
    test,
    who,
    'POST',
    '/api/organizer/applications',
    await completeDraft(test, who, name),
  );
  expect(created.statusCode).toBe(201);
  const { id } = created.json<{ id: string }>();
  const submit = await request(test, who, 'POST', `/api/organizer/applications/${id}/submit`);
  expect(submit.statusCode).toBe(204);
  return id;
}

/** Submitted and approved: the applicant administers the new group. */
export async function approvedGroup(test: TestApp, applicant: Person, reviewer: Person, name?: string) {
  const id = await submitted(test, applicant, name);
  const approve = await request(test, reviewer, 'POST', `/api/city/organizer/applications/${id}/approve`, {});
  expect(approve.statusCode).toBe(200);
  return { applicationId: id, groupId: approve.json<{ groupId: string }>().groupId };
}

export async function rowCount(test: TestApp, table: PgTable): Promise<number> {
  const [row] = await test.database.db.select({ value: count() }).from(table);
  return row?.value ?? 0;
}
