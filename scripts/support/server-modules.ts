// Lets a command-line tool load the site's server modules without the `react-server` condition.
// They begin with `import 'server-only'`, which throws outside that condition; but under it,
// react-dom/server (React Email's renderer) refuses to load. A tool that renders email loads this
// module first, and 'server-only' resolves to an empty module: on the command line there is no
// client bundle for it to guard.
import Module from 'node:module';

const resolved = require.resolve('server-only');
const empty = new Module(resolved);
empty.loaded = true;
empty.exports = {};
require.cache[resolved] = empty;
