// Preloaded by `npm run generate` and `npm run drift` (node --require): keeps V8's compiled code
// for the CommonJS modules they load, above all the TypeScript compiler that openapi-typescript
// imports (0.85 s to compile from source), so a second run starts about 0.3 s sooner.
// The cache lives in node_modules/.cache and is rebuilt whenever a module's source changes.
const path = require("node:path");
require("v8-compile-cache-lib").install({
  cacheDir: path.join(__dirname, "../node_modules/.cache/sudo-images-compile"),
});
