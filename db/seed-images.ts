import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { env } from '../lib/env';
import { storeUpload } from '../lib/media/store';
import { getDb } from './index';
import { articles, sections, type Media } from './schema';
import { seedArticles, type SeedSection } from './seed-content';

// The demo publication's pictures: one abstract illustration per section, drawn here from SVG so
// the repository holds no binaries and every fresh database gets the same pictures. They go through
// storeUpload like any upload (checked, stored by hash, served from /media/), so the demo exercises
// the real path. Flat geometric art in one palette, 1600 × 900, no text (text in a picture is
// unreadable to a screen reader and too small on a phone).

const W = 1600;
const H = 900;
const PAPER = '#f1ece2';
const INK = '#1f2328';
const RED = '#a3121b';
const OCHRE = '#d9a036';
const BLUE = '#2d4f73';
const TEAL = '#4e8c84';
const SAND = '#d8cdb8';
const WHITE = '#fffdf8';

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="${W}" height="${H}" fill="${PAPER}"/>${body}</svg>`;

/** A grid of small dots, the texture behind every illustration. */
function dots(color: string, step = 60, r = 4): string {
  let out = '';
  for (let x = step / 2; x < W; x += step)
    for (let y = step / 2; y < H; y += step) out += `<circle cx="${x}" cy="${y}" r="${r}" fill="${color}"/>`;
  return out;
}

function browserWindow(x: number, y: number, w: number, h: number, bar: string): string {
  const fields = [0, 1, 2].map(
    (i) => `<rect x="${x + 40}" y="${y + 100 + i * 56}" width="${w - 80 - i * 60}" height="28" rx="8" fill="${SAND}"/>`,
  );
  return (
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="18" fill="${WHITE}" stroke="${INK}" stroke-width="6"/>` +
    `<path d="M${x} ${y + 60} V${y + 18} Q${x} ${y} ${x + 18} ${y} H${x + w - 18} Q${x + w} ${y} ${x + w} ${y + 18} V${y + 60} Z" fill="${bar}" stroke="${INK}" stroke-width="6"/>` +
    [0, 1, 2].map((i) => `<circle cx="${x + 34 + i * 30}" cy="${y + 30}" r="9" fill="${PAPER}"/>`).join('') +
    fields.join('') +
    `<rect x="${x + 40}" y="${y + h - 86}" width="170" height="50" rx="25" fill="${RED}"/>`
  );
}

function digitalGovernment(): string {
  return svg(
    dots(SAND) +
      `<circle cx="1210" cy="290" r="210" fill="${OCHRE}"/>` +
      browserWindow(200, 170, 560, 430, BLUE) +
      browserWindow(580, 330, 520, 420, TEAL) +
      browserWindow(1030, 430, 380, 340, INK),
  );
}

function procurement(): string {
  let stacks = '';
  for (let i = 0; i < 6; i++) {
    const x = 300 + i * 200;
    const coins = 3 + i * 2;
    for (let k = 0; k < coins; k++) {
      const y = 780 - k * 30;
      stacks += `<ellipse cx="${x}" cy="${y}" rx="78" ry="24" fill="${k === coins - 1 ? OCHRE : '#c48b25'}" stroke="${INK}" stroke-width="5"/>`;
    }
    stacks += `<ellipse cx="${x}" cy="${780 - (coins - 1) * 30}" rx="44" ry="12" fill="none" stroke="${INK}" stroke-width="4"/>`;
  }
  const steps = [0, 1, 2, 3, 4, 5].map((i) => `${200 + i * 200},${560 - i * 75} ${400 + i * 200},${560 - i * 75}`).join(' ');
  const lines = [0, 1, 2, 3, 4, 5, 6].map(
    (i) => `<rect x="1080" y="${170 + i * 44}" width="${i === 6 ? 160 : 300}" height="16" rx="6" fill="${SAND}"/>`,
  );
  return svg(
    dots(SAND) +
      `<g transform="rotate(-7 1230 330)"><rect x="1040" y="110" width="380" height="470" rx="10" fill="${WHITE}" stroke="${INK}" stroke-width="6"/>${lines.join('')}<circle cx="1350" cy="520" r="34" fill="none" stroke="${RED}" stroke-width="8"/></g>` +
      `<polyline points="${steps}" fill="none" stroke="${RED}" stroke-width="16" stroke-linejoin="round" stroke-linecap="round"/>` +
      stacks,
  );
}

