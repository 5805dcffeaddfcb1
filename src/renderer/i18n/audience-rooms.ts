import type { Namespace } from '../../shared/i18n/namespaces';

/** The rooms of the words the display adds in the slide's language (slides, merch table). */
export const DISPLAY_AUDIENCE_NAMESPACES: readonly Namespace[] = ['display', 'case', 'merch'];

/** The overlay's own words in the stream's language ("Now playing"). */
export const OVERLAY_AUDIENCE_NAMESPACES: readonly Namespace[] = ['overlay'];
