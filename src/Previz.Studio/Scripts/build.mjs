// Bundles the studio's 3D viewport (three.js and its examples) into one ES module under wwwroot/js, which the studio
// serves as a static asset. Run by the studio's build (Previz.Studio.csproj) after `npm ci`; nothing is fetched at run time.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

await build({
  entryPoints: [path.join(here, 'src', 'viewport.js')],
  outfile: path.join(here, '..', 'wwwroot', 'js', 'viewport.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  legalComments: 'eof',
  logLevel: 'warning',
});
