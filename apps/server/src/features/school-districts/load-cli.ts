// `npm run districts:load -- table.csv`: replace the school district table and re-derive districts.
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { runDistrictsLoad } from './districts-load-command.ts';

const config = loadConfig();
process.exitCode = await runDistrictsLoad(process.argv.slice(2), {
  open: () => openDatabase(config.database),
  // npm runs scripts from the project root; a relative path means the caller's folder.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  io: { out: (line) => console.log(line), err: (line) => console.error(line) },
});
