import { defineConfig } from 'vite';

// Relative asset URLs, so the built example works from any directory it is served from.
export default defineConfig({ base: './', build: { target: 'es2022' } });
