// One list of what the package ships, read by rollup.config.js, scripts/build.mjs and scripts/size.mjs.

/** Public elements: tag → module that registers it. `asn-provider` first (static markup needs its context). */
export const elements = {
  'asn-provider': 'components/provider/define.ts',
  'asn-progress-card': 'components/progress-card/define.ts',
  'asn-goal-list': 'components/goal-list/define.ts',
  'asn-feedback-form': 'components/feedback-form/define.ts',
  'asn-feedback-feed': 'components/feedback-feed/define.ts',
  'asn-team-overview': 'components/team-overview/define.ts',
  'asn-program-roster': 'components/program-roster/define.ts',
  'asn-program-catalog': 'components/program-catalog/define.ts',
  'asn-internship-openings': 'components/internship-openings/define.ts',
  'asn-internship-form': 'components/internship-form/define.ts',
  'asn-application-review': 'components/application-review/define.ts',
  'asn-partner-directory': 'components/partner-directory/define.ts',
};

/** npm entries: output name (under dist/) → source. */
export const libraryEntries = {
  index: 'src/client/index.ts',
  contract: 'src/contract/index.ts',
  'components/index': 'components/index.ts',
  ...Object.fromEntries(Object.entries(elements).map(([tag, file]) => [`components/${tag}`, file])),
};

/** The CDN file: every element plus the SDK, all dependencies bundled. */
export const cdnEntry = 'src/cdn.ts';
