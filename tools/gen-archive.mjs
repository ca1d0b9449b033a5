// Writes a generated archive of N statements, for tests and measurements at the
// federation's scale (issue 13): a complete content folder that the build takes
// with KASIPODAQ_CONTENT_DIR=DIR (docs/deployment.md). Never shipped, never in
// content/.
//
// Usage: node tools/gen-archive.mjs --count N --seed S --out DIR
//
// DIR gets a copy of content/pages/ and of the real statements (the Platform and
// Union Day pages name their slugs and paragraphs), plus N minus that many
// generated statements in the format of content/README.md. Each generated
// statement takes its title, issuer, source and summary from a real one (the
// title with a number of its own), and 1-12 paragraphs drawn from every real
// statement, the same paragraph in the three languages so #pN matches. Dates
// spread over 1990-2026, about 3% undated, all five kinds; one in twenty not yet
// translated into one of its languages, one in fifty with translations behind a
// corrected source, one in a hundred scheduled for 2099 (publish_at). The same
// seed writes the same files.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT = join(ROOT, 'content');
const LANGS = ['kk', 'ru', 'en'];
const KINDS = ['announcement', 'letter', 'address', 'report', 'appeal'];
// A folder holding this file was written by this tool, so it may be replaced.
const MARKER = '.gen-archive';

function usage(message) {
  console.error(`${message}\nusage: node tools/gen-archive.mjs --count N --seed S --out DIR`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (!['--count', '--seed', '--out'].includes(name) || value === undefined) usage(`unexpected argument ${name}`);
    args[name.slice(2)] = value;
  }
  for (const name of ['count', 'seed', 'out']) if (args[name] === undefined) usage(`--${name} is missing`);
  const count = Number(args.count);
  const seed = Number(args.seed);
  if (!Number.isInteger(count) || count < 1) usage('--count is a whole number of statements');
  if (!Number.isInteger(seed)) usage('--seed is a whole number');
  return { count, seed, out: resolve(args.out) };
}

