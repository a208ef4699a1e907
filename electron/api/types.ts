import type { Store } from '../store/store';
import type { Channel, Output, ParsedInput } from '../../shared/contract';

/** A handler gets the open archive and input that already passed the channel's schema. */
export type Handler<C extends Channel> = (archive: Store, input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
export type HandlerMap<K extends Channel> = { [C in K]: Handler<C> };
