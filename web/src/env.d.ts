// Vite bundles imported stylesheets; to the type checker they are modules with nothing to import.
declare module '*.css' {}
