import { useTranslation } from 'react-i18next';
import type { WidgetProps } from '../form/spec';
import { moveEntry, replaceEntry, withoutEntry } from './list-moves';
import { emptySection, lyricColumns, sectionList } from './lyrics-grid';
import { LyricsSectionGrid } from './LyricsSection';

/**
 * A song's sections as grids, one column per language (the song's own first). Pasting
 * several lines into a cell fills its column line by line: a whole translation at once.
 */
export function LyricsField({ value, onChange, parent, context }: WidgetProps) {
  const { t } = useTranslation('editor');
  const sections = sectionList(value);
  const songLanguage = typeof parent?.language === 'string' ? parent.language : undefined;
  const columns = lyricColumns(songLanguage, context.languages, sections);
  const labelLanguage = songLanguage ?? context.defaultLanguage;
  return (
    <div className="ed-lyrics">
      {sections.length === 0 && <p className="ed-lyrics__empty">{t('widgets.lyrics.empty')}</p>}
      {sections.length > 0 && <p className="ed-lyrics__hint">{t('widgets.lyrics.pasteHint')}</p>}
      {sections.map((section, index) => (
        <LyricsSectionGrid
          key={index}
          section={section}
          index={index}
          count={sections.length}
          columns={columns}
          labelLanguage={labelLanguage}
          onChange={(next) => onChange(replaceEntry(sections, index, next))}
          onMove={(to) => onChange(moveEntry(sections, index, to))}
          onRemove={() => onChange(withoutEntry(sections, index))}
        />
      ))}
      <button type="button" onClick={() => onChange([...sections, emptySection()])}>
        {t('widgets.lyrics.addSection')}
      </button>
    </div>
  );
}
