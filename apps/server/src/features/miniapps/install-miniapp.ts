import { findMiniApp, type MiniAppId } from '@kumamoto/domain';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { addMiniApp, installedMiniApps } from './store.ts';

/** Adds a mini-app that is offered by install code (guide section 05: the organizer mini-app). */
export async function installMiniApp(db: Database, userId: string, requested: string): Promise<MiniAppId[]> {
  const app = findMiniApp(requested);
  if (!app) throw new AppError('unknown_miniapp');
  if (app.availability !== 'install-code') throw new AppError('miniapp_not_installable');
  await addMiniApp(db, userId, app.id);
  return installedMiniApps(db, userId);
}
