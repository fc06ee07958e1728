import type { Config } from '../../config.ts';
import { demoPersonas } from './personas.ts';

/** What `npm start` prints: where the app is and whom you can act as. */
export function printDemoWelcome(config: Config, databaseKind: 'pglite' | 'postgres'): void {
  const where =
    config.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL';
  const width = Math.max(...demoPersonas.map((p) => p.key.length));
  const lines = [
    '',
    `  くまもとアプリ is running: ${config.publicUrl}`,
    `  Database: ${databaseKind === 'pglite' ? where : 'PostgreSQL (DATABASE_URL)'}`,
    `  API docs: ${config.publicUrl}/api/docs`,
    '',
    '  Demo sign-in (マイページ / My page → デモ用ログイン / Demo sign-in), as any of:',
    ...demoPersonas.map((p) => `    ${p.key.padEnd(width)}  ${p.displayName}  ${p.description.en}`),
    '',
    `  Or sign up at ${config.publicUrl}/signup with a passkey, or with an e-mail code`,
    ...(config.mail.smtpUrl ? [] : [`  (mail is kept at ${config.publicUrl}/dev/mail)`]),
    ...(config.devCardService
      ? [`  Verify at ${config.publicUrl}/verify with a sample card of the development card service.`]
      : []),
    '',
  ];
  console.log(lines.join('\n'));
}
