// The statements a build published, as the build read them (its manifest,
// lib/manifest.mjs), so the tests expect what the build made.
import { join } from 'node:path';
import { manifestFrom, ROOT } from './manifest.mjs';

/**
 * The statements of a content folder (ours by default, or a generated
 * archive's) that its build published, newest first as the site lists them;
 * with `scheduled`, those it left out for a later publish_at (slug and
 * publishAt only).
 */
export function statements(dir = join(ROOT, 'content'), { scheduled = false } = {}) {
  const manifest = manifestFrom(dir);
  if (scheduled) return manifest.scheduled.map((s) => ({ ...s, later: true }));
  return manifest.statements.map((s) => {
    const shared = { date: s.date ?? undefined, kind: s.kind, sourceLanguage: s.sourceLanguage };
    const versions = Object.fromEntries(Object.entries(s.versions).map(([lang, v]) => [lang, { ...v, ...shared }]));
    return { ...versions.en, slug: s.slug, languages: s.languages, versions, later: false };
  });
}
