/**
 * Honouring `$/cancelRequest`: a request whose answer waits on a lint (a huge draft on the worker
 * thread) answers "cancelled" the moment the client cancels, instead of computing a stale answer.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** The error a cancelled request answers with (LSP: RequestCancelled). */
export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Pull diagnostics whose draft changed or closed while it was linted: the server cancels, and asks the
 * client to ask again (LSP: ServerCancelled with `retriggerRequest`), so no stale report is shown.
 */
export function draftChangedError(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The draft changed while it was being linted.', { retriggerRequest: true });
}

/** Settles as `work` does, or rejects with {@link cancelledError} as soon as the token is cancelled. */
export function unlessCancelled<T>(work: Promise<T>, token: CancellationToken | undefined): Promise<T> {
  if (!token) return work;
  if (token.isCancellationRequested) {
    work.catch(() => undefined); // the work goes on for other waiters; its failure is theirs to see
    return Promise.reject(cancelledError());
  }
  return new Promise<T>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => reject(cancelledError()));
    work.then(resolve, reject).finally(() => listener.dispose());
  });
}
