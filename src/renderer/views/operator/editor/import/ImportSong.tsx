import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemBody } from '../../../../../shared/protocol/content-api';
import { pickText } from '../../../../../shared/content/text';
import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES } from '../../../../../shared/content/import';
import { ImportMessages } from './ImportMessages';
import { LanguageSelect } from './LanguageSelect';
import { readSongFile } from './read-song-file';
import { runImport, type ImportOutcome, type ImportSource } from './run-import';
import { SongPreview } from './SongPreview';
import { TabButton } from '../../../../controls/TabButton';
import './import.css';

export interface ImportSongProps {
  /** The pack's languages, default first. */
  languages: readonly string[];
  /** A new song item (kind, title, language, sections, lrc…), to open in the editor unsaved. */
  onImported: (song: ItemBody) => void;
  onCancel: () => void;
}

type Tab = 'paste' | 'file';
type Layout = 'columns' | 'oneBox';
type FileState =
  Extract<ImportSource, { kind: 'file' }> | Extract<ImportOutcome, { state: 'error' }>;

const FORMAT_NAMES = { openlyrics: 'OpenLyrics', chordpro: 'ChordPro', lrc: 'LRC', text: 'TXT' };

/**
 * Paste lyrics or load an OpenLyrics, ChordPro or LRC file, see the stanzas and line pairs it
 * makes, and hand the song to the editor. Nothing is saved here: the editor's form does that.
 */
export function ImportSong({ languages, onImported, onCancel }: ImportSongProps) {
  const { t } = useTranslation('editor');
  const id = useId();
  const [tab, setTab] = useState<Tab>('paste');
  const [layout, setLayout] = useState<Layout>('columns');
  const [language, setLanguage] = useState(languages[0] ?? 'en');
  const [translationLanguage, setTranslationLanguage] = useState(
    languages.find((lang) => lang !== languages[0]) ?? '',
  );
  const [original, setOriginal] = useState('');
  const [translation, setTranslation] = useState('');
  const [oneBox, setOneBox] = useState('');
  const [file, setFile] = useState<FileState | null>(null);
  const [title, setTitle] = useState('');
  const [artist, setArtist] = useState('');

  const outcome = useMemo<ImportOutcome>(() => {
    const options = { language, translationLanguage, title, artist };
    if (tab === 'file') {
      if (file === null) return { state: 'empty' };
      if ('state' in file) return file;
      return runImport(file, options);
    }
    const source: ImportSource =
      layout === 'columns'
        ? { kind: 'columns', original, translation }
        : { kind: 'oneBox', text: oneBox };
    return runImport(source, options);
  }, [
    tab,
    layout,
    language,
    translationLanguage,
    original,
    translation,
    oneBox,
    file,
    title,
    artist,
  ]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setFile(chosen ? await readSongFile(chosen) : null);
  };

  const song = outcome.state === 'ok' ? outcome.result.song : undefined;
  const tabs: Tab[] = ['paste', 'file'];
  return (
    <div className="imp" role="dialog" aria-labelledby={`${id}-title`} data-testid="import-song">
      <h3 id={`${id}-title`}>{t('import.title')}</h3>
      <div className="imp-tabs" role="tablist" aria-label={t('import.tabs.label')}>
        {tabs.map((name) => (
          <TabButton key={name} selected={tab === name} onSelect={() => setTab(name)}>
            {t(`import.tabs.${name}`)}
          </TabButton>
        ))}
      </div>

      <div className="imp-body">
        <div className="imp-input" role="tabpanel">
          <div className="imp-row">
            <LanguageSelect
              label={t('import.language')}
              value={language}
              languages={languages}
              onChange={(lang) => {
                setLanguage(lang);
                if (lang === translationLanguage) setTranslationLanguage('');
              }}
            />
            <LanguageSelect
              label={t('import.translationLanguage')}
              value={translationLanguage}
              languages={languages.filter((lang) => lang !== language)}
              none={t('import.noTranslation')}
              onChange={setTranslationLanguage}
            />
          </div>

          {tab === 'paste' ? (
            <>
              <fieldset className="imp-layout">
                <legend>{t('import.layout.label')}</legend>
                {(['columns', 'oneBox'] as const).map((name) => (
                  <label key={name}>
                    <input
                      type="radio"
                      name={`${id}-layout`}
                      checked={layout === name}
                      onChange={() => setLayout(name)}
                    />
                    {t(`import.layout.${name}`)}
                  </label>
                ))}
              </fieldset>
              {layout === 'columns' ? (
                <div className="imp-columns">
                  <label>
                    {t('import.originalText')}
                    <textarea
                      value={original}
                      lang={language}
                      onChange={(e) => setOriginal(e.target.value)}
                      rows={12}
                    />
                  </label>
                  <label>
                    {t('import.translationText')}
                    <textarea
                      value={translation}
                      lang={translationLanguage || undefined}
                      disabled={translationLanguage === ''}
                      onChange={(e) => setTranslation(e.target.value)}
                      rows={12}
                    />
                  </label>
                </div>
              ) : (
                <label>
                  {t('import.pasteText')}
                  <textarea value={oneBox} onChange={(e) => setOneBox(e.target.value)} rows={12} />
                </label>
              )}
              <p className="imp-hint">{t('import.pasteHint')}</p>
            </>
          ) : (
            <>
              <div className="imp-file">
                <span>{t('import.fileLabel')}</span>
                {/* The browser's own file button speaks the browser's language: ours speaks the reader's. */}
                <label className="op-button">
                  {t('import.chooseFile')}
                  <input
                    type="file"
                    className="imp-file-input"
                    accept={IMPORT_EXTENSIONS.join(',')}
                    onChange={(e) => void onFile(e)}
                    data-testid="import-file"
                  />
                </label>
              </div>
              <p className="imp-hint">{t('import.fileHint', { limit: MAX_IMPORT_BYTES / 1024 })}</p>
              {outcome.state === 'ok' && outcome.format && file && 'name' in file && (
                <p className="imp-hint">
                  {t('import.readAs', { format: FORMAT_NAMES[outcome.format], name: file.name })}
                </p>
              )}
            </>
          )}

          <div className="imp-row">
            <label>
              {t('import.songTitle')}
              <input
                type="text"
                value={title}
                placeholder={song && pickText(song.title, song.language)}
                onChange={(e) => setTitle(e.target.value)}
              />
            </label>
            <label>
              {t('import.songArtist')}
              <input
                type="text"
                value={artist}
                placeholder={song && pickText(song.artist, song.language)}
                onChange={(e) => setArtist(e.target.value)}
              />
            </label>
          </div>
        </div>

        <div className="imp-output">
          <h4>{t('import.preview')}</h4>
          <ImportMessages outcome={outcome} />
          {song ? (
            <SongPreview song={song} />
          ) : (
            outcome.state === 'empty' && <p className="imp-hint">{t('import.previewEmpty')}</p>
          )}
        </div>
      </div>

      <div className="imp-actions">
        <button type="button" className="op-button" onClick={onCancel}>
          {t('import.cancel')}
        </button>
        <button
          type="button"
          className="op-button imp-use"
          disabled={!song}
          onClick={() => song && onImported({ ...song })}
          data-testid="import-use"
        >
          {t('import.use')}
        </button>
      </div>
    </div>
  );
}
