/** Lets other work (the room's requests, IPC) in between chunks of a long job on the main thread. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