function localCouncils(): string {
  const houses = [
    [120, 190, 230, BLUE],
    [330, 170, 300, SAND],
    [520, 150, 200, OCHRE],
    [1010, 170, 260, SAND],
    [1200, 160, 320, BLUE],
    [1380, 170, 220, OCHRE],
  ] as const;
  let street = '';
  for (const [x, w, h, fill] of houses) {
    const top = 720 - h;
    street +=
      `<rect x="${x}" y="${top}" width="${w}" height="${h}" fill="${fill}" stroke="${INK}" stroke-width="6"/>` +
      `<polygon points="${x - 14},${top} ${x + w / 2},${top - 90} ${x + w + 14},${top}" fill="${INK}"/>` +
      `<rect x="${x + w / 2 - 22}" y="${720 - 90}" width="44" height="90" fill="${INK}"/>` +
      `<rect x="${x + 28}" y="${top + 40}" width="40" height="50" fill="${WHITE}" stroke="${INK}" stroke-width="4"/>` +
      `<rect x="${x + w - 68}" y="${top + 40}" width="40" height="50" fill="${WHITE}" stroke="${INK}" stroke-width="4"/>`;
  }
  const columns = [0, 1, 2, 3, 4].map(
    (i) => `<rect x="${712 + i * 44}" y="500" width="22" height="200" fill="${WHITE}" stroke="${INK}" stroke-width="4"/>`,
  );
  const hall =
    `<rect x="740" y="230" width="120" height="250" fill="${SAND}" stroke="${INK}" stroke-width="6"/>` +
    `<polygon points="726,230 800,130 874,230" fill="${RED}" stroke="${INK}" stroke-width="6"/>` +
    `<circle cx="800" cy="310" r="40" fill="${WHITE}" stroke="${INK}" stroke-width="6"/><path d="M800 310 V284 M800 310 H822" stroke="${INK}" stroke-width="6" stroke-linecap="round"/>` +
    `<rect x="680" y="480" width="240" height="240" fill="${TEAL}" stroke="${INK}" stroke-width="6"/>` +
    `<polygon points="664,480 800,410 936,480" fill="${INK}"/>` +
    columns.join('');
  return svg(
    dots(SAND) +
      `<circle cx="1250" cy="210" r="110" fill="${RED}"/>` +
      `<rect x="0" y="720" width="${W}" height="${H - 720}" fill="${TEAL}"/>` +
      street +
      hall,
  );
}

function cyberSecurity(): string {
  const rings = [
    [390, BLUE, '60 30'],
    [310, TEAL, '200 40'],
    [230, BLUE, '12 18'],
  ] as const;
  let cells = '';
  for (let i = 0; i < 7; i++)
    for (let j = 0; j < 10; j++) {
      if ((i * 7 + j * 3) % 4 === 0) continue;
      const fill = (i + j) % 5 === 0 ? OCHRE : SAND;
      cells += `<rect x="${60 + i * 34}" y="${130 + j * 64}" width="22" height="22" rx="4" fill="${fill}"/><rect x="${W - 82 - i * 34}" y="${130 + j * 64}" width="22" height="22" rx="4" fill="${fill}"/>`;
    }
  return svg(
    cells +
      rings
        .map(
          ([r, color, dash]) =>
            `<circle cx="800" cy="450" r="${r}" fill="none" stroke="${color}" stroke-width="26" stroke-dasharray="${dash}"/>`,
        )
        .join('') +
      `<path d="M800 235 L985 300 V480 Q985 630 800 710 Q615 630 615 480 V300 Z" fill="${RED}" stroke="${INK}" stroke-width="10" stroke-linejoin="round"/>` +
      `<circle cx="800" cy="430" r="48" fill="${PAPER}"/><path d="M778 460 L760 590 H840 L822 460 Z" fill="${PAPER}"/>`,
  );
}

function data(): string {
  const heights = [220, 310, 260, 400, 350, 470, 420, 560];
  const colors = [BLUE, TEAL, OCHRE, BLUE, TEAL, OCHRE, BLUE, RED];
  const bars = heights.map(
    (h, i) => `<rect x="${200 + i * 95}" y="${760 - h}" width="66" height="${h}" fill="${colors[i]}" stroke="${INK}" stroke-width="4"/>`,
  );
  // A ring chart: each segment is a dash of the same circle, starting where the last one ended.
  const r = 170;
  const c = 2 * Math.PI * r;
  let start = 0;
  const segments = (
    [
      [0.42, BLUE],
      [0.28, TEAL],
      [0.18, OCHRE],
      [0.12, RED],
    ] as const
  ).map(([share, color]) => {
    const out = `<circle cx="1300" cy="430" r="${r}" fill="none" stroke="${color}" stroke-width="90" stroke-dasharray="${(share * c).toFixed(1)} ${c.toFixed(1)}" stroke-dashoffset="${(-start * c).toFixed(1)}" transform="rotate(-90 1300 430)"/>`;
    start += share;
    return out;
  });
  return svg(
    dots(SAND) +
      `<path d="M160 140 V760 H1000" fill="none" stroke="${INK}" stroke-width="8" stroke-linecap="round"/>` +
      bars.join('') +
      `<polyline points="233,470 328,400 423,430 518,330 613,360 708,260 803,290 898,160" fill="none" stroke="${INK}" stroke-width="6" stroke-dasharray="18 14"/>` +
      segments.join('') +
      `<circle cx="1300" cy="430" r="92" fill="${PAPER}"/>`,
  );
}

