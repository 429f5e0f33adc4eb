import { EventEmitter } from 'node:events';
import type { FirebreakEvent } from '../../shared/events';

/** In-process bus: core services publish, transports (IPC, SSE) forward to their clients. */
export class EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(event: FirebreakEvent): void {
    this.emitter.emit('event', event);
  }

  /**
   * A listener that throws (the timeline line of a finished import, written while the disk is full) is logged and
   * passed over: the others — the windows' and the room's streams — still hear the event, or an import would never
   * be seen to finish.
   */
  subscribe(listener: (event: FirebreakEvent) => void): () => void {
    const guarded = (event: FirebreakEvent) => {
      try {
        listener(event);
      } catch (err) {
        console.error(`firebreak: a listener of "${event.type}" failed`, err);
      }
    };
    this.emitter.on('event', guarded);
    return () => this.emitter.off('event', guarded);
  }
}
