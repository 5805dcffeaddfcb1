import { useTranslation } from 'react-i18next';
import { pickText } from '../../../../../shared/content/text';
import type { ImportedSong } from '../../../../../shared/content/import';

/** The stanzas and line pairs an import made, as the song will hold them. */
export function SongPreview({ song }: { song: ImportedSong }) {
  const { t } = useTranslation('editor');
  const lines = song.sections.reduce((sum, section) => sum + section.lines.length, 0);
  return (
    <div className="imp-preview" data-testid="import-preview">
      <p className="imp-summary">
        {t('import.stanzas', { count: song.sections.length })} ·{' '}
        {t('import.lines', { count: lines })}
        {song.lrc !== undefined && <> · {t('import.timed')}</>}
      </p>
      {song.sections.map((section, s) => (
        <section key={s} className="imp-stanza" data-testid="import-stanza">
          {section.label !== undefined && (
            <h4 className="imp-label">{pickText(section.label, song.language)}</h4>
          )}
          <ol>
            {section.lines.map((line, l) => (
              <li key={l} className="imp-line">
                <span className="imp-original" lang={song.language}>
                  {line[song.language] ?? '—'}
                </span>
                {Object.entries(line)
                  .filter(([lang]) => lang !== song.language)
                  .map(([lang, text]) => (
                    <span key={lang} className="imp-translation" lang={lang}>
                      {text}
                    </span>
                  ))}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
