// Reads the statements from content/ the way the build does (header fields
// and blank-line paragraphs), so the tests expect what the files say.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, LANGS } from './locales.mjs';

function field(header, name) {
  const m = new RegExp(`^${name} = (".*")$`, 'm').exec(header);
  return m ? JSON.parse(m[1]) : undefined;
}

/**
 * The statements of a content folder (ours by default, or a generated
 * archive's) that a release built now publishes; with `scheduled`, those
 * whose publish_at is later instead.
 */
export function statements(dir = join(ROOT, 'content'), { scheduled = false } = {}) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'pages' && !/^[._]/.test(d.name))
    .map((d) => {
      const versions = {};
      for (const lang of LANGS) {
        const path = join(dir, d.name, `${lang}.md`);
        if (!existsSync(path)) continue;
        const text = readFileSync(path, 'utf8');
        const [, whole, body] = /^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/.exec(text);
        // The statement's own fields come before its tables ([original], [[changes]]).
        const header = whole.split(/^\[/m)[0];
        versions[lang] = {
          title: field(header, 'title'),
          issuer: field(header, 'issuer'),
          summary: field(header, 'summary'),
          date: field(header, 'date'),
          kind: field(header, 'kind'),
          sourceLanguage: field(header, 'source_language'),
          publishAt: field(header, 'publish_at'),
          paragraphs: body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
        };
      }
      // A language not yet translated into shows the source text, as the build does.
      const languages = LANGS.filter((lang) => versions[lang]);
      const source = versions[versions[languages[0]].sourceLanguage];
      for (const lang of LANGS) versions[lang] ??= { ...source, fallback: true };
      const publishAt = source.publishAt ? Date.parse(source.publishAt) : null;
      return { slug: d.name, ...versions.en, versions, languages, later: publishAt !== null && publishAt > Date.now() };
    })
    .filter((s) => s.later === scheduled)
    .sort((a, b) => (b.date ?? '0').localeCompare(a.date ?? '0') || a.slug.localeCompare(b.slug));
}
