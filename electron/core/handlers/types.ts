import type { Channel } from '../../../shared/ipc/channels';
import type { Contract, Output, ParsedInput } from '../../../shared/ipc/contract';
import type { CoreContext, SessionContext } from '../context';

type ContextFor<C extends Channel> = Contract[C]['access'] extends 'public' ? CoreContext : SessionContext;

type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: ContextFor<C>) => Promise<Output<C>>;

export type Handlers = { [C in Channel]: Handler<C> };
