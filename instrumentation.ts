export async function register() {
  // Migrations and the demo seed run before the server answers its first request. Only on the
  // Node.js runtime: the database driver is native.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // First: however the site was started (`next start` too), every request's client address is
    // resolved before the site reads it (a no-op under scripts/server.mjs, which installed it).
    const { installClientAddressRule } = await import('./lib/security/client-address.mjs');
    installClientAddressRule();
    const { prepareDatabase, prepareDemoImages } = await import('./db/prepare');
    prepareDatabase();
    await prepareDemoImages();
    const [{ env }, { ensureAdmins, FIRST_STAFF_HINT }, { listStaff }] = await Promise.all([
      import('./lib/env'),
      import('./lib/staff/manage'),
      import('./lib/staff/queries'),
    ]);
    ensureAdmins(env.ADMIN_EMAILS);
    if (listStaff().length === 0) console.log(`[staff] No one can sign in yet. ${FIRST_STAFF_HINT}`);
    // While this process runs, `npm run restore` refuses to replace the database under it.
    const [{ registerServer }, { databasePath }] = await Promise.all([import('./db/backup.mjs'), import('./db')]);
    registerServer(databasePath());
    const { startBackgroundJobs } = await import('./lib/jobs/background');
    startBackgroundJobs();
  }
}
