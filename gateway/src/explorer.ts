import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * GraphiQL served from the installed npm packages: these machines (and many
 * government networks) have no internet, so the explorer cannot load from a
 * CDN the way Apollo's landing page does.
 */
// The UMD builds are not in the packages' `exports` maps, so resolve each
// package's directory through its package.json and join the file path.
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

const ASSETS: Record<string, { file: string; type: string }> = {
  '/explorer/react.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  '/explorer/react-dom.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  '/explorer/graphiql.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  '/explorer/graphiql.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
};

export const EXPLORER_DEFAULT_QUERY = `# What anyone may see of a person, without a token: the published lists
# and penalties (a person on one of them with a masked identity). For the
# other roles, \`npm start\` prints development tokens: put
# {"authorization": "Bearer <token>"} in the Headers tab.
query PublicRecord($id: CitizenId!) {
  person(id: $id) {
    id
    dishonestDebtorListings(first: 5) { totalCount nodes { decisionDate obligation listedUntil } }
    jointPunishment { listed categories measures }
    redList { onRedList }
    administrativePenalties(first: 5) { totalCount nodes { department authority category decisionDate penaltyContent } }
  }
}`;

function page(sampleId: string | undefined): string {
  const variables = JSON.stringify({ id: sampleId ?? '' }, null, 2);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Mianyang credit API explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.css">
<style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading the explorer…</div>
<script src="/explorer/react.js"></script>
<script src="/explorer/react-dom.js"></script>
<script src="/explorer/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: ${JSON.stringify(EXPLORER_DEFAULT_QUERY)},
      defaultHeaders: '{}',
      variables: ${JSON.stringify(variables)},
      shouldPersistHeaders: false,
    }),
  );
</script>
</body>
</html>`;
}

/** Handles `/`, `/explorer*` and a browser's GET of `/graphql`; returns false for other requests. */
export function serveExplorer(req: IncomingMessage, res: ServerResponse, url: URL, sampleId?: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // A browser opening the endpoint itself gets the explorer, not a 400.
  const browserOnEndpoint = url.pathname === '/graphql' && !url.searchParams.has('query') && String(req.headers.accept ?? '').includes('text/html');
  if (url.pathname === '/' || browserOnEndpoint) {
    res.writeHead(302, { location: '/explorer' }).end();
    return true;
  }
  if (url.pathname === '/explorer') {
    const html = page(sampleId);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) }).end(html);
    return true;
  }
  const asset = ASSETS[url.pathname];
  if (!asset) return false;
  res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
  createReadStream(asset.file).pipe(res);
  return true;
}