function healthIt(): string {
  const pulse = '930,470 1040,470 1080,470 1110,380 1150,600 1195,300 1235,520 1265,470 1420,470';
  const records = [0, 1, 2, 3].map(
    (i) =>
      `<rect x="${960 + i * 110}" y="610" width="80" height="60" rx="8" fill="${i === 1 ? OCHRE : SAND}"/><circle cx="${1000 + i * 110}" cy="640" r="12" fill="${TEAL}"/>`,
  );
  return svg(
    dots(SAND) +
      `<circle cx="480" cy="450" r="300" fill="${SAND}"/>` +
      `<rect x="380" y="210" width="200" height="480" rx="28" fill="${RED}" stroke="${INK}" stroke-width="8"/>` +
      `<rect x="240" y="350" width="480" height="200" rx="28" fill="${RED}" stroke="${INK}" stroke-width="8"/>` +
      `<rect x="384" y="354" width="192" height="192" fill="${RED}"/>` +
      `<rect x="890" y="160" width="570" height="580" rx="40" fill="${WHITE}" stroke="${INK}" stroke-width="8"/>` +
      `<rect x="930" y="210" width="490" height="360" rx="12" fill="${BLUE}"/>` +
      `<polyline points="${pulse}" fill="none" stroke="${PAPER}" stroke-width="14" stroke-linejoin="round" stroke-linecap="round"/>` +
      records.join(''),
  );
}

interface Illustration {
  draw: () => string;
  alt: string;
  caption: string;
}

const ILLUSTRATIONS: Record<SeedSection['slug'], Illustration> = {
  'digital-government': {
    draw: digitalGovernment,
    alt: 'Abstract illustration: three overlapping browser windows with form fields and red buttons, in blue, teal and black, before an ochre sun.',
    caption: 'Public services, built for the web.',
  },
  procurement: {
    draw: procurement,
    alt: 'Abstract illustration: stacks of gold coins growing from left to right under a red line that climbs in steps, with a contract page behind them.',
    caption: 'Following the money in public technology contracts.',
  },
  'local-councils': {
    draw: localCouncils,
    alt: 'Abstract illustration: a street of houses around a town hall with a clock tower, under a red sun, on a green hill.',
    caption: 'Technology in the town hall.',
  },
  'cyber-security': {
    draw: cyberSecurity,
    alt: 'Abstract illustration: a red shield with a keyhole at the centre of broken blue and teal rings.',
    caption: 'Defending public bodies against attack.',
  },
  data: {
    draw: data,
    alt: 'Abstract illustration: a rising bar chart ending in a red bar, beside a ring chart in blue, teal, ochre and red.',
    caption: 'The numbers behind public policy.',
  },
  'health-it': {
    draw: healthIt,
    alt: 'Abstract illustration: a red medical cross beside a tablet whose screen shows a heartbeat line.',
    caption: 'Records and systems across the health service.',
  },
};

/** Who the media library names as the uploader of the demo's pictures. */
export const SEED_UPLOADER = 'seed';

/** The demo's illustration for a section, as PNG bytes. */
async function drawIllustration(section: SeedSection['slug']): Promise<Buffer> {
  return sharp(Buffer.from(ILLUSTRATIONS[section].draw())).png().toBuffer();
}

/**
 * Gives every published article of the demo publication its section's illustration, once: when
 * the demo's articles are in the database and none of them has a picture yet (so a database that
 * holds a real newsroom's articles, or demo articles an editor has already given pictures, is left
 * alone). Safe to run on every start; storing the same picture twice gives the same row.
 */
export async function seedDemoImages(): Promise<{ pictures: number; articles: number }> {
  const db = getDb();
  const demoSlugs = seedArticles.filter((a) => a.status !== 'draft').map((a) => a.slug);
  const demo = db
    .select({ id: articles.id, imageId: articles.imageId, section: sections.slug })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(inArray(articles.slug, demoSlugs), eq(articles.status, 'published')))
    .all();
  if (demo.length === 0 || demo.some((a) => a.imageId !== null)) return { pictures: 0, articles: 0 };

  const wanted = [...new Set(demo.map((a) => a.section))].filter((s): s is SeedSection['slug'] => s in ILLUSTRATIONS);
  const credit = `Illustration: ${env.SITE_NAME}`;
  const stored = new Map<string, Media>();
  // One after another: each is quick, and sharp already uses every core for one picture.
  for (const section of wanted) {
    const { alt } = ILLUSTRATIONS[section];
    const result = await storeUpload({
      bytes: await drawIllustration(section),
      originalName: `${section}-illustration.png`,
      uploadedBy: SEED_UPLOADER,
      alt,
      credit,
    });
    if (!result.ok) throw new Error(`The demo illustration for ${section} was refused: ${result.message}`);
    stored.set(section, result.media);
  }

  let updated = 0;
  db.transaction(
    (tx) => {
      for (const article of demo) {
        const picture = stored.get(article.section);
        if (!picture) continue;
        const { caption } = ILLUSTRATIONS[article.section as SeedSection['slug']];
        tx.update(articles)
          .set({ imageId: picture.id, imageAlt: picture.alt, imageCredit: picture.credit, imageCaption: caption })
          .where(eq(articles.id, article.id))
          .run();
        updated += 1;
      }
    },
    { behavior: 'immediate' },
  );
  return { pictures: stored.size, articles: updated };
}
