import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'src/web',
  // RR_BUILD_DIR lets parallel developers and CI jobs build side by side; the default is ./build.
  buildDirectory: process.env.RR_BUILD_DIR ?? 'build',
  ssr: true,
} satisfies Config;
