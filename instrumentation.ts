export async function register() {
  // Migrations and the demo seed run before the server answers its first request. Only on the
  // Node.js runtime: the database driver is native.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareDatabase } = await import('./db/prepare');
    prepareDatabase();
    const [{ env }, { ensureAdmins }] = await Promise.all([import('./lib/env'), import('./lib/staff/manage')]);
    ensureAdmins(env.ADMIN_EMAILS);
    const { startBackgroundJobs } = await import('./lib/jobs/background');
    startBackgroundJobs();
  }
}
