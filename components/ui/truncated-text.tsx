/**
 * Text cut to one line with an ellipsis: the whole text shows on hover and on keyboard focus (a tab stop of its
 * own), and screen readers always read it whole, since the cut is only visual.
 */
export function TruncatedText({ text, className }: { text: string; className?: string }) {
  return (
    <span
      className={className ? `truncate ${className}` : 'truncate'}
      title={text}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to reveal the cut text (WCAG 1.4.13).
      tabIndex={0}
    >
      {text}
    </span>
  );
}
