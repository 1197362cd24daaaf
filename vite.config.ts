import { resolve } from 'node:path';
import { reactRouter } from '@react-router/dev/vite';
import { defineConfig, type Plugin } from 'vite';

const SRC = `${resolve('src')}/`;
const WEB = `${resolve('src/web')}/`;
/** The router context key: one instance shared by the HTTP app and the pages. */
const CONTEXT = resolve('src/web/context.ts');

/**
 * One copy of each module per process (ADR 0009): the server bundle imports plain `.ts` files under src/ from
 * source, as the HTTP app does, instead of bundling its own copy. Everything under src/web is bundled (route
 * modules are transformed by React Router, and Node cannot run JSX), except the router context key.
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
      const id = resolved && !resolved.external ? resolved.id : '';
      const serverModule = id.startsWith(SRC) && id.endsWith('.ts') && !id.startsWith(WEB);
      if (resolved && (serverModule || id === CONTEXT)) {
        return { id, external: 'absolute' };
      }
      return null;
    },
  };
}

export default defineConfig({
  plugins: [serverModulesFromSource(), reactRouter()],
  build: { sourcemap: false },
});
