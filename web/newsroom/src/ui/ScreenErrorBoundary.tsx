// Keeps one screen's crash (or a screen's code that failed to download, e.g. after an update
// replaced it on the server) from blanking the whole app: the header and navigation stay.
import { Component, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

export class ScreenErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="banner banner-error" role="alert">
        <p>Không mở được trang này. Có thể tòa soạn vừa được cập nhật.</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Tải lại trang
        </button>
      </div>
    );
  }
}
