// `node tests/browser/serve.mjs [dir] [port]`: serves the release build locally.
import { startStaticServer } from './lib/static-server.mjs';

const [root = 'dist', port = '8080'] = process.argv.slice(2);
const server = await startStaticServer({ root, port: Number(port), fallback: true, log: true });
console.log(`Serving ${root} at ${server.url}/ (Ctrl+C to stop)`);
