import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { StartupGate } from './app/StartupGate';
import { requestPersistentStorage } from './app/StorageWarning';
import { useAppStore } from './store';
import './styles/app.css';

void requestPersistentStorage(useAppStore.getState().setStoragePersisted);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <StartupGate>
        <App />
      </StartupGate>
    </ErrorBoundary>
  </StrictMode>,
);
