/**
 * The analyst's results page, `/results/:id`: a shell that loads the charts bundle and hands
 * `<pv-results>` the survey's publication URL. The page itself carries nothing about the
 * survey (no title, no numbers; the same page for an id that does not exist): the element
 * asks for an analyst token, then fetches the publication with it.
 */
export function resultsPage(surveyId: string, scriptUrl: string): string {
  const id = encodeURIComponent(surveyId);
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Results</title>
    <style>
      body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; margin: 0; color: #0b0c0c; background: #fff; line-height: 1.5; }
      main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
      @media print { main { max-width: none; padding: 0; } }
    </style>
    <script type="module" src="${attr(scriptUrl)}"></script>
  </head>
  <body>
    <main>
      <pv-results src="/v1/surveys/${attr(id)}/published" survey-id="${attr(surveyId)}"></pv-results>
    </main>
  </body>
</html>
`;
}

/** Headers of the results page: no caching of a page analysts open, no framing, our scripts only. */
export const RESULTS_PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'",
} as const;
