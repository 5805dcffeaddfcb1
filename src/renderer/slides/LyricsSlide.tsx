import type { SongItem } from '../../shared/content';
import { lyricPositions } from '../../shared/lyrics';
import { Fit } from '../fit/Fit';
import { GROW } from '../fit/fit';
import { audienceT } from '../i18n/audience';
import { lyricLanguages } from '../i18n/language';
import { type SlideContext, text, typeset } from './context';
import { Qr } from './Qr';
import { useStanza } from './stanza';

interface LyricsSlideProps {
  item: SongItem;
  ctx: SlideContext;
  /** Which stanza; by default the one the lyrics cursor or the time on air has reached. */
  section?: number;
}

function SongCard({ item, ctx }: { item: SongItem; ctx: SlideContext }) {
  const t = audienceT(ctx.language, 'display');
  return (
    <article className={`slide slide-song${item.video ? ' has-qr' : ''}`}>
      <Fit className="song-main" max={GROW} watch={ctx.language}>
        <h1 className="song-title">{text(ctx, item.title)}</h1>
        <p className="song-artist">{text(ctx, item.artist)}</p>
        {item.description ? (
          <p className="song-description">{text(ctx, item.description)}</p>
        ) : null}
        {item.credits ? <p className="song-credits">{text(ctx, item.credits)}</p> : null}
      </Fit>
      {item.video ? (
        <Qr value={item.video} caption={t('song.scanToWatch')} className="song-qr" />
      ) : null}
    </article>
  );
}

function Stanza({
  item,
  ctx,
  section,
  current = null,
}: Required<LyricsSlideProps> & { current?: number | null }) {
  const stanza = item.sections[Math.min(Math.max(0, section), item.sections.length - 1)];
  if (!stanza) return null;
  // The original is what the room sings; the translation is there to understand it. Each
  // has its own voice: the original in the bold display face, the translation quieter.
  const { original, translation } = lyricLanguages(item, stanza.lines, ctx.language, ctx.pack);
  return (
    <article
      className={`slide slide-lyrics${translation ? ' has-translation' : ''}${current !== null ? ' has-cursor' : ''}`}
    >
      <Fit as="header" className="lyrics-header" watch={ctx.language}>
        <h1 className="lyrics-title">{text(ctx, item.title)}</h1>
        {stanza.label ? <span className="lyrics-label">{text(ctx, stanza.label)}</span> : null}
      </Fit>
      <Fit as="ol" className="lyrics-lines" max={GROW} watch={`${ctx.language}${section}`}>
        {stanza.lines.map((line, index) => {
          const raw = line[original] ?? Object.values(line)[0];
          const sung = raw === undefined ? undefined : typeset(raw);
          const understood =
            translation && line[translation] ? typeset(line[translation]) : undefined;
          return (
            <li
              key={index}
              className={`lyric${index === current ? ' is-current' : ''}${current !== null && index < current ? ' is-sung' : ''}`}
              aria-current={index === current ? 'true' : undefined}
            >
              <span className="lyric-original" lang={original}>
                {sung}
              </span>
              {understood && understood !== sung ? (
                <span className="lyric-translation" lang={translation ?? undefined}>
                  {understood}
                </span>
              ) : null}
            </li>
          );
        })}
      </Fit>
      {item.credits ? (
        <Fit as="footer" className="lyrics-credits" watch={ctx.language}>
          {text(ctx, item.credits)}
        </Fit>
      ) : null}
    </article>
  );
}

function TimedStanza({ item, ctx }: { item: SongItem; ctx: SlideContext }) {
  const section = useStanza(ctx.timing, item.sections.length);
  return <Stanza item={item} ctx={ctx} section={section} />;
}

export function LyricsSlide({ item, ctx, section }: LyricsSlideProps) {
  if (item.sections.length === 0) return <SongCard item={item} ctx={ctx} />;
  if (section !== undefined) return <Stanza item={item} ctx={ctx} section={section} />;
  // Live: the operator (or the song's LRC times) moves the core's cursor line by line.
  const sung =
    ctx.lyricsLine !== null && ctx.lyricsLine !== undefined
      ? lyricPositions(item)[ctx.lyricsLine]
      : undefined;
  if (sung) return <Stanza item={item} ctx={ctx} section={sung.section} current={sung.line} />;
  return <TimedStanza item={item} ctx={ctx} />;
}
