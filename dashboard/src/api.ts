import { request, httpTransport } from '../../publish/client/request.ts';

/** The gateway that served this page, as the caller the browser is (anonymous: the figures anyone may see). */
export const transport = httpTransport('/graphql');
export { request };