// mulberry32: a small seeded generator, so a seed always gives the same archive
// (Math.random cannot be seeded).
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The top-level header fields (TOML basic strings and booleans only, as our files use) and paragraphs of a file. */
function parseStatementFile(path) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const match = /^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${path}: no +++ header`);
  const header = {};
  for (const line of match[1].split('\n')) {
    // Tables ([original], [[changes]]) come last; their keys are not the statement's.
    if (line.startsWith('[')) break;
    const field = /^([a-z_]+)\s*=\s*("(?:[^"\\]|\\.)*"|true|false)/.exec(line);
    if (field) header[field[1]] = JSON.parse(field[2]);
  }
  const paragraphs = match[2].split(/\n[ \t]*\n/).map((block) => block.trim()).filter((block) => block !== '');
  return { header, paragraphs };
}

/** The real statements: slug and, per language, header and paragraphs. */
function realStatements() {
  const statements = [];
  for (const slug of readdirSync(CONTENT).sort()) {
    const folder = join(CONTENT, slug);
    if (!statSync(folder).isDirectory() || slug === 'pages' || slug.startsWith('.') || slug.startsWith('_')) continue;
    const versions = Object.fromEntries(LANGS.map((lang) => [lang, parseStatementFile(join(folder, `${lang}.md`))]));
    const counts = LANGS.map((lang) => versions[lang].paragraphs.length);
    if (counts.some((count) => count !== counts[0])) throw new Error(`${slug}: paragraph counts differ (${counts})`);
    statements.push({ slug, versions });
  }
  return statements;
}

/** When a scheduled statement is published: never, for the tests' purposes. */
const SCHEDULED_AT = '2099-01-01T09:00:00+05:00';

/** When the portal published the generated statements: the day our own were. */
const PUBLISHED = '2026-11-23';

const pad = (n) => String(n).padStart(2, '0');

/** A TOML basic string: JSON's escapes are all valid TOML escapes. */
const toml = (text) => JSON.stringify(text);

/**
 * What tools/staff.sh stamp writes into a translation: the revision of its
 * source text (kasipodaq_build::content::load::revision, the same rule; the
 * generated_archive host test fails if the two differ).
 */
function revision(title, summary, paragraphs) {
  const text = `${title.trim()}\n${summary.trim()}\n\n${paragraphs.join('\n\n')}`;
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

function statementFile(fields, paragraphs) {
  const lines = ['+++', `title = ${toml(fields.title)}`];
  if (fields.date) lines.push(`date = ${toml(fields.date)}`);
  lines.push(
    `kind = ${toml(fields.kind)}`,
    `issuer = ${toml(fields.issuer)}`,
    `source = ${toml(fields.source)}`,
    `source_language = ${toml(fields.sourceLanguage)}`,
    `translation = ${fields.translation}`,
    ...(fields.translation ? [`source_revision = ${toml(fields.sourceRevision)}`] : [`published = ${toml(PUBLISHED)}`]),
    ...(fields.publishAt ? [`publish_at = ${toml(fields.publishAt)}`] : []),
    `summary = ${toml(fields.summary)}`,
    ...(fields.changed ? ['', '[[changes]]', `date = ${toml(fields.changed)}`, 'what = "wording-corrected"'] : []),
    '+++',
    '',
  );
  return `${lines.join('\n')}\n${paragraphs.join('\n\n')}\n`;
}

function main() {
  const { count, seed, out } = parseArgs(process.argv.slice(2));
  const inside = relative(CONTENT, out);
  if (inside === '' || (!inside.startsWith('..') && !inside.startsWith('/'))) usage('--out must lie outside content/');
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, MARKER))) usage(`${out} is not empty and was not written by this tool; give a new folder`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MARKER), `written by tools/gen-archive.mjs --count ${count} --seed ${seed}\n`);

  const real = realStatements();
  if (count < real.length) usage(`--count must be at least ${real.length}: the real statements are always there`);
  cpSync(join(CONTENT, 'pages'), join(out, 'pages'), { recursive: true });
  for (const { slug } of real) cpSync(join(CONTENT, slug), join(out, slug), { recursive: true });

  // Every real paragraph, by statement and index, the same in every language.
  const pool = real.flatMap((statement, s) => statement.versions.en.paragraphs.map((_, p) => [s, p]));
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const first = Date.UTC(1990, 0, 1);
  const days = Math.round((Date.UTC(2026, 11, 31) - first) / 86400000) + 1;
  for (let i = 0; i < count - real.length; i++) {
    const number = i + 1;
    const base = pick(real);
    // Every 33rd statement is undated (about 3%, as some sources give no date).
    const undated = i % 33 === 16;
    const day = new Date(first + Math.floor(random() * days) * 86400000);
    const date = undated ? null : `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    // The first five take each kind once, so a small archive has them all.
    const kind = i < KINDS.length ? KINDS[i] : pick(KINDS);
    const sourceLanguage = pick(LANGS);
    const paragraphs = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(pool));
    const words = base.slug.replace(/^\d{4}-\d{2}-\d{2}-/, '');
    const slug = date ? `${date}-${words}-${number}` : `${words}-${number}`;
    const folder = join(out, slug);
    mkdirSync(folder);
    const source = base.versions[sourceLanguage].header;
    const sourceTexts = paragraphs.map(([s, p]) => real[s].versions[sourceLanguage].paragraphs[p]);
    // Every fiftieth source was corrected after its translations were made:
    // they name the revision before the correction (its summary's).
    const stale = i % 50 === 37;
    const sourceRevision = revision(`${source.title} (${number})`, stale ? '' : source.summary, sourceTexts);
    // Every twentieth is published before one of its translations.
    const missing = i % 20 === 9 ? LANGS.filter((lang) => lang !== sourceLanguage)[Math.floor(i / 20) % 2] : null;
    for (const lang of LANGS) {
      if (lang === missing) continue;
      const { header } = base.versions[lang];
      const fields = {
        sourceRevision,
        title: `${header.title} (${number})`,
        date,
        kind,
        issuer: header.issuer,
        source: header.source,
        sourceLanguage,
        translation: lang !== sourceLanguage,
        summary: header.summary,
        changed: stale && lang === sourceLanguage ? '2026-12-01' : null,
        publishAt: i % 100 === 53 && lang === sourceLanguage ? SCHEDULED_AT : null,
      };
      const texts = paragraphs.map(([s, p]) => real[s].versions[lang].paragraphs[p]);
      writeFileSync(join(folder, `${lang}.md`), statementFile(fields, texts));
    }
  }
  console.log(`${out}: ${count} statements (${real.length} real, ${count - real.length} generated, seed ${seed})`);
}

main();
