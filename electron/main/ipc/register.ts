/**
 * The one way IPC handlers are registered.
 *
 * Every channel of the contract gets the same wrapper, so no handler can forget a check:
 *   1. the sender frame's URL must belong to our UI (checked before anything else is looked at);
 *   2. the single argument is parsed with the channel's zod schema (defaults filled, unknown shapes refused);
 *   3. only then the handler runs, with the parsed value and the caller's webContents id.
 * Errors are re-thrown with the contract's `IPC_ERROR_PREFIX` so the UI can show their plain words.
 * `IpcHandlers` is a mapped type over the contract: a missing or mistyped handler is a compile error.
 */
import { z } from 'zod';
import { ipcChannels, type IpcChannel, type IpcResults } from '../../../shared/ipc';
import { toIpcError } from './errors';

/** What a handler receives: the schema's output (defaults applied). */
export type IpcArgument<C extends IpcChannel> = z.output<(typeof ipcChannels)[C]>;

/** Who called: handlers that hand out streams or file handles tie them to the calling window. */
export interface IpcContext {
  /** `webContents.id` of the caller; undefined only for a malformed event. */
  readonly senderId: number | undefined;
}

/** One handler per channel, each resolving to the contract's result type. */
export type IpcHandlers = {
  [C in IpcChannel]: (
    argument: IpcArgument<C>,
    context: IpcContext,
  ) => Promise<IpcResults[C]> | IpcResults[C];
};

/** The part of an `IpcMainInvokeEvent` the wrapper reads; a real event satisfies it. */
export interface InvokeEventLike {
  readonly senderFrame?: { readonly url: string } | null;
  readonly sender?: { readonly id: number } | null;
}

/** The part of Electron's `ipcMain` used here; `ipcMain` satisfies it, and so does a test fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface RegisterOptions {
  /** Decides from the sender frame URL whether the call is from our UI; see `createSenderCheck`. */
  isTrustedSender: (frameUrl: string) => boolean;
}

/** Every channel name, typed (Object.keys would widen to string[]). */
export const allIpcChannels: readonly IpcChannel[] = Object.freeze(
  Object.keys(ipcChannels).filter((key): key is IpcChannel => Object.hasOwn(ipcChannels, key)),
);

/** Check sender and argument for one call on `channel`; resolves to the parsed argument or throws. */
export function validateInvocation<C extends IpcChannel>(
  channel: C,
  event: InvokeEventLike,
  args: readonly unknown[],
  isTrustedSender: (frameUrl: string) => boolean,
): IpcArgument<C> {
  const frameUrl = event.senderFrame?.url;
  if (typeof frameUrl !== 'string' || !isTrustedSender(frameUrl)) {
    throw new Error(`Refused "${channel}": the request did not come from the Fieldwork window.`);
  }
  if (args.length > 1) throw new Error(`Invalid request for "${channel}": expected one argument.`);
  const result = ipcChannels[channel].safeParse(args[0]);
  if (!result.success) {
    throw new Error(`Invalid request for "${channel}": ${z.prettifyError(result.error)}`);
  }
  // The schema is the one indexed by `channel`; TypeScript cannot correlate the union of schemas with C.
  return result.data as IpcArgument<C>;
}

/** Register the wrapper for every channel in the contract. */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  options: RegisterOptions,
): void {
  for (const channel of allIpcChannels) {
    registerOne(ipcMain, channel, handlers[channel], options);
  }
}

function registerOne<C extends IpcChannel>(
  ipcMain: IpcMainLike,
  channel: C,
  handler: IpcHandlers[C],
  { isTrustedSender }: RegisterOptions,
): void {
  ipcMain.handle(channel, async (event, ...args) => {
    try {
      const argument = validateInvocation(channel, event, args, isTrustedSender);
      return await handler(argument, { senderId: event.sender?.id ?? undefined });
    } catch (error) {
      throw toIpcError(error);
    }
  });
}
