/** `agent-console hash-password`. */
import { hashPassword } from '../../server/passwords.js';
import { promptHidden } from '../prompt.js';

export async function hashPasswordCommand(): Promise<void> {
  const password = await promptHidden('Password: ');
  if (!password) throw new Error('empty password');
  process.stdout.write(`${await hashPassword(password)}\n`);
}
