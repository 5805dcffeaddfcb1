import type { CSSProperties } from 'react';
import type { SongItem } from '../../shared/content';
import { labelsFor } from '../i18n/labels';
import { type SlideContext, text } from './context';
import { Qr } from './Qr';

interface LyricsSlideProps {
  item: SongItem;
  ctx: SlideContext;
  /** Which stanza; the core's lyrics cursor will drive this. */
  section?: number;
}

export function LyricsSlide({ item, ctx, section = 0 }: LyricsSlideProps) {
  const title = text(ctx, item.title);
  const stanza = item.sections[Math.min(Math.max(0, section), item.sections.length - 1)];

  if (!stanza) {
    const labels = labelsFor(ctx.language);
    return (
      <article className="slide slide-song">
        <div className="song-main">
          <h1 className="song-title">{title}</h1>
          <p className="song-artist">{text(ctx, item.artist)}</p>
          {item.description ? (
            <p className="song-description clamp">{text(ctx, item.description)}</p>
          ) : null}
        </div>
        {item.video ? (
          <aside className="song-side">
            <Qr value={item.video} caption={labels.scanToWatch} />
          </aside>
        ) : null}
      </article>
    );
  }

  // The original is what the room sings; the translation, when the screen speaks another
  // language, is there to understand it.
  // The schema requires `language` with lyrics; the fallback only keeps the types honest.
  const sung = item.language ?? Object.keys(stanza.lines[0] ?? {})[0] ?? ctx.language;
  const translationLanguage = ctx.language !== sung ? ctx.language : null;
  const withTranslation =
    translationLanguage !== null && stanza.lines.some((line) => line[translationLanguage]);
  // Crude fit until the auto-fit issue: shrink lines so the stanza fills at most ~72% of
  // the height, never above a comfortable maximum.
  const rows = stanza.lines.length * (withTranslation ? 2.05 : 1.25);
  const lineSize = Math.min(7, 72 / rows);

  return (
    <article className="slide slide-lyrics" style={{ '--line-size': lineSize } as CSSProperties}>
      <header className="lyrics-header">
        <h1 className="lyrics-title">{title}</h1>
        {stanza.label ? <span className="lyrics-label">{text(ctx, stanza.label)}</span> : null}
      </header>
      <ol className="lyrics-lines">
        {stanza.lines.map((line, index) => {
          const original = line[sung] ?? Object.values(line)[0];
          const translation = translationLanguage ? line[translationLanguage] : undefined;
          return (
            <li key={index} className="lyric">
              <span className="lyric-original" lang={sung}>
                {original}
              </span>
              {translation && translation !== original ? (
                <span className="lyric-translation" lang={translationLanguage ?? undefined}>
                  {translation}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
