import { useTranslation } from 'react-i18next';
import { useFormScope } from './form-context';
import { DateInput, DateTimeInput, PartialDateInput } from './inputs/DateInputs';
import { EnumSelect } from './inputs/EnumSelect';
import type { InputProps } from './inputs/input-props';
import { ItemRefSelect } from './inputs/ItemRefSelect';
import { LocalizedInput } from './inputs/LocalizedInput';
import { NumberInput } from './inputs/NumberInput';
import { RawInput } from './inputs/RawInput';
import { TextInput } from './inputs/TextInput';
import { UrlInput } from './inputs/UrlInput';
import type { PlainSpec, WidgetSpec } from './spec';

type LeafSpec = Exclude<PlainSpec, { type: 'object' } | { type: 'array' } | { type: 'boolean' }>;

/** A file of the pack, by its path, until the media widget draws it. */
function MediaPathInput(props: InputProps) {
  const { t } = useTranslation('editor');
  return <TextInput {...props} placeholder={t('form.media.placeholder')} />;
}

/** The plain input for a field no widget draws. */
function PlainInput(props: InputProps) {
  const spec = props.spec as LeafSpec | WidgetSpec;
  switch (spec.type) {
    case 'text':
      return <TextInput {...props} multiline={spec.multiline} />;
    case 'localized':
      return <LocalizedInput {...props} spec={spec} />;
    case 'number':
      return <NumberInput {...props} spec={spec} />;
    case 'enum':
      return <EnumSelect {...props} spec={spec} />;
    case 'date':
      return <DateInput {...props} />;
    case 'dateTime':
      return <DateTimeInput {...props} />;
    case 'partialDate':
      return <PartialDateInput {...props} />;
    case 'url':
      return <UrlInput {...props} />;
    case 'media':
    case 'videoFile':
      return <MediaPathInput {...props} />;
    case 'itemRef':
      return <ItemRefSelect {...props} spec={spec} />;
    case 'playlistEntries':
    case 'lyrics':
    case 'subtitles':
    case 'raw':
      return <RawInput {...props} />;
  }
}

/** A leaf field: the registry's widget for its type when there is one, else a plain input. */
export function FieldInput(
  props: InputProps & {
    parent: Readonly<Record<string, unknown>> | undefined;
    onSiblings?: (patch: Readonly<Record<string, unknown>>) => void;
  },
) {
  const { widgets, context } = useFormScope();
  const { parent, onSiblings, ...inputProps } = props;
  const Widget = widgets[props.spec.type as WidgetSpec['type']];
  if (Widget) {
    return (
      <Widget
        path={props.path}
        spec={props.spec}
        value={props.value}
        onChange={props.onChange}
        parent={parent}
        context={context}
        {...(onSiblings ? { onSiblings } : {})}
      />
    );
  }
  return <PlainInput {...inputProps} />;
}

/** Types a widget may draw: a group of inputs of its own, so the field is a fieldset. */
export function isWidgetType(type: string): type is WidgetSpec['type'] {
  return ['media', 'itemRef', 'playlistEntries', 'lyrics', 'videoFile', 'subtitles'].includes(type);
}
