/**
 * The notices the occupation data's licences ask for, on every page that shows it: O*NET's
 * required attribution (CC BY 4.0) and the BLS sources (public domain). A labelled section (a
 * region), not a footer: a footer inside main is no landmark, so its label would name nothing.
 */
export function DataAttribution() {
  return (
    <section
      aria-label="Data sources"
      className="mt-8 border-t border-slate-300 pt-4 text-xs text-slate-700 dark:border-slate-600 dark:text-slate-300"
    >
      <p>
        This page includes information from the{' '}
        <a
          className="underline"
          href="https://www.onetcenter.org/database.html"
          target="_blank"
          rel="noreferrer"
        >
          O*NET 29.3 Database
          <span className="sr-only"> (opens in a new tab)</span>
        </a>{' '}
        by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the{' '}
        <a
          className="underline"
          href="https://creativecommons.org/licenses/by/4.0/"
          target="_blank"
          rel="noreferrer"
        >
          CC BY 4.0
          <span className="sr-only"> (opens in a new tab)</span>
        </a>{' '}
        license. O*NET® is a trademark of USDOL/ETA. Career Coach has modified all or some of this
        information. USDOL/ETA has not approved, endorsed, or tested these modifications.
      </p>
      <p className="mt-2">
        Pay and employment: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May
        2024. Growth, openings and typical education: U.S. Bureau of Labor Statistics, Employment Projections
        2024–34. BLS data are in the public domain; BLS has not reviewed how Career Coach presents them.
      </p>
    </section>
  );
}
