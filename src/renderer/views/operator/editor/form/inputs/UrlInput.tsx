import { useTranslation } from 'react-i18next';
import { webUrl } from '../../../../../../shared/content/fields';
import { Qr } from '../../../../../slides/Qr';
import { inputAttributes, textOf, type InputProps } from './input-props';

/** Only what the slides would show: an http(s) link. `javascript:` and the like never get a code. */
export function isWebLink(text: string): boolean {
  return webUrl.safeParse(text).success;
}

/** A link, with the QR code the slide will show, drawn as it is typed. */
export function UrlInput(props: InputProps) {
  const { t } = useTranslation('editor');
  const text = textOf(props.value);
  const link = isWebLink(text);
  return (
    <div className="form-url">
      <input
        {...inputAttributes(props)}
        className="form-input"
        type="url"
        inputMode="url"
        value={text}
        onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      {link ? (
        <div className="form-qr" aria-label={t('form.url.qr')} role="img">
          <Qr value={text} />
        </div>
      ) : text !== '' ? (
        <p className="form-hint form-hint--warning">{t('form.url.notLink')}</p>
      ) : null}
    </div>
  );
}
