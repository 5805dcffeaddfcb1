import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { outputLanguagesAction, overlayActionFor, overlayLabelKey } from '../../../shared/actions';
import { overlayElements, type Output } from '../../../shared/protocol';
import { displayLanguages } from '../../i18n/language';
import { useStores } from '../../stores';
import { ActionButton } from '../../controls/ActionButton';
import { useRunner } from '../../controls/run';
import { roleKey, since } from '../../controls/text';
import { useClock } from '../../controls/use-clock';
import { obsDisagrees } from './obs-on-stream';

/** Each output's heading and hint: keys in `console`. */
const outputs: readonly { output: Output; title: string; hint: string }[] = [
  { output: 'display', title: 'outputs.venue', hint: 'outputs.venueHint' },
  { output: 'overlay', title: 'outputs.stream', hint: 'outputs.streamHint' },
];

/** The new list when one language is ticked or unticked, kept in the pack's order. */
export function toggledLanguages(
  packLanguages: readonly string[],
  current: readonly string[],
  language: string,
  on: boolean,
): string[] {
  const chosen = new Set(current);
  if (on) chosen.add(language);
  else chosen.delete(language);
  return packLanguages.filter((l) => chosen.has(l)).slice(0, 4);
}

function LanguagePicker({ output, title, hint }: (typeof outputs)[number]) {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const chosen = useStore(stores.show, (s) => s.show?.outputLanguages[output]);
  const { run } = useRunner();
  const { t } = useTranslation('console');
  if (!snapshot || !chosen) return null;
  const { pack } = snapshot;
  const send = (languages: string[]) => void run(outputLanguagesAction, { output, languages });
  return (
    <fieldset className="op-languages" data-testid={`languages-${output}`}>
      <legend>
        {t(title)} <span className="op-muted">({t(hint)})</span>
      </legend>
      {pack.languages.map((language) => (
        <label key={language} className="op-check">
          <input
            type="checkbox"
            name={`${output}-${language}`}
            checked={chosen.includes(language)}
            onChange={(event) => {
              send(toggledLanguages(pack.languages, chosen, language, event.target.checked));
              // Give the keyboard back to the show: Space must not toggle this box next.
              event.target.blur();
            }}
          />
          {language.toUpperCase()}
        </label>
      ))}
      <span className="op-muted op-languages-note">
        {chosen.length === 0
          ? t(pack.display.cycleLanguages ? 'outputs.packChoiceTurns' : 'outputs.packChoice', {
              languages: displayLanguages(pack).join(', '),
            })
          : chosen.length > 1
            ? t('outputs.firstIsMain')
            : ''}
      </span>
      {chosen.length > 0 ? (
        <button
          type="button"
          className="op-link"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => send([])}
        >
          {t('outputs.usePackChoice')}
        </button>
      ) : null}
    </fieldset>
  );
}

function ConnectedOutputs() {
  const stores = useStores();
  const clients = useStore(stores.operator, (s) => s.clients);
  const self = useStore(stores.connection, (s) => s.clientId);
  // `connectedAt` is the core's time: on a machine whose clock is wrong, the console's own
  // clock would put a screen that just connected years in the past.
  const clockOffsetMs = useStore(stores.show, (s) => s.clockOffsetMs);
  const now = useClock(30_000) + clockOffsetMs;
  const { t, i18n } = useTranslation('console');
  if (clients === null) return <p className="op-muted">{t('outputs.waiting')}</p>;
  const others = clients.filter((client) => client.id !== self);
  if (others.length === 0) {
    return (
      <p className="op-warning" data-testid="no-outputs">
        {t('outputs.none')}
      </p>
    );
  }
  return (
    <ul className="op-list op-clients" data-testid="outputs">
      {others.map((client) => (
        <li key={client.id} data-role={client.role}>
          <span className="op-dot is-ok" aria-hidden="true" />
          <strong>{t(roleKey(client.role))}</strong>
          <span className="op-muted">
            {/* The address and the browser as they are: data, not words of ours. */}
            <span translate="no">
              {client.address}
              {client.agent ? ` · ${client.agent}` : ''}
            </span>
            {' · '}
            {since(client.connectedAt, now, i18n.language)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Where the show goes: the connected screens, their languages, the stream's overlays. */
export function OutputsPanel() {
  const stores = useStores();
  const overlays = useStore(stores.show, (s) => s.show?.overlays);
  const obs = useStore(stores.obs, (s) => s.obs);
  const { t } = useTranslation('console');
  return (
    <section className="op-panel op-outputs" aria-label={t('outputs.heading')}>
      <h2 className="op-heading">{t('outputs.heading')}</h2>
      <ConnectedOutputs />
      {/* Not the console's own language (the menu in the header): what the audience reads. */}
      <h3 className="op-subheading" data-testid="content-languages-heading">
        {t('outputs.contentLanguages')}
      </h3>
      <p className="op-muted op-languages-explain">{t('outputs.contentLanguagesNote')}</p>
      {outputs.map((entry) => (
        <LanguagePicker key={entry.output} {...entry} />
      ))}
      <h3 className="op-subheading">{t('group.overlay', { ns: 'actions' })}</h3>
      <div className="op-overlays">
        {overlayElements.map((element) => {
          const action = overlayActionFor[element];
          const on = overlays?.[element] ?? false;
          // What OBS really shows, on the toggle itself when it is not what the show wants.
          const inObs = obsDisagrees(obs, element, on);
          const state = t(on ? 'outputs.overlayOn' : 'outputs.overlayOff', {
            element: t(overlayLabelKey(element), { ns: 'actions' }),
          });
          const drift =
            inObs === null ? '' : ` ${t(inObs ? 'outputs.obsShows' : 'outputs.obsHides')}`;
          return (
            <ActionButton
              key={element}
              action={action}
              param={undefined}
              label={`${state}${drift}`}
              pressed={on}
              className={inObs === null ? 'op-small' : 'op-small op-drift'}
              testId={`overlay-${element}`}
            />
          );
        })}
      </div>
    </section>
  );
}
