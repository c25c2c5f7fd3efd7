import { Component, type ReactNode } from "react";

interface Props {
  /** Shown instead of the widget once it threw while rendering. */
  fallback: ReactNode;
  children: ReactNode;
}

/** Keeps a package widget that throws from taking the form or the page down with it. */
export class WidgetBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
