// Entry point. React and React Router choose their production or development builds from NODE_ENV when they
// are first imported, so NODE_ENV must be settled before anything else loads (production unless told).
process.env.NODE_ENV ??= 'production';
await import('./main.ts');
