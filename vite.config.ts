import { resolve } from 'node:path';
import { reactRouter } from '@react-router/dev/vite';
import { defineConfig, type Plugin } from 'vite';

const SRC = `${resolve('src')}/`;

/**
 * One copy of each module per process (ADR 0009): the server bundle imports plain `.ts` files under src/ from
 * source, as the HTTP app does, instead of bundling its own copy. Route modules and `.tsx` components are
 * bundled (React Router transforms them; Node cannot run JSX).
 */
function serverModulesFromSource(): Plugin {
  return {
    name: 'suotdoi:server-modules-from-source',
    enforce: 'pre',
    applyToEnvironment: (env) => env.name === 'ssr',
    async resolveId(source, importer, options) {
      if (!importer || !(source.startsWith('.') || source.startsWith('/'))) return null;
      if (importer.includes('virtual:react-router')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved && !resolved.external && resolved.id.startsWith(SRC) && resolved.id.endsWith('.ts')) {
        return { id: resolved.id, external: 'absolute' };
      }
      return null;
    },
  };
}

export default defineConfig({
  plugins: [serverModulesFromSource(), reactRouter()],
  build: { sourcemap: false },
});
