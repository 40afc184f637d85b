// GraphiQL for the router, bundled so that it works with no internet.
// Queries and mutations go over HTTP POST to /graphql on this origin;
// subscriptions over WebSocket (graphql-transport-ws via graphql-ws).
// The browser sends the session cookie with both, so a signed-in user is
// authenticated; an Authorization header typed in the headers editor is
// sent over HTTP and, for subscriptions, in connection_init.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import 'graphiql/style.css';

const url = new URL('/graphql', window.location.href);
const wsUrl = new URL(url);
wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';

// Headers typed in the editor, read when a socket connects.
let editorHeaders = {};

const wsClient = createClient({
  url: wsUrl.href,
  lazy: true,
  retryAttempts: 3,
  connectionParams: () => {
    const auth = editorHeaders.Authorization || editorHeaders.authorization;
    return auth ? { Authorization: auth } : {};
  },
});

const httpFetcher = createGraphiQLFetcher({ url: url.href, wsClient });

function fetcher(params, opts) {
  editorHeaders = (opts && opts.headers) || {};
  return httpFetcher(params, opts);
}

const defaultQuery = `# Welcome to GraphiQL, served by the federation router.
#
# Queries and mutations run over HTTP; subscriptions over WebSocket.
# Press the play button (Ctrl-Enter) to run. The Docs panel and
# autocomplete (Ctrl-Space) come from introspection of the API schema.
{
  __typename
}
`;

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} shouldPersistHeaders={false} />,
);
