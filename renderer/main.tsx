import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { joinRoom, roomStatus } from './api/client';
import { JoinRoomPage } from './features/onboarding/JoinRoomPage';
import { initI18n } from './i18n';
import { useStore } from './store';
import { ThemeRoot } from './theme';

initI18n(useStore.getState().language);
const root = createRoot(document.getElementById('root')!);

/**
 * A join link (`#join=CODE`, printed by `firebreak serve` for other laptops) carries the room code; it leaves the
 * address bar at once, so the code is not left on screen or in the history.
 */
function takeCodeFromLink(): string | null {
  const match = /^#join=([\w-]+)$/.exec(window.location.hash);
  if (match) history.replaceState(null, '', window.location.pathname + window.location.search);
  return match?.[1] ?? null;
}

async function boot(): Promise<void> {
  const linkCode = takeCodeFromLink();
  let { joined } = await roomStatus();
  // A wrong or stale link: the join screen asks for the code.
  if (!joined && linkCode) joined = await joinRoom(linkCode).then(() => true, () => false);
  root.render(
    <StrictMode>
      {joined ? (
        <App />
      ) : (
        <ThemeRoot>
          <JoinRoomPage onJoined={() => window.location.reload()} />
        </ThemeRoot>
      )}
    </StrictMode>,
  );
}

void boot();
