import { EventEmitter } from 'node:events';
import type { FirebreakEvent } from '../../shared/events';

/** In-process bus: core services publish, transports (IPC, SSE) forward to their clients. */
export class EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(event: FirebreakEvent): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: FirebreakEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
