import { useTranslation } from 'react-i18next';
import { moveEntry, withoutEntry } from './list-moves';
import {
  labelText,
  pasteIntoColumn,
  pastedLines,
  withCell,
  withLabel,
  type LyricLine,
  type LyricSection,
} from './lyrics-grid';

export interface LyricsSectionProps {
  section: LyricSection;
  index: number;
  count: number;
  columns: readonly string[];
  /** The language the label is edited in. */
  labelLanguage: string;
  onChange: (section: LyricSection) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One stanza: its label, and a grid of lines with a column per language. */
export function LyricsSectionGrid(props: LyricsSectionProps) {
  const { section, index, columns, onChange } = props;
  const { t } = useTranslation('editor');
  const number = index + 1;
  const lines = section.lines;
  const setLines = (next: LyricLine[]) => onChange({ ...section, lines: next });
  const setLabel = (text: string) => {
    const { label: _old, ...rest } = section;
    const label = withLabel(section.label, props.labelLanguage, text);
    onChange(label === undefined ? rest : { ...rest, label });
  };
  return (
    <fieldset className="ed-lyrics__section">
      <legend>{t('widgets.lyrics.section', { number })}</legend>
      <div className="ed-lyrics__head">
        <label>
          <span>{t('widgets.lyrics.label')}</span>
          <input
            value={labelText(section.label, props.labelLanguage)}
            onChange={(event) => setLabel(event.currentTarget.value)}
          />
        </label>
        <span className="ed-lyrics__buttons">
          <button
            type="button"
            disabled={index === 0}
            onClick={() => props.onMove(index - 1)}
            aria-label={t('widgets.lyrics.sectionUp', { number })}
          >
            ↑
          </button>
          <button
            type="button"
            disabled={index === props.count - 1}
            onClick={() => props.onMove(index + 1)}
            aria-label={t('widgets.lyrics.sectionDown', { number })}
          >
            ↓
          </button>
          <button type="button" onClick={props.onRemove}>
            {t('widgets.lyrics.removeSection')}
          </button>
        </span>
      </div>
      <table className="ed-lyrics__grid">
        <thead>
          <tr>
            <th scope="col">#</th>
            {columns.map((language) => (
              <th key={language} scope="col" lang={language}>
                {language.toUpperCase()}
              </th>
            ))}
            <th scope="col">
              <span className="ed-visually-hidden">{t('widgets.lyrics.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, at) => {
            const lineNumber = at + 1;
            return (
              <tr key={at}>
                <th scope="row">{lineNumber}</th>
                {columns.map((language) => (
                  <td key={language}>
                    <input
                      lang={language}
                      value={line[language] ?? ''}
                      aria-label={t('widgets.lyrics.cell', { line: lineNumber, language })}
                      onChange={(event) =>
                        setLines(
                          lines.map((old, i) =>
                            i === at ? withCell(old, language, event.currentTarget.value) : old,
                          ),
                        )
                      }
                      onPaste={(event) => {
                        const texts = pastedLines(event.clipboardData.getData('text/plain'));
                        // One line pastes as usual, into the cell at the cursor.
                        if (texts.length < 2) return;
                        event.preventDefault();
                        setLines(pasteIntoColumn(lines, at, language, texts));
                      }}
                    />
                  </td>
                ))}
                <td className="ed-lyrics__buttons">
                  <button
                    type="button"
                    disabled={at === 0}
                    onClick={() => setLines(moveEntry(lines, at, at - 1))}
                    aria-label={t('widgets.lyrics.lineUp', { line: lineNumber })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={at === lines.length - 1}
                    onClick={() => setLines(moveEntry(lines, at, at + 1))}
                    aria-label={t('widgets.lyrics.lineDown', { line: lineNumber })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    onClick={() => setLines(withoutEntry(lines, at))}
                    aria-label={t('widgets.lyrics.removeLine', { line: lineNumber })}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={() => setLines([...lines, {}])}>
        {t('widgets.lyrics.addLine')}
      </button>
    </fieldset>
  );
}
