// The benchmark's baseline: a bare Astro site that writes the same story HTML
// our build produced, with no content layer, no lake, no validation and no
// Portable Text rendering. Our build is reported as a ratio to this.
import { defineConfig } from 'astro/config';

export default defineConfig({
  srcDir: '.',
  output: 'static',
  trailingSlash: 'never',
  build: { format: 'file' },
  devToolbar: { enabled: false },
});
