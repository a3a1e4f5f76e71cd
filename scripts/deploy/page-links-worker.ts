// Worker thread: parses the pages it is sent (see parse-pages.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { pageLinks } from './page-links.ts';

const { pages, siteOrigin } = workerData as { pages: [string, string][]; siteOrigin?: string };
parentPort?.postMessage(pages.map(([hash, html]) => [hash, pageLinks(html, siteOrigin)]));
