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
import { parse } from 'graphql';
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

const httpFetcher = createGraphiQLFetcher({ url: url.href });

// The toolkit only recognises named subscriptions; decide from the
// document itself so that anonymous ones go over the socket too.
function isSubscription(params) {
  try {
    const ops = parse(params.query).definitions.filter((d) => d.kind === 'OperationDefinition');
    const op = params.operationName ? ops.find((o) => o.name && o.name.value === params.operationName) : ops[0];
    return !!op && op.operation === 'subscription';
  } catch {
    return false;
  }
}

function fetcher(params, opts) {
  editorHeaders = (opts && opts.headers) || {};
  if (isSubscription(params)) {
    return wsClient.iterate({
      query: params.query,
      operationName: params.operationName || undefined,
      variables: params.variables || undefined,
    });
  }
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
