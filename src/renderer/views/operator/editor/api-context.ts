import { createContext, useContext, useMemo } from 'react';
import { createContentApi, type ContentApi } from '../../../transport/content-api';
import { createPackApi, type PackApi } from '../../../transport/pack-api';
import { socketTarget } from '../../../transport/socket';

/** The editor's way to the content API; tests give a fake, the console its own token's client. */
export const EditorApiContext = createContext<ContentApi | null>(null);

/** The API with the console's operator token (from its link), or null when it has none. */
export function useEditorApi(): ContentApi | null {
  const given = useContext(EditorApiContext);
  return useMemo(() => {
    if (given) return given;
    const token = socketTarget(window.location, 'operator')?.token;
    return token ? createContentApi(token) : null;
  }, [given]);
}

/** The event-pack routes' client; tests give a fake. */
export const PackApiContext = createContext<PackApi | null>(null);

/** The pack API with the console's operator token, or null when it has none. */
export function usePackApi(): PackApi | null {
  const given = useContext(PackApiContext);
  return useMemo(() => {
    if (given) return given;
    const token = socketTarget(window.location, 'operator')?.token;
    return token ? createPackApi(token) : null;
  }, [given]);
}
