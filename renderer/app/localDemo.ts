/**
 * Until server sign-in exists, people act as one of the generator's demo staff, locally: their
 * database belongs to this server id, and the screens that need a server say so.
 */
export const LOCAL_DEMO_SERVER_ID = 'local-demo';
