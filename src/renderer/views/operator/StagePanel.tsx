import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { STAGE_MESSAGE_MAX, type Command } from '../../../shared/protocol';
import { useStores } from '../../stores';
import { reportRefusal } from '../../stores/operator';
import { useRunner } from '../../controls/run';
import { localize } from '../../i18n/localize';
import './stage-panel.css';

/** Ready messages, in the console's language: what an operator sends mid-show in one click. */
const presets = ['stagePanel.twoMinutes', 'stagePanel.streamDown', 'stagePanel.wrapUp'] as const;

/**
 * The stage monitor from the console: a message for the performers that stays until cleared,
 * and the language the stage follows. Shows what the stage shows now.
 */
export function StagePanel() {
  const stores = useStores();
  const stage = useStore(stores.show, (s) => s.show?.stage);
  const packLanguages = useStore(stores.content, (s) => s.snapshot?.pack.languages);
  const { send } = useRunner();
  const { t } = useTranslation('console');
  const [draft, setDraft] = useState('');

  const run = async (command: Command) => {
    const result = await send(command);
    if (!result.ok) reportRefusal(localize(t, result.error), stores.operator);
    return result.ok;
  };
  const sendMessage = (text: string) => {
    if (text.trim() === '') return;
    void run({ name: 'stageMessage', text }).then((sent) => {
      if (sent) setDraft('');
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    sendMessage(draft);
  };
  if (!stage) return null;
  return (
    <section className="op-panel op-stage" aria-label={t('stagePanel.title')}>
      <h2 className="op-heading">{t('stagePanel.title')}</h2>
      <p className="op-stage-now" data-testid="stage-panel-now">
        {stage.message === null
          ? t('stagePanel.noMessage')
          : t('stagePanel.showing', { message: stage.message })}
      </p>
      <form className="op-stage-form" onSubmit={onSubmit}>
        <label className="op-stage-label">
          {t('stagePanel.messageLabel')}
          <input
            type="text"
            name="stage-message"
            maxLength={STAGE_MESSAGE_MAX}
            value={draft}
            placeholder={t('stagePanel.placeholder')}
            onChange={(event) => setDraft(event.target.value)}
            data-testid="stage-message-input"
          />
        </label>
        <button type="submit" className="op-button op-small" data-testid="stage-message-send">
          {t('stagePanel.send')}
        </button>
        <button
          type="button"
          className="op-button op-small"
          disabled={stage.message === null}
          onClick={() => void run({ name: 'stageMessageClear' })}
          data-testid="stage-message-clear"
        >
          {t('stagePanel.clear')}
        </button>
      </form>
      <div className="op-stage-presets" role="group" aria-label={t('stagePanel.presets')}>
        {presets.map((key) => (
          <button
            key={key}
            type="button"
            className="op-button op-small"
            onClick={() => sendMessage(t(key))}
          >
            {t(key)}
          </button>
        ))}
      </div>
      <label className="op-stage-label">
        {t('stagePanel.language')}
        <select
          value={stage.language ?? ''}
          onChange={(event) =>
            void run({ name: 'setStageLanguage', language: event.target.value || null })
          }
          data-testid="stage-language"
        >
          <option value="">{t('stagePanel.songLanguage')}</option>
          {(packLanguages ?? []).map((language) => (
            <option key={language} value={language}>
              {language.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
