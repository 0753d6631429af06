// Manage who can sign in to the dashboard.
//   npm run staff -- add <email> --role moderator|editor|admin
//   npm run staff -- remove <email>
//   npm run staff -- list
import { closeDb } from '../db';
import { prepareDatabase } from '../db/prepare';
import { STAFF_ROLES, type StaffRole } from '../db/schema';
import { addStaff, comesBackAtStart, FIRST_STAFF_HINT, isInAdminEmails, removeStaff } from '../lib/staff/manage';
import { listStaff } from '../lib/staff/queries';
import { ROLE_WITH_ARTICLE } from '../lib/auth/roles';

function usage(): never {
  console.error(
    'Usage:\n  npm run staff -- add <email> --role moderator|editor|admin\n  npm run staff -- remove <email>\n  npm run staff -- list',
  );
  process.exit(2);
}

const [command, email, ...rest] = process.argv.slice(2);
// Who the moderation log names for changes made here.
const CLI_ACTOR = 'npm run staff';
prepareDatabase();
if (command === 'add' && email) {
  const i = rest.indexOf('--role');
  const role = (i >= 0 ? rest[i + 1] : 'moderator') as StaffRole;
  if (!STAFF_ROLES.includes(role)) usage();
  const added = addStaff({ email, role, actor: CLI_ACTOR });
  console.log(`${added.email} is now ${ROLE_WITH_ARTICLE[added.role]}. They sign in at /admin with a link sent by email.`);
} else if (command === 'remove' && email) {
  if (!removeStaff({ email, actor: CLI_ACTOR })) console.log(`No staff member has the address ${email}.`);
  else console.log(`${email} removed; their sessions have ended.${isInAdminEmails(email) ? ` ${comesBackAtStart(email)}` : ''}`);
} else if (command === 'list') {
  const staff = listStaff();
  if (staff.length === 0) console.log(`No staff yet. ${FIRST_STAFF_HINT}`);
  for (const s of staff) console.log(`${s.role.padEnd(9)} ${s.email}`);
} else usage();
closeDb();
