/**
 * Last line of defence: a screen that crashed while rendering shows what happened in plain words instead of
 * a blank window. The data is untouched (every write is its own transaction), so reloading is safe.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorDetails } from '../components/ErrorText';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Fieldwork screen error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="setup">
        <div className="setup-card" role="alert">
          <h1>This screen could not be shown</h1>
          <p>
            Fieldwork hit an unexpected problem. Your saved work is safe: every change is stored as soon as it
            is made. Reload to continue; if it happens again, send the details below to support.
          </p>
          <ErrorDetails detail={`${error.name}: ${error.message}\n${error.stack ?? ''}`} />
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => window.location.reload()}>
              Reload Fieldwork
            </button>
          </div>
        </div>
      </main>
    );
  }
}
