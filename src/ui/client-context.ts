import { createContext, use } from 'react';
import type { SimClient } from '../state/client';

export const ClientContext = createContext<SimClient | null>(null);

export function useClient(): SimClient {
  const client = use(ClientContext);
  if (!client) throw new Error('useClient needs a <ClientContext> around the app');
  return client;
}
