import type { Locale } from "@tessera/metadata";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, api, get, onUnauthorized, session } from "../api/http.js";
import type { Bootstrap } from "../api/types.js";
import { useLocale } from "../i18n/locale-context.js";
import { registerPluginFieldTypes } from "../plugins/plugin-field-types.js";

export interface SessionState {
  /** Undefined while signed out. */
  bootstrap: Bootstrap | undefined;
  loading: boolean;
  signIn(tenant: string, username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Reloads what the user may see (after a publish, a permission change). */
  refresh(): Promise<void>;
  /** Switches the language and remembers it for the user. */
  changeLocale(locale: Locale): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const { setLocale } = useLocale();
  const [bootstrap, setBootstrap] = useState<Bootstrap | undefined>();
  const [loading, setLoading] = useState(session.token() !== null);

  const refresh = useCallback(async () => {
    if (session.token() === null) {
      setBootstrap(undefined);
      setLoading(false);
      return;
    }
    try {
      const data = await get<Bootstrap>("/api/v1/ui/bootstrap");
      // Before any screen compiles a form with a field of these types.
      registerPluginFieldTypes(data.customFieldTypes);
      setBootstrap(data);
      setLocale(data.user.locale);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      setBootstrap(undefined);
    } finally {
      setLoading(false);
    }
  }, [setLocale]);

  useEffect(() => {
    void refresh();
    return onUnauthorized(() => setBootstrap(undefined));
  }, [refresh]);

  const value = useMemo<SessionState>(
    () => ({
      bootstrap,
      loading,
      refresh,
      async signIn(tenant, username, password) {
        const { token } = await api<{ token: string }>("POST", "/api/v1/auth/login", {
          body: { tenant, username, password },
        });
        session.save(token);
        setLoading(true);
        await refresh();
      },
      async signOut() {
        try {
          await api("POST", "/api/v1/auth/logout");
        } finally {
          session.clear();
          setBootstrap(undefined);
        }
      },
      async changeLocale(locale) {
        setLocale(locale);
        if (bootstrap !== undefined) {
          await api("PUT", "/api/v1/ui/preferences", { body: { locale } });
          setBootstrap({ ...bootstrap, user: { ...bootstrap.user, locale } });
        }
      },
    }),
    [bootstrap, loading, refresh, setLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): SessionState => {
  const state = useContext(SessionContext);
  if (state === undefined) throw new Error("useSession outside SessionProvider");
  return state;
};

/** The bootstrap of a signed-in user (the shell only renders pages once it is there). */
export const useBootstrap = (): Bootstrap => {
  const { bootstrap } = useSession();
  if (bootstrap === undefined) throw new Error("useBootstrap while signed out");
  return bootstrap;
};

/** The bootstrap while signed in, else undefined (also outside a SessionProvider). */
export const useMaybeBootstrap = (): Bootstrap | undefined => useContext(SessionContext)?.bootstrap;
