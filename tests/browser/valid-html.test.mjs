// Valid HTML and feeds (issue 16): every generated page of each release (the
// pages, 404.html, the former addresses' pages, the archive's pages of
// statements not yet translated) through the Nu Html Checker (npm vnu-jar,
// Debian's Java), and every feed through a feed reader's library (Python's
// feedparser), which must read it without a warning.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './lib/browser.mjs';
import { LANGS, ROOT } from './lib/locales.mjs';

const VNU = fileURLToPath(new URL('./node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url));
const RELEASES = {
  'the release': DIST,
  'the release under /portal': process.env.DIST_PORTAL ?? join(ROOT, 'dist-portal'),
  'the generated archive': process.env.DIST_ARCHIVE ?? join(ROOT, 'dist-archive'),
};

const htmlFiles = (dir) => readdirSync(dir, { recursive: true }).filter((name) => name.endsWith('.html'));

/** The checker's errors and warnings for every HTML file under `dir`. */
function checkHtml(dir) {
  let out;
  try {
    out = execFileSync('java', ['-jar', VNU, '--format', 'json', '--skip-non-html', dir],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (failed) {
    // vnu exits with 1 when it reports an error, and writes its report to stderr.
    out = failed.stderr || failed.stdout;
  }
  return JSON.parse(out || '{"messages":[]}').messages;
}

describe('every generated page is valid HTML (Nu Html Checker)', () => {
  for (const [name, dir] of Object.entries(RELEASES)) {
    test(name, () => {
      assert.ok(existsSync(dir), `${dir}: build it first (tools/test.sh)`);
      const files = htmlFiles(dir);
      const messages = checkHtml(dir);
      const shown = messages.slice(0, 10).map((m) => `${m.url?.replace(`file:${dir}`, '')}:${m.lastLine}: ${m.type}: ${m.message}`);
      console.log(`${name}: ${files.length} pages checked, ${messages.length} messages`);
      assert.ok(files.length >= 30 && files.includes('404.html'), `${files.length} pages`);
      assert.deepEqual(shown, []);
    });
  }

  test('the checker finds what it should (a page with a bogus comment fails)', () => {
    const dir = join(ROOT, 'target', 'vnu-probe');
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('sh', ['-c', `printf '%s' '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><!><p>x</p></body></html>' > ${dir}/bad.html`]);
    assert.deepEqual(checkHtml(dir).map((m) => m.message), ['Bogus comment.']);
  });
});

describe('every feed reads in a feed reader\'s library without a warning', () => {
  for (const [name, dir] of Object.entries(RELEASES)) {
    test(name, () => {
      for (const lang of LANGS) {
        const feed = readdirSync(join(dir, lang)).includes('feed.xml') ? join(dir, lang, 'feed.xml') : null;
        assert.ok(feed, `${lang}/feed.xml`);
        const read = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import feedparser, json, sys
d = feedparser.parse(sys.argv[1])
print(json.dumps({
  "bozo": d.bozo, "problem": str(d.get("bozo_exception", "")), "lang": d.feed.get("language"),
  "entries": [{k: e.get(k) for k in ("title", "link", "id", "published", "updated", "summary")} for e in d.entries],
}))`, feed], { encoding: 'utf8' }));
        assert.equal(read.bozo, false, `${lang}: ${read.problem}`);
        assert.equal(read.lang, lang);
        assert.ok(read.entries.length > 0, `${lang}: entries`);
        for (const entry of read.entries) {
          for (const [key, value] of Object.entries(entry)) assert.ok(value, `${lang}: an entry without ${key}`);
          assert.match(entry.link, new RegExp(`/${lang}/statements/[a-z0-9-]+/$`));
        }
      }
    });
  }
});
