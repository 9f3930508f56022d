/** The account requests: wired in before their store exists, so that the hub builds. */
import { OpError } from '../errors';
import type { Handler } from './handler';

const notYet = (): never => {
  throw new OpError('internal', 'personal accounts are not available in this build of the hub yet');
};

export const signOut: Handler<'session:signOut'> = async () => notYet();
export const changePin: Handler<'pin:change'> = async () => notYet();
export const listUsers: Handler<'users:list'> = async () => notYet();
export const createUser: Handler<'user:create'> = async () => notYet();
export const updateUser: Handler<'user:update'> = async () => notYet();
export const resetPin: Handler<'user:resetPin'> = async () => notYet();
export const freeSeat: Handler<'seat:free'> = async () => notYet();
export const securityLog: Handler<'security:log'> = async () => notYet();
