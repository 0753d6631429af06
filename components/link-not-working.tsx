/** What a page opened from an emailed link says when the link is not one of ours, or is cut short. */
export function LinkNotWorking({ children }: { children?: React.ReactNode }) {
  return (
    <div className="notice">
      <h1>This link does not work</h1>
      <p role="status">It may be incomplete: check that you copied all of it.</p>
      {children}
    </div>
  );
}
