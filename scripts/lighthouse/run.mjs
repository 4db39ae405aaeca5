// Lighthouse for `make bench`: every URL given, on the mobile and the desktop profile, RUNS times each, in one
// Debian Chromium started once (a fresh profile; the cache is cleared before every run, so each run is a first
// visit). Prints one JSON object: the median of each score and metric by "name|profile".
// Usage: node run.mjs RUNS '[{"name": "home", "url": "http://127.0.0.1:PORT/"}, ...]'
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const runs = Number(process.argv[2]);
const pages = JSON.parse(process.argv[3]);
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time',
  'cumulative-layout-shift', 'speed-index', 'total-byte-weight'];

// Bytes transferred (gzipped as served, headers included) by what they are: what a first visit pays for.
const bytesByKind = (requests) => {
  const out = { 'bytes html': 0, 'bytes css': 0, 'bytes js': 0, 'bytes search index': 0, 'bytes other': 0 };
  for (const r of requests) {
    const kind = r.url.includes('search_index.json') ? 'search index'
      : { Document: 'html', Stylesheet: 'css', Script: 'js' }[r.resourceType] || 'other';
    out[`bytes ${kind}`] += r.transferSize || 0;
  }
  return out;
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: FLAGS });
const out = {};
try {
  for (const page of pages) {
    for (const profile of ['mobile', 'desktop']) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
        const result = await lighthouse(page.url, flags, profile === 'desktop' ? desktopConfig : undefined);
        const lhr = result.lhr;
        if (lhr.runtimeError) throw new Error(`${page.url}: ${lhr.runtimeError.message}`);
        const sample = {};
        for (const c of CATEGORIES) sample[c] = Math.round(lhr.categories[c].score * 100);
        for (const m of METRICS) sample[m] = lhr.audits[m].numericValue;
        Object.assign(sample, bytesByKind(lhr.audits['network-requests'].details.items));
        samples.push(sample);
      }
      const summary = {};
      for (const key of Object.keys(samples[0])) summary[key] = median(samples.map((s) => s[key]));
      summary.performance_runs = samples.map((s) => s.performance);
      out[`${page.name}|${profile}`] = summary;
    }
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(out));
